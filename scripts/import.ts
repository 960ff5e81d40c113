// npm run import -- DIR [--as organizer@example.com]
//
// Imports a folder of Markdown articles with front-matter into the database
// at DATABASE_URL (default: the SQLite file under data/), as an organizer
// (the first one, or --as), publishing each with its date. Run it again after
// editing the files: only what changed is updated. Front-matter:
//
//   title: "…"            edition: "0x07"        team: "Time Lords" (optional)
//   authors: ["Name", "someone@example.com"]     date: 2025-06-20
//   tags: [c, debugging]  summary: "…" (optional) cover: images/x.png (optional), cover_alt: "…"
import { parseArgs } from "node:util";
import { importArticles } from "../lib/articles/import";
import { databaseUrl } from "../lib/platform/config";
import { createDb } from "../lib/platform/db";
import { migrate } from "../lib/platform/migrate";
import { DomainError } from "../lib/platform/errors";
import { translate } from "../lib/platform/i18n";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { as: { type: "string" } } });
  if (positionals.length !== 1) {
    console.error("usage: npm run import -- DIR [--as organizer@example.com]");
    return 2;
  }
  const url = databaseUrl();
  await migrate(url);
  const db = createDb(url);
  try {
    const organizer = await db.user.findFirst({ where: { role: "ORGANIZER", ...(values.as && { email: values.as }) }, orderBy: { createdAt: "asc" } });
    if (!organizer) {
      console.error(values.as ? `No organizer with the email ${values.as}.` : "No organizer yet: set Hexathon up first (its first account is an organizer).");
      return 1;
    }
    const results = await importArticles(db, { id: organizer.id, role: "ORGANIZER" }, positionals[0]);
    for (const r of results) console.log(`${r.outcome.padEnd(9)} ${r.file}${r.slug ? ` → /articles/${r.slug}` : ""}${r.error ? `: ${r.error}` : ""}`);
    const count = (o: string) => results.filter((r) => r.outcome === o).length;
    console.log(
      `\n${results.length} files: ${count("created")} created, ${count("updated")} updated, ${count("unchanged")} unchanged, ${count("failed")} failed.`,
    );
    return count("failed") > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    // a refusal is said in English (lib/ says it as a message to translate); anything else with its stack
    console.error(error instanceof DomainError ? translate(error.message) : (error.stack ?? error.message));
    process.exit(1);
  },
);
