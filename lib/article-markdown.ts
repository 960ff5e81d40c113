// An article's Markdown as the published page shows it, and as the editor's
// preview shows it (the same function: what the author sees is what readers
// get). GitHub-flavoured Markdown (tables, task lists, footnotes,
// strikethrough), sanitized with GitHub's allow-list first (no raw HTML,
// scripts, event handlers, javascript: URLs, iframes or styles survive), then
// enriched with trusted markup only: highlighted code (highlight.js grammars
// through lowlight, for fenced code that names its language), headings with
// ids and anchor links, a table of contents, lazy images with their size.
import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Root } from "hast";
import { toString } from "hast-util-to-string";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { accessibleBlocks, footnoteLinks } from "./markdown";

export type TocEntry = { depth: 2 | 3; id: string; text: string };
export type ImageSize = { width: number; height: number };
export type RenderedArticle = { html: string; toc: TocEntry[]; words: number; readingMinutes: number };

/** Uploaded images are served from /uploads/<content hash>.<format>. */
export const UPLOAD_PATH = /^\/uploads\/([a-f0-9]{16,64}\.(?:png|jpg|webp|gif|avif))$/;

const WORDS_PER_MINUTE = 230;
const SECONDS_PER_IMAGE = 10;

type Options = { imageSizes?: Map<string, ImageSize> };
type Collected = { toc: TocEntry[]; images: number };

/**
 * Ids for h2–h4 from their text (GitHub's slugs: "Results, at last" →
 * "results-at-last"), an anchor link in each, and the table of contents
 * (h2 and h3). Leading underscores are dropped: an element id like
 * "__next_f" would shadow a global the page's scripts use.
 */
function headings(collected: Collected) {
  return () => (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, "element", (node: Element) => {
      const depth = Number(/^h([2-4])$/.exec(node.tagName)?.[1]);
      // a heading with an id already is the footnotes' (hidden) label, which their references point to: no section
      if (!depth || node.properties?.id) return;
      const text = toString(node).trim();
      const id = slugger.slug(text).replace(/^[-_]+/, "") || "section";
      node.properties = { ...node.properties, id };
      node.children.push({
        type: "element",
        tagName: "a",
        properties: { href: `#${id}`, className: ["heading-anchor"], ariaLabel: `Link to this section: ${text}` },
        children: [{ type: "text", value: "#" }],
      } satisfies ElementContent);
      if (depth <= 3) collected.toc.push({ depth: depth as 2 | 3, id, text });
    });
  };
}

/** Images load lazily, with their size when known (no layout jump), and are counted for the reading time. */
function images(collected: Collected, sizes: Map<string, ImageSize> | undefined) {
  return () => (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      collected.images++;
      const file = UPLOAD_PATH.exec(String(node.properties?.src ?? ""))?.[1];
      const size = file ? sizes?.get(file) : undefined;
      node.properties = { ...node.properties, loading: "lazy", decoding: "async", ...(size && { width: size.width, height: size.height }) };
    });
  };
}

export function renderArticle(markdown: string, { imageSizes }: Options = {}): RenderedArticle {
  const collected: Collected = { toc: [], images: 0 };
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { clobberPrefix: "" }) // the sanitizer prefixes every id, footnotes' too
    .use(rehypeSanitize) // first: only what survives GitHub's allow-list goes on
    .use(footnoteLinks)
    .use(accessibleBlocks)
    .use(rehypeHighlight, { detect: false, plainText: ["text", "txt", "plain"] })
    .use(headings(collected))
    .use(images(collected, imageSizes))
    .use(rehypeStringify);
  const tree = processor.runSync(processor.parse(markdown));
  const words = toString(tree).split(/\s+/).filter(Boolean).length;
  const html = processor.stringify(tree);
  const readingMinutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE + (collected.images * SECONDS_PER_IMAGE) / 60));
  return { html, toc: collected.toc, words, readingMinutes };
}
