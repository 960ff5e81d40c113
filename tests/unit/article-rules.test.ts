import { describe, expect, it } from "vitest";
import { authorKey, normalizeTag, parseTags, slugify } from "@/lib/articles/rules";

describe("slugify", () => {
  it("makes an address of a title", () => {
    expect(slugify("Sub-millisecond tracing, at last!")).toBe("sub-millisecond-tracing-at-last");
    expect(slugify("  Hello   World  ")).toBe("hello-world");
    expect(slugify("C++ & Rust: 2x faster")).toBe("c-rust-2x-faster");
  });

  it("folds accents and drops what isn't ASCII", () => {
    expect(slugify("Résumé of the Café crème")).toBe("resume-of-the-cafe-creme");
    expect(slugify("ﬁle")).toBe("file");
    expect(slugify("日本語")).toBe("");
    expect(slugify("!!!")).toBe("");
  });

  it("is at most 80 characters and never ends with a hyphen", () => {
    const slug = slugify(`${"a".repeat(79)} b c`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe("a".repeat(79));
    expect(slugify("word ".repeat(40))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugify("word ".repeat(40)).length).toBeLessThanOrEqual(80);
  });
});

describe("tags and author keys", () => {
  it("normalizes tags", () => {
    expect(normalizeTag("eBPF")).toBe("ebpf");
    expect(normalizeTag("Open Source")).toBe("open-source");
    expect(normalizeTag("  #Machine_Learning! ")).toBe("machine-learning");
    expect(normalizeTag("x".repeat(50))).toHaveLength(32);
    expect(normalizeTag("???")).toBe("");
  });

  it("makes author keys, never empty", () => {
    expect(authorKey("Alice Martin")).toBe("alice-martin");
    expect(authorKey("Zoë  O'Brien")).toBe("zoe-o-brien");
    expect(authorKey("李雷")).toBe("author");
  });

  it("parses stored tags, forgiving anything odd", () => {
    expect(parseTags('["ebpf","rust"]')).toEqual(["ebpf", "rust"]);
    expect(parseTags('["ebpf", 3, null, {"a": 1}, "go"]')).toEqual(["ebpf", "go"]);
    expect(parseTags('{"a": 1}')).toEqual([]);
    expect(parseTags("not json")).toEqual([]);
    expect(parseTags("")).toEqual([]);
  });
});
