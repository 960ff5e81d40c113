import { describe, expect, it } from "vitest";
import { renderArticle } from "@/lib/articles/markdown";
import { markdownExcerpt, renderMarkdown } from "@/lib/platform/markdown";

describe("renderMarkdown: GitHub-flavoured Markdown", () => {
  it("renders headings, emphasis, lists, code and links", () => {
    const html = renderMarkdown(
      "## Tracing with eBPF\n\n**USDT** probes and *uprobes*.\n\n1. attach\n2. trace\n\n`bpftrace -l`\n\n```c\nint main(void) { return 0; }\n```\n\n[docs](https://ebpf.io)",
    );
    expect(html).toContain("<h2>Tracing with eBPF</h2>");
    expect(html).toContain("<strong>USDT</strong>");
    expect(html).toContain("<em>uprobes</em>");
    expect(html).toMatch(/<ol>\s*<li>attach<\/li>\s*<li>trace<\/li>\s*<\/ol>/);
    expect(html).toContain("<code>bpftrace -l</code>");
    expect(html).toContain('<pre tabindex="0"><code class="language-c">int main(void) { return 0; }\n</code></pre>'); // focusable: a wide block scrolls with the keys
    expect(html).toContain('<a href="https://ebpf.io">docs</a>');
  });

  it("renders tables of benchmark results", () => {
    const html = renderMarkdown("| benchmark | ns/op |\n| --- | ---: |\n| parse | 120 |\n| format | 85 |");
    expect(html).toMatch(/<table tabindex="0">[\s\S]*<thead>[\s\S]*<th>benchmark<\/th>[\s\S]*<tbody>[\s\S]*<td>parse<\/td>[\s\S]*<\/table>/);
    expect(html).toMatch(/<td[^>]*>85<\/td>/); // a right-aligned column may carry an align attribute
  });

  it("renders task lists as disabled checkboxes", () => {
    const html = renderMarkdown("- [x] prototype\n- [ ] slides");
    // each box named after its item, for screen readers
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="prototype"> prototype');
    expect(html).toContain('<input type="checkbox" disabled aria-label="slides"> slides');
  });

  it("renders strikethrough", () => {
    expect(renderMarkdown("~~home-made metrics store~~ Prometheus")).toContain("<del>home-made metrics store</del> Prometheus");
  });

  it("autolinks bare URLs", () => {
    expect(renderMarkdown("See https://example.com/blog")).toContain('<a href="https://example.com/blog">https://example.com/blog</a>');
  });

  it("escapes text so that it is shown, not interpreted", () => {
    expect(renderMarkdown("a < b && c > d")).toContain("a &#x3C; b &#x26;&#x26; c > d");
  });
});

