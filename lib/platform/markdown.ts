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
import type { Element, Root, RootContent } from "hast";
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
      const inParagraph = node.children
        .find((c): c is Element => c.type === "element" && c.tagName === "p")
        ?.children.find((c): c is Element => c.type === "element" && c.tagName === "input");
      const input = box ?? inParagraph;
      if (input?.properties?.type === "checkbox") input.properties = { ...input.properties, ariaLabel: toString(node).trim().slice(0, 200) || "task" };
    });
  };
}

/** An image of another site would tell it who reads (a tracking pixel), and the policy blocks it anyway: it becomes a link. */
export const isRemoteImage = (src: unknown) => typeof src !== "string" || !src.startsWith("/") || src.startsWith("//");

/**
 * Images from other sites become links to them ("Image: the alt text"), so a
 * reader chooses to open them; images uploaded here stay images.
 */
export function remoteImagesAsLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "img" || !parent || index === undefined || !isRemoteImage(node.properties?.src)) return;
      const src = String(node.properties?.src ?? "");
      const alt = String(node.properties?.alt ?? "").trim();
      const link: Element = {
        type: "element",
        tagName: "a",
        properties: { href: src, rel: ["nofollow", "noopener", "noreferrer"], className: ["remote-image"] },
        children: [{ type: "text", value: `Image: ${alt || src}` }],
      };
      parent.children[index] = src ? link : { type: "text", value: alt };
    });
  };
}

// footnotes: ids prefixed once, by the sanitizer, and their links follow (footnoteLinks below)
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { clobberPrefix: "" })
  .use(rehypeSanitize)
  .use(remoteImagesAsLinks)
  .use(footnoteLinks)
  .use(accessibleBlocks)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

// The same parsing and sanitizing as renderMarkdown, stopping at the HTML tree: excerpts are its text
const textProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { clobberPrefix: "" }).use(rehypeSanitize);

/** Elements whose text stands apart from what comes before and after ("- one\n- two" reads "one two"). */
const BLOCKS = new Set([
  "p",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "div",
  "dl",
  "dt",
  "dd",
  "br",
  "hr",
  "details",
  "summary",
]);

/** Not the gist of a text: code listings, footnote marks and the footnotes themselves. */
const skipped = (node: Element) =>
  node.tagName === "pre" ||
  node.properties?.dataFootnotes !== undefined ||
  (node.tagName === "sup" && node.children.some((c) => c.type === "element" && c.properties?.dataFootnoteRef !== undefined));

function textOf(nodes: (Root | RootContent)[], out: string[]) {
  for (const node of nodes) {
    if (node.type === "text") out.push(node.value);
    else if (node.type === "root") textOf(node.children, out);
    else if (node.type === "element" && !skipped(node)) {
      const block = BLOCKS.has(node.tagName);
      if (block) out.push(" ");
      textOf(node.children, out);
      if (block) out.push(" ");
    }
  }
}

/**
 * The first words of a Markdown text as plain text, for cards and lists: the
 * text that the rendered (sanitized) page shows, never the source. Raw HTML is
 * dropped as the renderer drops it, links keep their text, images and code
 * listings go; cut on a word boundary with an ellipsis, within `maxLength`.
 */
export function markdownExcerpt(markdown: string, maxLength = 180): string {
  const out: string[] = [];
  textOf([textProcessor.runSync(textProcessor.parse(markdown))], out);
  const plain = out.join("").replace(/\s+/g, " ").trim();
  if (plain.length <= maxLength) return plain;
  let end = maxLength - 1; // room for the ellipsis
  if (/[\uDC00-\uDFFF]/.test(plain[end])) end--; // never half of an emoji
  let cut = plain.slice(0, end);
  // a word cut in its middle goes, unless it is the only one
  if (!/\s/.test(plain[end])) cut = cut.replace(/\s+\S*$/, "") || cut;
  return (cut.replace(/[\s,;:\-–—]+$/u, "") || cut) + "…";
}

/** Text as HTML or XML text or attribute value: the five characters that mean something there, escaped. */
export const escapeMarkup = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
