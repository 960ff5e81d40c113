// Markdown to safe HTML, for topic pitches now and articles later.
// unified/remark/rehype is the maintained standard pipeline: GitHub-flavoured
// Markdown (tables, task lists, strikethrough, footnotes), and rehype-sanitize
// with GitHub's allow-list strips scripts, event handlers, javascript: URLs,
// iframes and styles. Raw HTML in the source is not interpreted at all.
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { accessibleBlocks, footnoteLinks } from "./article-markdown";

// footnotes: ids prefixed once, by the sanitizer, and their links follow (see article-markdown.ts)
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
