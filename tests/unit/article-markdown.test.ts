import { describe, expect, it } from "vitest";
import { renderArticle, UPLOAD_PATH, type ImageSize } from "@/lib/articles/markdown";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";

const html = (markdown: string, imageSizes?: Map<string, ImageSize>) => renderArticle(markdown, { imageSizes }).html;

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;

/** The start tags of rendered HTML with their attributes (rehype-stringify always double-quotes values). */
function tags(output: string): { name: string; attributes: Map<string, string> }[] {
  const found = [];
  for (const tag of output.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const attribute of tag[2].matchAll(/([^\s"'>/=]+)(?:="([^"]*)")?/g)) attributes.set(attribute[1].toLowerCase(), attribute[2] ?? "");
    found.push({ name: tag[1].toLowerCase(), attributes });
  }
  return found;
}

/**
 * A URL attribute as a browser reads its scheme: entities decoded, tabs,
 * newlines, control characters and spaces gone. (Percent-escapes stay: a
 * browser never decodes them into a scheme, "javascript%3A…" is a relative URL.)
 */
function resolvedUrl(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, "&")
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, "")
    .toLowerCase();
}

const DANGEROUS_TAGS = [
  "script",
  "iframe",
  "frame",
  "style",
  "svg",
  "math",
  "object",
  "embed",
  "form",
  "base",
  "meta",
  "link",
  "noscript",
  "textarea",
  "button",
  "template",
];
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "cite", "longdesc", "background", "poster", "srcset"];

