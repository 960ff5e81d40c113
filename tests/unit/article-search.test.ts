import { describe, expect, it } from "vitest";
import { fts5Query, queryTerms, snippetHtml, tsQuery } from "@/lib/articles/search";

describe("queryTerms: what a person types, as words only", () => {
  it("keeps letters and digits, lowercased", () => {
    expect(queryTerms("eBPF tracing in 2024")).toEqual(["ebpf", "tracing", "in", "2024"]);
    expect(queryTerms("  Résumé   Café ")).toEqual(["résumé", "café"]);
    expect(queryTerms("日本語 テスト")).toEqual(["日本語", "テスト"]);
  });

  it("normalizes compatibility forms", () => {
    expect(queryTerms("ﬁle ＦＵＬＬ")).toEqual(["file", "full"]); // a ligature, full-width letters
  });

  it("strips FTS5 and tsquery syntax", () => {
    expect(queryTerms('"exact phrase"')).toEqual(["exact", "phrase"]);
    expect(queryTerms("bench*")).toEqual(["bench"]);
    expect(queryTerms("-excluded +required")).toEqual(["excluded", "required"]);
    expect(queryTerms("NEAR(rust wasm, 5)")).toEqual(["near", "rust", "wasm", "5"]);
    expect(queryTerms("rust OR go AND NOT java")).toEqual(["rust", "or", "go", "and", "not", "java"]);
    expect(queryTerms("(a | b) & !c")).toEqual(["a", "b", "c"]);
    expect(queryTerms("title:tracing body:ebpf")).toEqual(["title", "tracing", "body", "ebpf"]);
    expect(queryTerms("^start {col1 col2}: x")).toEqual(["start", "col1", "col2", "x"]);
    expect(queryTerms("rust:* <-> wasm:AB")).toEqual(["rust", "wasm", "ab"]);
    for (const terms of [queryTerms('"x" NEAR * - OR ( ) : ^ { } | & ! <->')]) {
      for (const term of terms) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
    }
  });

  it("strips SQL injection attempts", () => {
    expect(queryTerms(`'); DROP TABLE "PublishedArticle"; --`)).toEqual(["drop", "table", "publishedarticle"]);
    expect(queryTerms("' OR '1'='1")).toEqual(["or", "1", "1"]);
    expect(queryTerms("x\u0000y\\z`w")).toEqual(["x", "y", "z", "w"]);
  });

  it("finds no words in punctuation", () => {
    expect(queryTerms("")).toEqual([]);
    expect(queryTerms("   ")).toEqual([]);
    expect(queryTerms(`!!! ... --- "" '' ** () :: <> ;;`)).toEqual([]);
  });

  it("keeps the first 12 words", () => {
    const terms = queryTerms(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "));
    expect(terms).toHaveLength(12);
    expect(terms[0]).toBe("w0");
    expect(terms[11]).toBe("w11");
  });
});

describe("fts5Query and tsQuery: every word, the last one as a prefix", () => {
  it("builds FTS5 queries of quoted strings", () => {
    expect(fts5Query(["bench"])).toBe('"bench"*');
    expect(fts5Query(["ebpf", "tracing", "tool"])).toBe('"ebpf" "tracing" "tool"*');
    expect(fts5Query(queryTerms('" OR NEAR(x) title: *'))).toBe('"or" "near" "x" "title"*');
  });

  it("builds tsqueries of ANDed lexemes", () => {
    expect(tsQuery(["bench"])).toBe("bench:*");
    expect(tsQuery(["ebpf", "tracing", "tool"])).toBe("ebpf & tracing & tool:*");
    expect(tsQuery(["it's"])).toBe("its:*"); // never reached through queryTerms, but never a quote either
    expect(tsQuery(queryTerms("a & !b | c:*"))).toBe("a & b & c:*");
  });

  it("builds nothing of nothing", () => {
    expect(fts5Query([])).toBe("");
    expect(tsQuery([])).toBe("");
  });
});

describe("snippetHtml: a snippet as safe HTML", () => {
  const OPEN = "\u0002";
  const CLOSE = "\u0003";

  it("turns the engine's markers into <mark>", () => {
    expect(snippetHtml(`We ran the ${OPEN}benchmarks${CLOSE} twice`)).toBe("We ran the <mark>benchmarks</mark> twice");
  });

  it("escapes HTML in the text", () => {
    expect(snippetHtml(`<script>alert("x")</script> & <img src=x onerror=alert(1)> ${OPEN}match${CLOSE}`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; <mark>match</mark>",
    );
    expect(snippetHtml(`${OPEN}<b>${CLOSE}`)).toBe("<mark>&lt;b&gt;</mark>");
    expect(snippetHtml("&lt; already escaped")).toBe("&amp;lt; already escaped");
  });

  it("emits no tag but <mark>", () => {
    const samples = [
      `<a href="javascript:alert(1)">x</a> ${OPEN}x${CLOSE}`,
      `</mark><script>${OPEN}x${CLOSE}</mark>`,
      `"><svg onload=alert(1)> ${OPEN}a${CLOSE} ${OPEN}b${CLOSE}`,
    ];
    for (const sample of samples) {
      const html = snippetHtml(sample);
      expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    }
  });

  it("collapses whitespace", () => {
    expect(snippetHtml(`  one\n\n two\t${OPEN}three${CLOSE}  `)).toBe("one two <mark>three</mark>");
  });
});