describe("renderMarkdown: unsafe input", () => {
  const attacks = {
    script: "<script>alert(document.cookie)</script>",
    onerror: '<img src="x" onerror="alert(1)">',
    onclick: '<a href="https://example.com" onclick="alert(1)">click</a>',
    iframe: '<iframe src="https://evil.example"></iframe>',
    style: '<p style="position:fixed;top:0">cover the page</p>',
    object: '<object data="evil.swf"></object><embed src="evil.swf">',
    form: '<form action="https://evil.example"><input name="password"></form>',
  };

  it.each(Object.entries(attacks))("drops raw HTML: %s", (_name, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<form|<img|onerror|onclick|style=/i);
    expect(html).not.toContain("alert(");
  });

  it("drops inline raw HTML tags, leaving their text as inert text", () => {
    expect(renderMarkdown("Hello <script>alert(1)</script> world")).toBe("<p>Hello alert(1) world</p>");
    expect(renderMarkdown('Hi <span style="color:red" onmouseover="alert(1)">there</span>')).toBe("<p>Hi there</p>");
  });

  it("keeps the Markdown around raw HTML", () => {
    const html = renderMarkdown("Before\n\n<script>alert(1)</script>\n\nAfter **bold**");
    expect(html).toContain("<p>Before</p>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("<script");
  });

  it.each([
    "[click me](javascript:alert(1))",
    "[click me](JavaScript:alert(1))",
    "[click me]( javascript:alert(1) )",
    "[click me](vbscript:msgbox(1))",
    "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click me][ref]\n\n[ref]: javascript:alert(1)",
  ])("removes dangerous link targets: %s", (source) => {
    const html = renderMarkdown(source);
    expect(html).toContain("click me");
    expect(html).not.toMatch(/href="(?!https?:)/i);
    expect(html).not.toMatch(/javascript|vbscript|data:/i);
  });

  it("removes dangerous image sources", () => {
    const html = renderMarkdown("![chart](javascript:alert(1))");
    expect(html).not.toMatch(/javascript/i);
  });

  it("keeps safe images and links", () => {
    const html = renderMarkdown("![latency chart](/uploads/chart.png)\n\n[mail us](mailto:hack@example.com)");
    expect(html).toContain('<img src="/uploads/chart.png" alt="latency chart">');
    expect(html).toContain('<a href="mailto:hack@example.com">mail us</a>');
  });

  it("prefixes ids from the text so a pitch cannot clobber the page's own elements", () => {
    const html = renderMarkdown("Footnote[^1]\n\n[^1]: the note");
    expect(html).toMatch(/id="user-content-/);
  });
});

describe("markdownExcerpt", () => {
  it("turns Markdown into plain text", () => {
    expect(markdownExcerpt("# Geodata\n\nA **map** of _mobility_ data with `deck.gl`.\n\n> quoted\n\n- one\n- two")).toBe(
      "Geodata A map of mobility data with deck.gl. quoted one two",
    );
  });

  it("keeps link text and drops URLs, images and code blocks", () => {
    expect(markdownExcerpt("See [the docs](https://example.com) ![shot](a.png)\n\n```\ncode();\n```\n\nthen more")).toBe("See the docs then more");
  });

  it("keeps hyphens and underscores inside words", () => {
    expect(markdownExcerpt("Record-and-replay debugging with **rr**, for snake_case code; run `eslint --fix`.")).toBe(
      "Record-and-replay debugging with rr, for snake_case code; run eslint --fix.",
    );
  });

  it("drops table rules and horizontal rules", () => {
    expect(markdownExcerpt("| lib | ns |\n|---|:---:|\n| ours | 120 |\n\n---\n\nafter")).not.toMatch(/---|\|/);
  });

  it("returns short texts whole", () => {
    expect(markdownExcerpt("Short pitch.")).toBe("Short pitch.");
    expect(markdownExcerpt("")).toBe("");
  });

  it("cuts long texts at a word boundary with an ellipsis, within the limit", () => {
    const long = "word ".repeat(100);
    const excerpt = markdownExcerpt(long, 50);
    expect(excerpt.length).toBeLessThanOrEqual(50);
    expect(excerpt).toMatch(/^(word )+word…$/);
  });

  it("uses 180 characters by default", () => {
    const excerpt = markdownExcerpt("lorem ipsum ".repeat(50));
    expect(excerpt.length).toBeLessThanOrEqual(180);
    expect(excerpt.endsWith("…")).toBe(true);
  });

  it("cuts a single very long word rather than returning nothing", () => {
    expect(markdownExcerpt("x".repeat(300), 20)).toBe("x".repeat(19) + "…");
  });

  it("is the text the rendered page shows, never raw HTML source (issue 11, item 15)", () => {
    const pitch =
      'Intro\n\n- item <script>alert(1)</script> [link](http://x)\n- <img src=x onerror=alert(2)> second\n\n<div onclick="steal()">hidden</div>\n\nend';
    const excerpt = markdownExcerpt(pitch);
    expect(excerpt).toBe("Intro item alert(1) link second end");
    expect(excerpt).not.toMatch(/[<>]|script|onerror|onclick|http:\/\/x|steal/);
  });

  it("turns headings, emphasis, links, code and GitHub's extensions into clean text", () => {
    expect(
      markdownExcerpt(
        '## Why\n\n***Really*** ~~slow~~ fast [`grep`](https://x.test "title") and <https://ebpf.io>, see[^1].\n\n- [x] done\n- [ ] next\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: a note',
      ),
    ).toBe("Why Really slow fast grep and https://ebpf.io, see. done next a b 1 2");
    expect(markdownExcerpt("Escaped \\*stars\\* and 2 < 3 & 4 > 1")).toBe("Escaped *stars* and 2 < 3 & 4 > 1");
    expect(markdownExcerpt("Setext heading\n===\n\nA hard\\\nbreak")).toBe("Setext heading A hard break");
  });

  it("never cuts inside a word that fits, nor leaves a dangling comma", () => {
    expect(markdownExcerpt("alpha beta, gamma", 12)).toBe("alpha beta…");
    expect(markdownExcerpt("alpha **beta** gamma delta", 17)).toBe("alpha beta gamma…");
  });

  it("never cuts an emoji in half", () => {
    const excerpt = markdownExcerpt("🚀".repeat(20), 10);
    expect(excerpt).toBe("🚀".repeat(4) + "…");
  });
});

describe("images of other sites", () => {
  it("become links in pitches and articles, so no reader's browser fetches a tracking pixel", () => {
    const source = "Look: ![the team](http://evil.test/x.png) ![](//evil.test/y.png) ![ours](/uploads/abc.png)";
    for (const html of [renderMarkdown(source), renderArticle(source).html]) {
      expect(html).not.toMatch(/<img[^>]+evil\.test/);
      expect(html).toContain('<a href="http://evil.test/x.png" rel="nofollow noopener noreferrer" class="remote-image">Image: the team</a>');
      expect(html).toContain('<a href="//evil.test/y.png" rel="nofollow noopener noreferrer" class="remote-image">Image: //evil.test/y.png</a>');
      expect(html).toMatch(/<img src="\/uploads\/abc\.png" alt="ours"/);
    }
  });
});