function assertSafe(output: string) {
  for (const tag of DANGEROUS_TAGS) expect(output.toLowerCase()).not.toContain(`<${tag}`);
  for (const { name, attributes } of tags(output)) {
    expect(DANGEROUS_TAGS).not.toContain(name);
    for (const [attribute, value] of attributes) {
      expect(attribute, `<${name} ${attribute}>`).not.toMatch(/^on/);
      expect(attribute, `<${name} ${attribute}>`).not.toBe("style");
      expect(attribute, `<${name} ${attribute}>`).not.toBe("srcdoc");
      // no element may take a name, nor an id that shadows a global of the page's scripts
      expect(attribute, `<${name} ${attribute}>`).not.toBe("name");
      if (attribute === "id") expect(value, `<${name} id="${value}">`).not.toMatch(/^_/);
      if (URL_ATTRIBUTES.includes(attribute))
        expect(resolvedUrl(value), `<${name} ${attribute}="${value}">`).not.toMatch(/^(javascript|vbscript|data|livescript):/);
    }
  }
  // the same as plain-text checks, on the tags with their values emptied (escaped text and titles may spell anything)
  const markup = [...output.matchAll(TAG)].map((tag) => tag[0].replace(/="[^"]*"/g, '=""')).join("");
  expect(markup).not.toMatch(/\son\w+=/i);
  expect(markup).not.toMatch(/\sstyle=/i);
  expect(output).not.toMatch(/\s(href|src)="\s*(javascript|vbscript):/i);
  expect(output).not.toMatch(/\s(href|src)="\s*data:text\/html/i);
}

describe("renderArticle: GitHub-flavoured Markdown", () => {
  it("renders tables", () => {
    const out = html("| benchmark | ns/op |\n| --- | ---: |\n| parse | 120 |\n| format | 85 |");
    expect(out).toMatch(/<table tabindex="0">[\s\S]*<thead>[\s\S]*<th>benchmark<\/th>[\s\S]*<tbody>[\s\S]*<td>parse<\/td>[\s\S]*<\/table>/);
    expect(out).toMatch(/<td[^>]*>85<\/td>/);
  });

  it("renders task lists as disabled checkboxes", () => {
    const out = html("- [x] prototype\n- [ ] slides");
    expect(out).toContain('<ul class="contains-task-list">');
    expect(out).toContain('<li class="task-list-item"><input type="checkbox" checked disabled aria-label="prototype"> prototype</li>');
    expect(out).toContain('<li class="task-list-item"><input type="checkbox" disabled aria-label="slides"> slides</li>');
  });

  it("renders strikethrough", () => {
    expect(html("~~home-made metrics store~~ Prometheus")).toContain("<del>home-made metrics store</del> Prometheus");
  });

  it("renders footnotes whose links reach their targets", () => {
    const out = html("Latency dropped by half.[^1] Twice.[^1]\n\n[^1]: Measured on the staging cluster.");
    expect(out).toMatch(/<sup><a [^>]*data-footnote-ref[^>]*>1<\/a><\/sup>/);
    expect(out).toContain('<section data-footnotes class="footnotes">');
    expect(out).toContain("Measured on the staging cluster.");
    // every in-page link points at an element of the page (ids prefixed once, links to match)
    const ids = new Set(tags(out).flatMap((t) => (t.attributes.has("id") ? [t.attributes.get("id")!] : [])));
    const targets = tags(out).flatMap((t) => (t.name === "a" && t.attributes.get("href")?.startsWith("#") ? [t.attributes.get("href")!.slice(1)] : []));
    expect(targets.length).toBeGreaterThanOrEqual(4); // two references, two back references
    for (const target of targets) expect(ids, `#${target}`).toContain(target);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
    // the references are described by the footnotes' label, which is no section of the article
    const describedBy = tags(out)
      .find((t) => t.attributes.has("aria-describedby"))!
      .attributes.get("aria-describedby")!;
    expect(ids).toContain(describedBy);
    expect(renderArticle("A claim.[^a]\n\n[^a]: The source.").toc).toEqual([]);
  });

  it("renders links and escapes text", () => {
    const out = html("See [the docs](https://ebpf.io) and https://example.com/blog: a < b && c > d");
    expect(out).toContain('<a href="https://ebpf.io">the docs</a>');
    expect(out).toContain('<a href="https://example.com/blog">https://example.com/blog</a>');
    expect(out).toContain("a &#x3C; b &#x26;&#x26; c > d");
  });
});

describe("renderArticle: highlighted code", () => {
  const cases: [language: string, code: string, expected: RegExp[]][] = [
    ["c", "#include <stdio.h>\nint main(void) {\n  return 0;\n}", [/<span class="hljs-keyword">return<\/span>/, /<span class="hljs-meta">/]],
    [
      "typescript",
      "interface Point { x: number }\nconst p: Point = { x: 1 };",
      [/<span class="hljs-keyword">interface<\/span>/, /<span class="hljs-keyword">const<\/span>/],
    ],
    ["javascript", "const answer = () => 42;\nexport default answer;", [/<span class="hljs-keyword">const<\/span>/, /<span class="hljs-number">42<\/span>/]],
    ["python", "def mean(xs):\n    return sum(xs) / len(xs)", [/<span class="hljs-keyword">def<\/span>/, /<span class="hljs-keyword">return<\/span>/]],
    ["bash", 'for f in *.log; do\n  echo "$f"\ndone', [/<span class="hljs-keyword">for<\/span>/, /<span class="hljs-built_in">echo<\/span>/]],
    ["shell", "$ npm install\nadded 12 packages", [/<span class="hljs-meta prompt_">\$ <\/span>/]],
    ["sql", "SELECT id, name FROM users WHERE id = 1;", [/<span class="hljs-keyword">SELECT<\/span>/, /<span class="hljs-keyword">FROM<\/span>/]],
    ["yaml", "name: hexathon\nversion: 2", [/<span class="hljs-attr">name:<\/span>/]],
    ["diff", "- old line\n+ new line", [/<span class="hljs-deletion">- old line/, /<span class="hljs-addition">\+ new line/]],
  ];

  for (const [language, code, expected] of cases) {
    it(`highlights ${language}`, () => {
      const out = html("```" + language + "\n" + code + "\n```");
      expect(out).toContain(`<pre tabindex="0"><code class="hljs language-${language}">`);
      expect(out).toMatch(/<span class="hljs-[a-z_]+/);
      for (const pattern of expected) expect(out).toMatch(pattern);
    });
  }

  it("escapes the code it highlights", () => {
    const out = html("```c\n#include <stdio.h>\nif (a < b && b > c) {}\n```");
    expect(out).toContain("&#x3C;stdio.h>");
    expect(out).not.toContain("<stdio.h>");
  });

  it("leaves code of an unknown language plain", () => {
    const out = html("```cobolx\nconst x = function () { return 42; };\n```");
    expect(out).not.toContain('<span class="hljs-');
    expect(out).toContain("const x = function () { return 42; };");
  });

  it("never guesses the language of code that names none", () => {
    for (const code of ["const x = function () { return 42; };", "def f(x):\n    return x", "SELECT * FROM t;", "<html><body>x</body></html>"]) {
      const out = html("```\n" + code + "\n```");
      expect(out).not.toContain("hljs");
      expect(out).toMatch(/^<pre tabindex="0"><code>/);
    }
    expect(html("    indented code: return 42;")).not.toContain("hljs");
  });

  it("leaves plain text plain", () => {
    for (const language of ["text", "txt", "plain"]) expect(html("```" + language + "\nconst x = 1;\n```")).not.toContain("hljs");
  });

  it("doesn't highlight inline code", () => {
    expect(html("Call `const x = 1` first.")).toContain("<code>const x = 1</code>");
  });
});

describe("renderArticle: headings and table of contents", () => {
  it("gives h2–h4 GitHub-style ids and an anchor link with an accessible name", () => {
    const out = html("# Title\n\n## Results, at last\n\n### The `main` loop\n\n#### Fine print\n\n##### Deeper");
    expect(out).toContain(
      '<h2 id="results-at-last">Results, at last<a href="#results-at-last" class="heading-anchor" aria-label="Link to this section: Results, at last">#</a></h2>',
    );
    expect(out).toMatch(
      /<h3 id="the-main-loop">The <code>main<\/code> loop<a href="#the-main-loop" class="heading-anchor" aria-label="Link to this section: The main loop">#<\/a><\/h3>/,
    );
    expect(out).toMatch(/<h4 id="fine-print">Fine print<a href="#fine-print"/);
    // h1 and h5 get nothing
    expect(out).toContain("<h1>Title</h1>");
    expect(out).toContain("<h5>Deeper</h5>");
  });

  it("numbers duplicate headings", () => {
    const out = html("## Results\n\n## Results\n\n### Results");
    expect(out).toContain('<h2 id="results">');
    expect(out).toContain('<h2 id="results-1">');
    expect(out).toContain('<h3 id="results-2">');
  });

  it("drops leading underscores, so a heading can't clobber the page's globals", () => {
    const rendered = renderArticle("## __next_f\n\n## \\_\\_NEXT_DATA\\_\\_\n\n## _private");
    expect(rendered.html).toContain('<h2 id="next_f">');
    expect(rendered.html).toContain('<h2 id="next_data__">');
    expect(rendered.html).toContain('<h2 id="private">');
    expect(rendered.html).not.toMatch(/id="_/);
    expect(rendered.toc.map((e) => e.id)).toEqual(["next_f", "next_data__", "private"]);
  });

  it("gives a heading without letters an id anyway", () => {
    const { html: out, toc } = renderArticle("## !!!");
    expect(out).toContain('<h2 id="section">');
    expect(toc).toEqual([{ depth: 2, id: "section", text: "!!!" }]);
  });

  it("puts h2 and h3 in the table of contents, in order, with their text", () => {
    const { toc } = renderArticle("## Intro\n\ntext\n\n### Setup **fast**\n\n#### Details\n\n## Results\n\n### Results");
    expect(toc).toEqual([
      { depth: 2, id: "intro", text: "Intro" },
      { depth: 3, id: "setup-fast", text: "Setup fast" },
      { depth: 2, id: "results", text: "Results" },
      { depth: 3, id: "results-1", text: "Results" },
    ]);
  });

  it("has no table of contents without headings", () => {
    expect(renderArticle("Just a paragraph.").toc).toEqual([]);
  });
});

describe("renderArticle: images", () => {
  const file = "0123456789abcdef0123456789abcdef.png";
  const sizes = new Map<string, ImageSize>([[file, { width: 1200, height: 675 }]]);

  it("recognizes the uploads' addresses", () => {
    expect(UPLOAD_PATH.exec(`/uploads/${file}`)?.[1]).toBe(file);
    expect(UPLOAD_PATH.test("/uploads/../secret.png")).toBe(false);
    expect(UPLOAD_PATH.test(`/uploads/${file}?x`)).toBe(false);
    expect(UPLOAD_PATH.test(`https://evil.example/uploads/${file}`)).toBe(false);
  });

  it("loads images lazily, with the size of an upload", () => {
    const out = html(`![The architecture](/uploads/${file})`, sizes);
    const img = tags(out).find((t) => t.name === "img")!;
    expect(img.attributes.get("src")).toBe(`/uploads/${file}`);
    expect(img.attributes.get("alt")).toBe("The architecture");
    expect(img.attributes.get("loading")).toBe("lazy");
    expect(img.attributes.get("decoding")).toBe("async");
    expect(img.attributes.get("width")).toBe("1200");
    expect(img.attributes.get("height")).toBe("675");
  });

  it("loads other images lazily, without a size", () => {
    for (const src of ["/images/x.png", `/uploads/fedcba9876543210fedcba9876543210.png`]) {
      const img = tags(html(`![x](${src})`, sizes)).find((t) => t.name === "img")!;
      expect(img.attributes.get("loading")).toBe("lazy");
      expect(img.attributes.has("width")).toBe(false);
      expect(img.attributes.has("height")).toBe(false);
    }
    // without any sizes at all
    expect(html(`![x](/uploads/${file})`)).toContain('loading="lazy"');
  });
});

describe("renderArticle: words and reading time", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

  it("counts the words", () => {
    expect(renderArticle(`${words(7)}\n\n- ${words(3)}`).words).toBe(10);
  });

  it("reads at about 230 words a minute", () => {
    expect(renderArticle(words(2300)).readingMinutes).toBe(10);
    expect(renderArticle(words(1150)).readingMinutes).toBe(5);
  });

  it("adds time for images", () => {
    const images = Array.from({ length: 6 }, (_, i) => `![figure ${i}](/uploads/${i}.png)`).join("\n\n");
    expect(renderArticle(`${words(2300)}\n\n${images}`).readingMinutes).toBe(11); // six images, ten seconds each
    expect(renderArticle(images).readingMinutes).toBe(1);
  });

  it("takes a minute at least", () => {
    expect(renderArticle("").readingMinutes).toBe(1);
    expect(renderArticle("Short.").readingMinutes).toBe(1);
    expect(renderArticle("").words).toBe(0);
  });
});

describe("renderArticle: hostile Markdown", () => {
  it("has a corpus of at least 25 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(XSS_PAYLOADS.map((p) => p.name)).size).toBe(XSS_PAYLOADS.length);
  });

  for (const payload of XSS_PAYLOADS) {
    it(`neutralizes ${payload.name}`, () => {
      const out = html(payload.markdown);
      assertSafe(out);
      // and in the middle of an ordinary article too
      assertSafe(html(`## Before\n\nSome text.\n\n${payload.markdown}\n\n## After\n\n[ok](https://example.com)`));
    });
  }

  it("keeps the text of dropped markup out of links", () => {
    expect(html("[click me](javascript:alert(1))").trim()).toBe("<p><a>click me</a></p>");
    expect(html("<javascript:alert(1)>")).not.toContain("href");
    expect(html("[click me][evil]\n\n[evil]: javascript:alert(1)").trim()).toBe("<p><a>click me</a></p>");
  });

  it("drops raw HTML instead of interpreting it", () => {
    expect(html("<b>bold</b> and <i>italic</i>").trim()).toBe("<p>bold and italic</p>");
    expect(html("<div>\n\nblock\n\n</div>").trim()).toBe("<p>block</p>");
  });

  it("keeps safe links and images", () => {
    expect(html("[a](https://example.com/a) [b](mailto:team@example.com) [c](/articles/x) [d](#results)").trim()).toBe(
      '<p><a href="https://example.com/a">a</a> <a href="mailto:team@example.com">b</a> <a href="/articles/x">c</a> <a href="#results">d</a></p>',
    );
  });
});
