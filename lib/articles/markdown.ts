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
import { VFile } from "vfile";
import { accessibleBlocks, footnoteLinks, remoteImagesAsLinks } from "../platform/markdown";

export type TocEntry = { depth: 2 | 3; id: string; text: string };
export type ImageSize = { width: number; height: number };
export type RenderedArticle = { html: string; toc: TocEntry[]; words: number; readingMinutes: number };

/** Uploaded images are served from /uploads/<content hash>.<format>. */
export const UPLOAD_PATH = /^\/uploads\/([a-f0-9]{16,64}\.(?:png|jpg|webp|gif|avif))$/;

const WORDS_PER_MINUTE = 230;
const SECONDS_PER_IMAGE = 10;

type Options = { imageSizes?: Map<string, ImageSize> };
/** What one rendering gathers as it goes, and the image sizes it is given: on the file, so one processor serves every call. */
type RenderData = { toc: TocEntry[]; images: number; imageSizes?: Map<string, ImageSize> };
const renderData = (file: VFile) => file.data as unknown as RenderData;

/**
 * Ids for h2–h4 from their text (GitHub's slugs: "Results, at last" →
 * "results-at-last"), an anchor link in each, and the table of contents
 * (h2 and h3). Leading underscores are dropped: an element id like
 * "__next_f" would shadow a global the page's scripts use.
 */
function headings() {
  return (tree: Root, file: VFile) => {
    const { toc } = renderData(file);
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
      if (depth <= 3) toc.push({ depth: depth as 2 | 3, id, text });
    });
  };
}

/** Images load lazily, with their size when known (no layout jump), and are counted for the reading time. */
function images() {
  return (tree: Root, file: VFile) => {
    const data = renderData(file);
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      data.images++;
      const upload = UPLOAD_PATH.exec(String(node.properties?.src ?? ""))?.[1];
      const size = upload ? data.imageSizes?.get(upload) : undefined;
      node.properties = { ...node.properties, loading: "lazy", decoding: "async", ...(size && { width: size.width, height: size.height }) };
    });
  };
}

// built once (the highlighter registers its ~40 grammars when the pipeline is first used): the preview renders on every pause in typing
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { clobberPrefix: "" }) // the sanitizer prefixes every id, footnotes' too
  .use(rehypeSanitize) // first: only what survives GitHub's allow-list goes on
  .use(remoteImagesAsLinks)
  .use(footnoteLinks)
  .use(accessibleBlocks)
  .use(rehypeHighlight, { detect: false, plainText: ["text", "txt", "plain"] })
  .use(headings)
  .use(images)
  .use(rehypeStringify)
  .freeze();

export function renderArticle(markdown: string, { imageSizes }: Options = {}): RenderedArticle {
  const file = new VFile({ value: markdown });
  const data: RenderData = { toc: [], images: 0, imageSizes };
  Object.assign(file.data, data);
  const tree = processor.runSync(processor.parse(file), file);
  const words = toString(tree).split(/\s+/).filter(Boolean).length;
  const html = processor.stringify(tree, file);
  const { toc, images: imageCount } = renderData(file);
  const readingMinutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE + (imageCount * SECONDS_PER_IMAGE) / 60));
  return { html, toc, words, readingMinutes };
}
