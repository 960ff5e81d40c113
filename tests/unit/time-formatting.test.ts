// One way to write a date or a time (issue 11, item 20): the formatters of
// lib/platform/time.ts, 24-hour, in the edition's zone. The browser's own formatting
// (toLocaleTimeString and friends: its clock, its zone, its 12- or 24-hour
// habit) or an ad hoc Intl.DateTimeFormat anywhere else is refused here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ALLOWED = new Set(["lib/platform/time.ts"]);
// (reading the machine's zone, `Intl.DateTimeFormat().resolvedOptions().timeZone`, formats nothing)
const FORBIDDEN = /\.toLocale(?:Time|Date)?String\s*\(|\bIntl\s*\.\s*DateTimeFormat\b(?!\(\)\.resolvedOptions\(\))/g;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sources(relative);
    return /\.(?:ts|tsx|mts|js|jsx|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** file:line: the code, for every use of a date formatter outside lib/platform/time.ts. */
export function offences(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    ALLOWED.has(file) ? [] : text.split("\n").flatMap((line, i) => (line.match(FORBIDDEN) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe("dates and times are formatted by lib/platform/time.ts only", () => {
  it("finds the browser's formatting where it was (the check itself works)", () => {
    expect(
      offences({
        "components/articles/article-editor.tsx": 'saved: savedAt ? `Saved at ${savedAt.toLocaleTimeString()}` : "All changes saved",',
        "components/articles/article-workspace.tsx": "{new Date(e.createdAt).toLocaleString()}",
        "app/x.tsx": "const d = day.toLocaleDateString('fr');\nconst f = new Intl.DateTimeFormat('en-GB', {});",
        "lib/platform/time.ts": "new Intl.DateTimeFormat('en-GB')",
        "lib/ok.ts": "const at = formatTime(instant, tz);\nconst zone = Intl.DateTimeFormat().resolvedOptions().timeZone;",
      }),
    ).toEqual([
      'components/articles/article-editor.tsx:1: saved: savedAt ? `Saved at ${savedAt.toLocaleTimeString()}` : "All changes saved",',
      "components/articles/article-workspace.tsx:1: {new Date(e.createdAt).toLocaleString()}",
      "app/x.tsx:1: const d = day.toLocaleDateString('fr');",
      "app/x.tsx:2: const f = new Intl.DateTimeFormat('en-GB', {});",
    ]);
  });

  it("has no toLocaleString, toLocaleTimeString, toLocaleDateString or Intl.DateTimeFormat in app/, components/ or lib/", () => {
    const files = Object.fromEntries(["app", "components", "lib"].flatMap(sources).map((file) => [file, readFileSync(path.join(ROOT, file), "utf8")]));
    expect(Object.keys(files).length).toBeGreaterThan(50);
    expect(offences(files), "format dates and times with lib/platform/time.ts (formatTime, formatDate, formatInZone)").toEqual([]);
  });
});
