import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importArticles } from "@/lib/articles/import";
import { formatEditionNumber } from "@/lib/editions/rules";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { addMember, makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
let dir: string;
const previousDataDir = process.env.HEXATHON_DATA_DIR;
beforeAll(async () => {
  t = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hexathon-import-"));
  process.env.HEXATHON_DATA_DIR = path.join(dir, "data");
});
afterAll(async () => {
  await t?.drop();
  process.env.HEXATHON_DATA_DIR = previousDataDir;
  await fs.rm(dir, { recursive: true, force: true });
});

async function folder(files: Record<string, string | Buffer>) {
  const root = await fs.mkdtemp(path.join(dir, "articles-"));
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await fs.writeFile(path.join(root, name), content);
  }
  return root;
}

const article = (front: Record<string, unknown>, body: string) =>
  `---\n${Object.entries(front)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n")}\n---\n${body}`;

describe("npm run import", () => {
  it("imports a folder with its images, publishes with the original dates, and importing again changes nothing", async () => {
    const edition = await makeEdition(t.db, "ARCHIVED");
    const hex = formatEditionNumber(edition.number);
    const organizer = await makeUser(t.db, "ORGANIZER");
    const author = await makeUser(t.db, "EMPLOYEE", "Ada Lovelace");
    const team = await makeTeam(t.db, edition.id, "Analytical Engines");
    await addMember(t.db, team, author.id);
    const chart = await sharp({ create: { width: 800, height: 400, channels: 3, background: "#0ea5e9" } })
      .png()
      .toBuffer();
    const root = await folder({
      "engines.md": article(
        {
          title: "Engines that weave numbers",
          edition: hex,
          team: "Analytical Engines",
          authors: ["Ada Lovelace", "Charles Babbage"],
          date: "2024-06-21",
          tags: ["History", "Engines"],
          summary: "How the engine wove algebraic patterns, with the benchmark to prove it.",
          cover: "images/chart.png",
          cover_alt: "A blue chart",
        },
        "## Results\n\n| run | ms |\n| --- | ---: |\n| one | 12 |\n\n![the chart](images/chart.png)\n\n```c\nint main(void) { return 0; }\n```\n",
      ),
      "retro.md": article(
        { title: "The retrospective of the year", edition: hex, authors: [organizer.email], date: "2024-06-25" },
        "What went well, and what we'll change: the summary comes from this first paragraph.\n\n## Next time\n\nMore coffee.\n",
      ),
      "images/chart.png": chart,
    });
    const first = await importArticles(t.db, organizer, root, new Date("2026-01-01T00:00:00Z"));
    expect(first.map((r) => [r.file, r.outcome, r.error])).toEqual([
      ["engines.md", "created", undefined],
      ["retro.md", "created", undefined],
    ]);
    const published = await t.db.publishedArticle.findMany({
      where: { editionId: edition.id },
      include: { tags: true, bylines: true },
      orderBy: { publishedAt: "asc" },
    });
    expect(published.map((p) => [p.title, p.publishedAt.toISOString().slice(0, 10), p.revisedAt, p.teamName])).toEqual([
      ["Engines that weave numbers", "2024-06-21", null, "Analytical Engines"],
      ["The retrospective of the year", "2024-06-25", null, null],
    ]);
    const [engines, retro] = published;
    expect(engines.html).toMatch(/<img src="\/uploads\/[a-f0-9]{32}\.png" alt="the chart" loading="lazy" decoding="async" width="800" height="400">/);
    expect(engines.coverFile).toMatch(/^[a-f0-9]{32}\.png$/);
    expect(engines.tags.map((x) => x.tag).sort()).toEqual(["engines", "history"]);
    expect(engines.bylines.map((b) => b.name)).toEqual(["Ada Lovelace", "Charles Babbage"]);
    const authors = await t.db.articleAuthor.findMany({ where: { articleId: engines.articleId }, orderBy: { position: "asc" } });
    expect(authors.map((a) => [a.name, a.userId])).toEqual([
      ["Ada Lovelace", author.id], // matched to the account
      ["Charles Babbage", null], // a guest
    ]);
    expect(retro.summary).toBe("What went well, and what we'll change: the summary comes from this first paragraph.");
    expect(retro.bylines.map((b) => b.name)).toEqual([organizer.name]);

    const counts = async () => [await t.db.article.count(), await t.db.publishedArticle.count(), await t.db.articleEvent.count(), await t.db.upload.count()];
    const before = await counts();
    const again = await importArticles(t.db, organizer, root, new Date("2026-02-01T00:00:00Z"));
    expect(again.map((r) => r.outcome)).toEqual(["unchanged", "unchanged"]);
    expect(await counts()).toEqual(before);
    expect((await t.db.publishedArticle.findUniqueOrThrow({ where: { articleId: engines.articleId } })).revisedAt).toBeNull();

    // an edited file: that article is updated, and says so
    await fs.writeFile(
      path.join(root, "retro.md"),
      article(
        { title: "The retrospective of the year", edition: hex, authors: [organizer.email], date: "2024-06-25" },
        "What went well, and what we'll change: the summary comes from this first paragraph.\n\n## Next time\n\nMore tea.\n",
      ),
    );
    const third = await importArticles(t.db, organizer, root, new Date("2026-03-01T00:00:00Z"));
    expect(third.map((r) => [r.outcome, r.error])).toEqual([
      ["unchanged", undefined],
      ["updated", undefined],
    ]);
    const updated = await t.db.publishedArticle.findUniqueOrThrow({ where: { articleId: retro.articleId } });
    expect(updated.html).toContain("More tea.");
    expect(updated.publishedAt.toISOString().slice(0, 10)).toBe("2024-06-25");
    expect(updated.revisedAt?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(await t.db.article.count()).toBe(before[0]);
  });

  it("says what is wrong with a file, imports the others, and only for organizers", async () => {
    const edition = await makeEdition(t.db, "ARCHIVED");
    const hex = formatEditionNumber(edition.number);
    const organizer = await makeUser(t.db, "ORGANIZER");
    const root = await folder({
      "a-good.md": article(
        {
          title: "A good one",
          edition: hex,
          authors: ["Someone Else"],
          date: "2024-01-01",
          summary: "A perfectly fine article, to show the others don't stop it.",
        },
        "## Fine\n\nThis article is long enough to be published: it has more than fifty characters of text.\n",
      ),
      "b-no-edition.md": article({ title: "Lost", edition: "0xFFF", authors: ["X Y"], date: "2024-01-01" }, "Text.\n"),
      "c-no-team.md": article({ title: "Teamless", edition: hex, team: "Nobody", authors: ["X Y"], date: "2024-01-01" }, "Text.\n"),
      "d-bad-date.md": article({ title: "When?", edition: hex, authors: ["X Y"], date: "someday" }, "Text.\n"),
      "e-missing-image.md": article({ title: "Where is it", edition: hex, authors: ["X Y"], date: "2024-01-01" }, "![gone](images/none.png)\n"),
    });
    const results = await importArticles(t.db, organizer, root);
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ["a-good.md", "created"],
      ["b-no-edition.md", "failed"],
      ["c-no-team.md", "failed"],
      ["d-bad-date.md", "failed"],
      ["e-missing-image.md", "failed"],
    ]);
    expect(results[1].error).toBe("there is no edition 0xFFF");
    expect(results[2].error).toBe(`edition ${hex} has no team "Nobody"`);
    expect(results[3].error).toContain('date "someday" isn\'t a date');
    expect(results[4].error).toBe("image images/none.png not found");
    const employee = await makeUser(t.db);
    await expectDomainError(importArticles(t.db, employee, root), undefined, "Only organizers can import articles.");
  });
});
