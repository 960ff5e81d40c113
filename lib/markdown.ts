// Markdown to safe HTML, for topic pitches and challenge statements; the
// sanitizing pipeline and the plugins that articles (article-markdown.ts) build on.
// unified/remark/rehype is the maintained standard pipeline: GitHub-flavoured
// Markdown (tables, task lists, strikethrough, footnotes), and rehype-sanitize
// with GitHub's allow-list strips scripts, event handlers, javascript: URLs,
// iframes and styles. Raw HTML in the source is not interpreted at all.
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/**
 * Footnote links point at the ids the sanitizer prefixed ("fn-1" became
 * "user-content-fn-1"): remark-rehype leaves its own prefix off, so that ids
 * are prefixed once, by the sanitizer, and the links follow here.
 */
export function footnoteLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const href = node.properties?.href;
      const footnote = node.properties?.dataFootnoteRef !== undefined || node.properties?.dataFootnoteBackref !== undefined;
      if (node.tagName === "a" && footnote && typeof href === "string" && href.startsWith("#")) node.properties.href = `#user-content-${href.slice(1)}`;
    });
  };
}

/**
 * What keyboards and screen readers need of GitHub's markup: a task list's
 * checkbox is named after its item ("[x] prototype" is a checked box named
 * "prototype"), and a code block or table wider than the screen, which
 * scrolls sideways in its own box, can be focused to scroll with the keys.
 */
export function accessibleBlocks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "pre" || node.tagName === "table") node.properties = { ...node.properties, tabIndex: 0 };
      if (node.tagName !== "li") return;
      const box = node.children.find((c): c is Element => c.type === "element" && c.tagName === "input");
      const inParagraph = node.children.find((c): c is Element => c.type === "element" && c.tagName === "p")?.children.find((c): c is Element => c.type === "element" && c.tagName === "input");
      const input = box ?? inParagraph;
      if (input?.properties?.type === "checkbox") input.properties = { ...input.properties, ariaLabel: toString(node).trim().slice(0, 200) || "task" };
    });
  };
}

// footnotes: ids prefixed once, by the sanitizer, and their links follow (footnoteLinks below)
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { clobberPrefix: "" }).use(rehypeSanitize).use(footnoteLinks).use(accessibleBlocks).use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** The first words of a Markdown text as plain text, for cards and previews. */
export function markdownExcerpt(markdown: string, maxLength = 180): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>|]+/g, " ")
    .replace(/[*`~]+/g, "") // emphasis and code marks hug their text: "**rr**," → "rr,"
    // "-" and "_" are Markdown (bullets, rules, emphasis) only at the edge of a word:
    // keep them inside words such as "record-and-replay", "snake_case" or "--fix"
    .replace(/-+(?![-\p{L}\p{N}])/gu, " ")
    .replace(/(?<![_\p{L}\p{N}])_+|_+(?![_\p{L}\p{N}])/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length <= maxLength ? plain : plain.slice(0, maxLength - 1).replace(/\s+\S*$/, "") + "…";
}

/** Text as HTML or XML text or attribute value: the five characters that mean something there, escaped. */
export const escapeMarkup = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
