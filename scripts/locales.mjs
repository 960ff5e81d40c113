// The languages Hexathon speaks are the files of messages/: each
// messages/<code>.json names itself ("language.name", as the footer's switch
// shows it, and "language.intlTag", the tag dates and numbers are formatted
// with). This writes what the code needs of them under lib/generated/:
// - locales.ts: the codes, names and tags (the browser's too);
// - catalogs.ts: every language's messages, for lib/platform/i18n.ts (server).
// Adding a language is adding its file: this runs after `npm install`
// (postinstall), and from next.config.js, vitest.config.mts and typecheck.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const HEADER = "// GENERATED from messages/*.json by scripts/locales.mjs: do not edit.\n";

/** Each language's code, name and tag, English (the reference) first. */
export function readLocales(dir = join(root, "messages")) {
  const codes = readdirSync(dir)
    .filter((file) => /^[a-z]{2,3}(-[A-Z]{2})?\.json$/.test(file))
    .map((file) => file.slice(0, -".json".length))
    .sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
  return codes.map((code) => {
    const { language } = JSON.parse(readFileSync(join(dir, `${code}.json`), "utf8"));
    if (typeof language?.name !== "string" || typeof language?.intlTag !== "string")
      throw new Error(`messages/${code}.json needs "language": { "name": …, "intlTag": … } (see messages/en.json)`);
    return { code, name: language.name, intlTag: language.intlTag };
  });
}

/** Writes lib/generated/locales.ts and catalogs.ts when they would change; a release has no messages/ to read. */
export function writeLocales() {
  if (!existsSync(join(root, "messages"))) return;
  const locales = readLocales();
  const entries = (field) => locales.map((l) => `  ${JSON.stringify(l.code)}: ${JSON.stringify(l[field])},`).join("\n");
  const files = {
    "locales.ts":
      HEADER +
      `// Each file's "language.name" and "language.intlTag".\n` +
      `export const LOCALES = [${locales.map((l) => JSON.stringify(l.code)).join(", ")}] as const;\n` +
      `export type Locale = (typeof LOCALES)[number];\n` +
      `export const LOCALE_NAMES: Record<Locale, string> = {\n${entries("name")}\n};\n` +
      `export const INTL_TAGS: Record<Locale, string> = {\n${entries("intlTag")}\n};\n`,
    "catalogs.ts":
      HEADER +
      locales.map((l) => `import ${identifier(l.code)} from "../../messages/${l.code}.json";\n`).join("") +
      `\nexport const CATALOGS = { ${locales.map((l) => `${JSON.stringify(l.code)}: ${identifier(l.code)}`).join(", ")} };\n`,
  };
  const out = join(root, "lib", "generated");
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = join(out, name);
    // unchanged files stay untouched: a dev server watching them doesn't rebuild
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
  }
}

const identifier = (code) => `messages_${code.replace("-", "_")}`;

if (import.meta.url === `file://${process.argv[1]}`) writeLocales();
