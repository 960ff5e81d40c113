// The messages of every language (messages/<code>.json) against English, the
// reference: the same keys, each a valid ICU message with the same arguments
// (a translation can't drop {name}, nor read one the code doesn't give), every
// language file known to lib/platform/locale.ts, and no English key that no
// code uses any more.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/platform/locale";

const ROOT = path.join(__dirname, "..", "..");
const MESSAGES = path.join(ROOT, "messages");
type Tree = { [key: string]: string | Tree };

const load = (code: string): Tree => JSON.parse(readFileSync(path.join(MESSAGES, `${code}.json`), "utf8"));

/** "a.b.c" → message, for every leaf. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/**
 * The names a message reads from its values: arguments ("name") and tags ("<link>"). Their kinds may
 * differ: English may print "{count} ballots" where French needs a plural, and "1er" an ordinal.
 */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(element.value);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(element.value);
        for (const option of Object.values(element.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${element.value}>`);
        argumentsOf(element.children, into);
        break;
    }
  }
  return into;
}

const english = flatten(load("en"));

describe("messages", () => {
  it("has one file per language of LOCALES, and a language for every file", () => {
    const files = readdirSync(MESSAGES)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(files).toEqual([...LOCALES].sort());
  });

  it("a new language is its messages file alone: scripts/locales.mjs finds it, with its name and tag", async () => {
    const { readLocales } = (await import("../../scripts/locales.mjs")) as { readLocales: (dir: string) => { code: string; name: string; intlTag: string }[] };
    const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-messages-"));
    try {
      for (const code of ["fr", "en"]) copyFileSync(path.join(MESSAGES, `${code}.json`), path.join(dir, `${code}.json`));
      writeFileSync(path.join(dir, "de.json"), JSON.stringify({ ...load("en"), language: { name: "Deutsch", intlTag: "de-DE" } }));
      writeFileSync(path.join(dir, "notes.txt"), "not a language");
      expect(readLocales(dir)).toEqual([
        { code: "en", name: "English", intlTag: "en-GB" },
        { code: "de", name: "Deutsch", intlTag: "de-DE" },
        { code: "fr", name: "Français", intlTag: "fr-FR" },
      ]);
      writeFileSync(path.join(dir, "it.json"), JSON.stringify({ ...load("en"), language: undefined }));
      expect(() => readLocales(dir)).toThrow(/messages\/it\.json needs "language"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(LOCALES.filter((code) => code !== "en"))("%s has exactly English's keys", (code) => {
    const other = flatten(load(code));
    const missing = [...english.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each([...LOCALES])("%s: every message is valid ICU with English's arguments", (code) => {
    const other = flatten(load(code));
    const wrong: string[] = [];
    for (const [key, message] of other) {
      const reference = english.get(key);
      if (reference === undefined) continue;
      try {
        const mine = [...argumentsOf(parse(message))].sort();
        const theirs = [...argumentsOf(parse(reference))].sort();
        if (mine.join() !== theirs.join()) wrong.push(`${key}: ${mine.join(", ")} instead of ${theirs.join(", ")}`);
      } catch (error) {
        wrong.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has no English key that no code uses", () => {
    const files = [...["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir))), path.join(ROOT, "proxy.ts")];
    const sources = files.map((file) => readFileSync(file, "utf8"));
    const text = sources.join("\n");
    // every quoted string and the fixed start of every template literal ("labels.phase." of `labels.phase.${x}`)
    const literals = new Set([...text.matchAll(/"([\w.-]+)"|'([\w.-]+)'|`([\w.-]+)`/g)].map((m) => m[1] ?? m[2] ?? m[3]));
    const prefixes = [...text.matchAll(/`([\w.-]*)\$\{/g)].map((m) => m[1]).filter((p) => p.endsWith(".") && p.length > 1);
    const written = (part: string) => literals.has(part) || prefixes.some((prefix) => part.startsWith(prefix));
    // t("topics.form.title") at the root, or getTranslations("topics") then t("form.title"), or ("topics.form") then t("title")
    const used = (key: string) => {
      const parts = key.split(".");
      if (written(key)) return true;
      for (let i = 1; i < parts.length; i++) if (literals.has(parts.slice(0, i).join(".")) && written(parts.slice(i).join("."))) return true;
      return false;
    };
    expect([...english.keys()].filter((key) => !used(key))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("lib's messages", () => {
  it("travel as text and are said in each language, their nested labels too; plain text passes unchanged", async () => {
    const { msg, decodeMessage } = await import("@/lib/platform/messages");
    const { translate } = await import("@/lib/platform/i18n");
    const label = msg("platform.required", { label: "x" });
    expect(decodeMessage(label)).toEqual({ key: "platform.required", values: { label: "x" } });
    const nested = msg("platform.tooLong", { label: msg("platform.idRequired"), max: 12 });
    expect(translate(nested, "en")).toBe("An id is required. can't be longer than 12 characters.");
    expect(translate(msg("platform.atMost", { label: "Points", max: 5 }), "fr")).toBe("Points\u00a0: 5 au plus.");
    expect(translate("Plain words, from elsewhere.", "fr")).toBe("Plain words, from elsewhere.");
    expect(decodeMessage("\u2063not json")).toBeNull();
  });

  it("are joined, name the interface's labels, and survive people's words that look like them", async () => {
    const { msg, joinMessages, MESSAGE_MARK } = await import("@/lib/platform/messages");
    const { translate } = await import("@/lib/platform/i18n");
    const lines = joinMessages([msg("labels.phase.VOTING"), "Plain", msg("notifications.news.podium.line", { place: 1, team: "Owls", points: 12 })]);
    expect(translate(lines, "en")).toBe("Voting\nPlain\n1st: Owls (12 points)");
    expect(translate(lines, "fr")).toBe("Vote\nPlain\n1re place\u00a0: Owls (12 points)");
    // someone named their team like a message that needs values it doesn't get
    const hostile = `${MESSAGE_MARK}["platform.atMost"]`;
    expect(() => translate(msg("notifications.notice.team.members", { team: hostile, count: 2 }), "en")).not.toThrow();
    expect(translate(`${MESSAGE_MARK}[null,{"parts":"no"}]`, "en")).toBe(`${MESSAGE_MARK}[null,{"parts":"no"}]`);
    expect(translate(`${MESSAGE_MARK}{"k":"platform.required","v":{"label":{"x":1}}}`, "en")).toBe(
      `${MESSAGE_MARK}{"k":"platform.required","v":{"label":{"x":1}}}`,
    );
    // nested ten deep, a message stays small: a branch of one tree, not a string escaped in a string
    let deep = msg("platform.idRequired");
    for (let i = 0; i < 10; i++) deep = msg("platform.required", { label: deep });
    expect(deep.length).toBeLessThan(500);
    expect(translate(deep, "en")).toMatch(/^An id is required\. is required\./);
  });
});
