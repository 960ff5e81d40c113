// A bot's source (JavaScript or TypeScript, one file, `export default function
// play(state)`) compiled to a script the sandbox evaluates. esbuild strips the
// types and bundles the module into one expression, reporting syntax errors
// with their line and column, so a team sees them at once. The error is a
// message of lib/ (lib/platform/messages.ts); esbuild's own diagnostic stays
// as it wrote it, inside it.
import { transform } from "esbuild";

import type { TextPosition } from "../../platform/errors";
import { msg } from "../../platform/messages";
import { MAX_BOT_BYTES } from "./limits";

export { MAX_BOT_BYTES };

/** `at`: where the compiler stopped, when it says (the page marks that line). */
export type Compiled = { ok: true; script: string } | { ok: false; error: string; at?: TextPosition };

export async function compileBot(source: string, language: "js" | "ts" = "ts"): Promise<Compiled> {
  if (Buffer.byteLength(source, "utf8") > MAX_BOT_BYTES) return { ok: false, error: msg("arena.compile.tooLarge", { kb: MAX_BOT_BYTES / 1024 }) };
  if (!/\bexport\s+default\b/.test(source)) return { ok: false, error: msg("arena.compile.noDefaultExport") };
  try {
    const result = await transform(source, {
      loader: language,
      format: "iife",
      globalName: "__hexathonBot",
      target: "es2020",
      sourcefile: `bot.${language}`,
      logLevel: "silent",
    });
    return { ok: true, script: result.code };
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    if (first?.location) {
      const at = { line: first.location.line, column: first.location.column + 1 };
      // the line and column as strings: "line 1000", in any language
      return { ok: false, error: msg("arena.compile.at", { line: String(at.line), column: String(at.column), error: first.text }), at };
    }
    if (first) return { ok: false, error: first.text };
    return { ok: false, error: msg("arena.compile.failed") };
  }
}
