import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  articleFacets,
  articleIndex,
  ARTICLES_PER_PAGE,
  editionArticleSlugs,
  editionWinners,
  latestArticles,
  listArticles,
  publishedArticle,
  type ArticleFilters,
  articleForEditing,
  myArticles,
  previewArticle,
} from "@/lib/articles/queries";
import { parseTags } from "@/lib/articles/rules";
import { searchArticles } from "@/lib/articles/search";
import { updateEdition } from "@/lib/editions/commands";
import {
  commentOnArticle,
  createArticle,
  deleteArticle,
  publishArticle,
  requestChanges,
  saveArticle,
  setAuthors,
  submitForReview,
  unpublishArticle,
  type ArticleDraft,
} from "@/lib/articles/commands";
import type { Phase } from "@/lib/editions/rules";
import type { TopicKind } from "@/lib/topics/rules";
import { DomainError } from "@/lib/platform/errors";
import type { Actor } from "@/lib/people/rules";
import { formatTime } from "@/lib/platform/time";
import { translate } from "@/lib/platform/i18n";
import { MAX_IMAGE_WIDTH, MAX_UPLOAD_BYTES, readUpload, shareLocalUploads, storeUpload, uploadsDir } from "@/lib/articles/uploads";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeTeam, makeTopic, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

type Person = Actor & { name: string };

let t: TestDatabase;
let organizer: Person;
let judge: Person;
let outsider: Person;
let dataDir: string;
const previousDataDir = process.env.HEXATHON_DATA_DIR;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "hexathon-articles-"));
  process.env.HEXATHON_DATA_DIR = dataDir;
  t = await createTestDatabase();
  organizer = await makeUser(t.db, "ORGANIZER", "Olga Organizer");
  judge = await makeUser(t.db, "JUDGE", "Judy Judge");
  outsider = await makeUser(t.db, "EMPLOYEE", "Oscar Outsider");
});
afterAll(async () => {
  await t?.drop();
  if (previousDataDir === undefined) delete process.env.HEXATHON_DATA_DIR;
  else process.env.HEXATHON_DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

const SUMMARY = "What we built in two days, and what we learned.";
const BODY = "## What we built\n\nA tool that does one thing well, written in two days by the whole team.\n\n## What we learned\n\nPlenty.";
let titles = 0;
/** A title no other test uses, so slugs don't collide by accident. */
const title = (base = "Article") => `${base} ${++titles}`;

/** A team of the edition with these members, who joined in this order. */
async function teamWith(edition: { id: string }, names: string[], topicKind?: TopicKind) {
  let topicId: string | undefined;
  if (topicKind) {
    const topic = await makeTopic(t.db, edition.id, organizer.id);
    await t.db.topic.update({ where: { id: topic.id }, data: { kind: topicKind, title: `Topic of kind ${topicKind} ${++titles}` } });
    topicId = topic.id;
  }
  const team = await makeTeam(t.db, edition.id, undefined, { topicId });
  const members: Person[] = [];
  for (const [i, name] of names.entries()) {
    const user = await makeUser(t.db, "EMPLOYEE", name);
    await t.db.teamMember.create({ data: { teamId: team.id, userId: user.id, editionId: edition.id, joinedAt: new Date(Date.UTC(2030, 0, 10, 9, i)) } });
    members.push(user);
  }
  await t.db.team.update({ where: { id: team.id }, data: { memberCount: names.length } });
  return { team, members };
}

/** Saves the working copy with these changes, from its current version. */
async function write(actor: Actor, id: string, changes: Partial<ArticleDraft> = {}) {
  const a = await t.db.article.findUniqueOrThrow({ where: { id } });
  const draft: ArticleDraft = {
    title: a.title,
    summary: a.summary || SUMMARY,
    body: a.body || BODY,
    tags: parseTags(a.tags),
    coverFile: a.coverFile,
    coverAlt: a.coverAlt,
    ...changes,
  };
  return saveArticle(t.db, actor, id, draft, a.version);
}

type Fixture = { editionId: string; teamId?: string | null; title?: string; summary?: string; body?: string; tags?: string[]; authors?: string[]; at?: Date };
/** An organizer's article, written and published (at `at`). */
async function published(f: Fixture) {
  const article = await createArticle(t.db, organizer, { editionId: f.editionId, teamId: f.teamId ?? null, title: f.title ?? title() });
  if (f.authors)
    await setAuthors(
      t.db,
      organizer,
      article.id,
      f.authors.map((name) => ({ name })),
    );
  await write(organizer, article.id, { summary: f.summary ?? SUMMARY, body: f.body ?? BODY, tags: f.tags ?? [] });
  await publishArticle(t.db, organizer, article.id, f.at ?? new Date());
  return t.db.article.findUniqueOrThrow({ where: { id: article.id } });
}

const ids = (items: { articleId: string }[]) => items.map((i) => i.articleId);
const search = (q: string, filters: ArticleFilters = {}) => listArticles(t.db, { ...filters, q });

// ---- who writes ---------------------------------------------------------------------------

describe("starting an article", () => {
  it("lets a team member start their team's article once hacking has started, the team as co-authors", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const { team, members } = await teamWith(edition, ["Ann First", "Ben Second", "Cid Third"]);
    const [ann, ben, cid] = members;
    const article = await createArticle(t.db, ben, { editionId: edition.id, teamId: team.id, title: title("Our hack") });
    const authors = await t.db.articleAuthor.findMany({ where: { articleId: article.id }, orderBy: { position: "asc" } });
    // the one starting it first, then the others in the order they joined
    expect(authors.map((a) => [a.userId, a.name, a.position])).toEqual([
      [ben.id, "Ben Second", 0],
      [ann.id, "Ann First", 1],
      [cid.id, "Cid Third", 2],
    ]);
    expect(article).toMatchObject({ status: "DRAFT", version: 1, teamId: team.id, createdById: ben.id, pendingChanges: false });
    // and every member edits it
    for (const member of members) expect((await articleForEditing(t.db, member, article.id)).id).toBe(article.id);
  });

  it("copies the team's topic", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const { team, members } = await teamWith(edition, ["Tia Topic"], "TEAM_TOOLING");
    const article = await createArticle(t.db, members[0], { editionId: edition.id, teamId: team.id, title: title() });
    expect(article.topicId).toBe(team.topicId);
  });

  it("refuses employees before hacking, for another team, or for no team", async () => {
    for (const phase of ["PROPOSALS_OPEN", "TEAMS_FORMING"] as Phase[]) {
      const edition = await makeEdition(t.db, phase);
      const { team, members } = await teamWith(edition, ["Early Bird"]);
      await expectDomainError(createArticle(t.db, members[0], { editionId: edition.id, teamId: team.id, title: title() }), "INVALID", /hacking/);
    }
    const edition = await makeEdition(t.db, "HACKING");
    const mine = await teamWith(edition, ["Mia Mine"]);
    const theirs = await teamWith(edition, ["Theo Theirs"]);
    await expectDomainError(
      createArticle(t.db, mine.members[0], { editionId: edition.id, teamId: theirs.team.id, title: title() }),
      "FORBIDDEN",
      /team's members/,
    );
    await expectDomainError(createArticle(t.db, outsider, { editionId: edition.id, teamId: mine.team.id, title: title() }), "FORBIDDEN");
    await expectDomainError(createArticle(t.db, judge, { editionId: edition.id, teamId: mine.team.id, title: title() }), "FORBIDDEN");
    await expectDomainError(createArticle(t.db, mine.members[0], { editionId: edition.id, teamId: null, title: title() }), "FORBIDDEN", /organizers/);
    await expectDomainError(createArticle(t.db, null, { editionId: edition.id, teamId: mine.team.id, title: title() }), "UNAUTHENTICATED");
    expect(await t.db.article.count({ where: { editionId: edition.id } })).toBe(0);
  });

  it("hides draft editions and other editions' teams", async () => {
    const draft = await makeEdition(t.db, "DRAFT");
    await expectDomainError(createArticle(t.db, outsider, { editionId: draft.id, teamId: null, title: title() }), "NOT_FOUND");
    await expectDomainError(createArticle(t.db, outsider, { editionId: "nope", teamId: null, title: title() }), "NOT_FOUND");
    const edition = await makeEdition(t.db, "HACKING");
    const other = await makeEdition(t.db, "HACKING");
    const { team } = await teamWith(other, ["Elsa Elsewhere"]);
    await expectDomainError(createArticle(t.db, organizer, { editionId: edition.id, teamId: team.id, title: title() }), "NOT_FOUND");
  });

  it("lets organizers write for any team, or none, in any phase", async () => {
    const edition = await makeEdition(t.db, "DRAFT");
    const { team, members } = await teamWith(edition, ["Ida Inteam", "Jo Inteam"]);
    const forTeam = await createArticle(t.db, organizer, { editionId: edition.id, teamId: team.id, title: title() });
    const authors = await t.db.articleAuthor.findMany({ where: { articleId: forTeam.id }, orderBy: { position: "asc" } });
    expect(authors.map((a) => a.userId)).toEqual(members.map((m) => m.id)); // the team writes it, not the organizer
    const own = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: title("Retrospective") });
    const ownAuthors = await t.db.articleAuthor.findMany({ where: { articleId: own.id } });
    expect(ownAuthors.map((a) => [a.userId, a.name])).toEqual([[organizer.id, "Olga Organizer"]]);
    expect(own).toMatchObject({ teamId: null, topicId: null });
  });
});

// ---- addresses ------------------------------------------------------------------------------

describe("slugs", () => {
  it("come from the title, numbered on a clash", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const a = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "Sub-millisecond tracing, at last!" });
    const b = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "Sub-millisecond Tracing at Last" });
    const c = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "sub millisecond tracing — at last" });
    expect([a.slug, b.slug, c.slug]).toEqual(["sub-millisecond-tracing-at-last", "sub-millisecond-tracing-at-last-2", "sub-millisecond-tracing-at-last-3"]);
    const untitled = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "日本語" });
    expect(untitled.slug).toMatch(/^article(-\d+)?$/);
  });

  it("can be changed until published, to a free and well-formed address", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const a = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "Slugs are forever" });
    const b = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "Slugs are forever" });
    expect(b.slug).toBe("slugs-are-forever-2");
    await expectDomainError(write(organizer, b.id, { slug: "slugs-are-forever" }), "CONFLICT", /address/);
    for (const slug of ["ab", "Has Capitals", "trailing-", "-leading", "two--hyphens", "under_score", "accént"]) {
      await expectDomainError(write(organizer, b.id, { slug }), "INVALID", /address/);
    }
    expect((await write(organizer, b.id, { slug: "slugs-are-not-forever" })).slug).toBe("slugs-are-not-forever");
    // the title changes, the address stays
    expect((await write(organizer, b.id, { title: "Something else entirely" })).slug).toBe("slugs-are-not-forever");
    // the old address is free again
    const c = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: "Slugs are forever" });
    expect(c.slug).toBe("slugs-are-forever-2");

    await write(organizer, a.id);
    await publishArticle(t.db, organizer, a.id);
    await expectDomainError(write(organizer, a.id, { slug: "a-new-address" }), "INVALID", /keeps its address/);
    // saving the same address is no change
    expect((await write(organizer, a.id, { slug: "slugs-are-forever", body: `${BODY}\n\nMore.` })).slug).toBe("slugs-are-forever");
    expect((await publishedArticle(t.db, "slugs-are-forever")).articleId).toBe(a.id);
  });
});

// ---- the working copy -------------------------------------------------------------------------

describe("saving", () => {
  async function teamArticle() {
    const edition = await makeEdition(t.db, "HACKING");
    const { team, members } = await teamWith(edition, ["Wes Writer", "Cora Coauthor"]);
    const article = await createArticle(t.db, members[0], { editionId: edition.id, teamId: team.id, title: title() });
    return { edition, team, members, article };
  }

  it("saves the working copy, with normalized tags, and counts versions", async () => {
    const { members, article } = await teamArticle();
    const saved = await saveArticle(
      t.db,
      members[1],
      article.id,
      { title: "Tracing everything", summary: SUMMARY, body: BODY, tags: ["eBPF", "Open Source", "ebpf", " ", "open source"], coverFile: null, coverAlt: "" },
      1,
    );
    expect(saved).toMatchObject({ id: article.id, version: 2, status: "DRAFT", pendingChanges: false });
    const row = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(row).toMatchObject({ title: "Tracing everything", summary: SUMMARY, body: BODY, version: 2 });
    expect(parseTags(row.tags)).toEqual(["ebpf", "open-source"]);
    await expectDomainError(write(members[0], article.id, { tags: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] }), "INVALID", /At most 8 tags/);
    await expectDomainError(write(members[0], article.id, { coverFile: "0123456789abcdef0123456789abcdef.png" }), "INVALID", /upload/);
  });

  it("refuses a save based on an older version, naming the newer one", async () => {
    const { members, article } = await teamArticle();
    const draft = { title: article.title, summary: SUMMARY, body: BODY, tags: [], coverFile: null, coverAlt: "" };
    await saveArticle(t.db, members[0], article.id, { ...draft, body: `${BODY}\n\nWes was here.` }, 1);
    const error = await expectDomainError(
      saveArticle(t.db, members[1], article.id, { ...draft, body: `${BODY}\n\nCora was here.` }, 1),
      "CONFLICT",
      /version 2/,
    );
    expect(translate(error.message, "en")).toMatch(/co-author/);
    const row = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
    // when, on the edition's 24-hour clock like every other time (not an ISO instant in UTC)
    expect(translate(error.message, "en")).toContain(`(version 2, at ${formatTime(row.updatedAt, "Europe/Paris", { seconds: true })})`);
    expect(translate(error.message, "en")).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(row.body).toContain("Wes was here.");
    expect(row.version).toBe(2);
  });

  it("lets exactly one of two concurrent saves of the same version win", async () => {
    const { members, article } = await teamArticle();
    const draft = { title: article.title, summary: SUMMARY, body: BODY, tags: [], coverFile: null, coverAlt: "" };
    for (let round = 0; round < 3; round++) {
      const { version } = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
      const results = await Promise.allSettled(
        members.map((m) => saveArticle(t.db, m, article.id, { ...draft, body: `${BODY}\n\n${m.name} in round ${round}.` }, version)),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(DomainError);
      expect((lost[0].reason as DomainError).code).toBe("CONFLICT");
      const row = await t.db.article.findUniqueOrThrow({ where: { id: article.id } });
      expect(row.version).toBe(version + 1);
      const winner = members[results.findIndex((r) => r.status === "fulfilled")];
      expect(row.body).toContain(`${winner.name} in round ${round}.`);
    }
  });

  it("refuses people who aren't authors", async () => {
    const { members, article } = await teamArticle();
    const otherTeam = await teamArticle();
    for (const stranger of [outsider, judge, otherTeam.members[0]]) {
      await expectDomainError(write(stranger, article.id, { body: `${BODY} defaced` }), "FORBIDDEN");
      await expectDomainError(submitForReview(t.db, stranger, article.id), "FORBIDDEN");
      await expectDomainError(commentOnArticle(t.db, stranger, article.id, "Nice!"), "FORBIDDEN");
      await expectDomainError(articleForEditing(t.db, stranger, article.id), "FORBIDDEN");
      await expectDomainError(previewArticle(t.db, stranger, article.id, "# x"), "FORBIDDEN");
      await expectDomainError(setAuthors(t.db, stranger, article.id, [{ userId: stranger.id }]), "FORBIDDEN");
      await expectDomainError(deleteArticle(t.db, stranger, article.id), "FORBIDDEN");
    }
    await expectDomainError(write(null as unknown as Actor, article.id), "UNAUTHENTICATED");
    await expectDomainError(
      saveArticle(t.db, members[0], "no-such-article", { title: "x", summary: "", body: "", tags: [], coverFile: null, coverAlt: "" }, 1),
      "NOT_FOUND",
    );
    // organizers may
    expect((await write(organizer, article.id, { body: `${BODY}\n\nEdited by the organizer.` })).version).toBe(2);
  });

  it("sets the authors: accounts and guests, in order", async () => {
    const { members, article } = await teamArticle();
    const rows = await setAuthors(t.db, members[0], article.id, [{ name: "  Grace Guest " }, { userId: members[1].id }, { userId: outsider.id }]);
    expect(rows.map((r) => [r.userId, r.name, r.position])).toEqual([
      [null, "Grace Guest", 0],
      [members[1].id, "Cora Coauthor", 1],
      [outsider.id, "Oscar Outsider", 2],
    ]);
    // the outsider is an author now, the first member no longer
    expect((await articleForEditing(t.db, outsider, article.id)).authors.map((a) => a.name)).toEqual(["Grace Guest", "Cora Coauthor", "Oscar Outsider"]);
    await expectDomainError(articleForEditing(t.db, members[0], article.id), "FORBIDDEN");
    await expectDomainError(setAuthors(t.db, outsider, article.id, []), "INVALID", /at least one/);
    await expectDomainError(setAuthors(t.db, outsider, article.id, [{ userId: outsider.id }, { userId: outsider.id }]), "INVALID", /once/);
    await expectDomainError(setAuthors(t.db, outsider, article.id, [{ userId: "nobody" }]), "INVALID", /no account/);
    await expectDomainError(setAuthors(t.db, outsider, article.id, [{ name: "X" }]), "INVALID", /2 to 80/);
  });

  it("previews with the published renderer, sizing uploaded images", async () => {
    const { members, article } = await teamArticle();
    const upload = await storeUpload(
      t.db,
      members[0],
      await sharp({ create: { width: 30, height: 20, channels: 3, background: "#336699" } })
        .png()
        .toBuffer(),
    );
    const preview = await previewArticle(t.db, members[0], article.id, `## Setup\n\n![diagram](${upload.url})\n\n\`\`\`ts\nconst x = 1;\n\`\`\``);
    expect(preview.toc).toEqual([{ depth: 2, id: "setup", text: "Setup" }]);
    expect(preview.html).toContain('width="30" height="20"');
    expect(preview.html).toContain('<span class="hljs-keyword">const</span>');
  });
});

// ---- review and publication ---------------------------------------------------------------------

describe("review", () => {
  it("goes from draft to review, back with changes requested, and published by an organizer", async () => {
    const edition = await makeEdition(t.db, "CLOSED");
    const { team, members } = await teamWith(edition, ["Rita Reviewed", "Sam Second"]);
    const [rita, sam] = members;
    const article = await createArticle(t.db, rita, { editionId: edition.id, teamId: team.id, title: title("Reviewed") });
    // nothing to publish yet
    await expectDomainError(submitForReview(t.db, rita, article.id), "INVALID", /summary/);
    await write(rita, article.id, { summary: SUMMARY, body: "Too short." });
    await expectDomainError(submitForReview(t.db, rita, article.id), "INVALID", /too short/);
    await write(rita, article.id, { body: BODY });
    await submitForReview(t.db, rita, article.id);
    await expectDomainError(submitForReview(t.db, sam, article.id), "INVALID", /in review already/);
    await commentOnArticle(t.db, sam, article.id, "Ready, I think.");

    // only organizers review
    for (const someone of [rita, judge, outsider]) {
      await expectDomainError(requestChanges(t.db, someone, article.id, "More graphs"), "FORBIDDEN");
      await expectDomainError(publishArticle(t.db, someone, article.id), "FORBIDDEN");
      await expectDomainError(unpublishArticle(t.db, someone, article.id), "FORBIDDEN");
    }
    await requestChanges(t.db, organizer, article.id, "Add a benchmark table, please.");
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
    await expectDomainError(requestChanges(t.db, organizer, article.id, "Again"), "INVALID", /in review/);
    await commentOnArticle(t.db, organizer, article.id, "Thanks!");
    await submitForReview(t.db, sam, article.id);
    await publishArticle(t.db, organizer, article.id);

    const editing = await articleForEditing(t.db, rita, article.id);
    expect(editing.status).toBe("PUBLISHED");
    expect(editing.published?.slug).toBe(article.slug);
    expect(editing.team?.id).toBe(team.id);
    expect(editing.events.map((e) => [e.kind, e.actorName, e.body])).toEqual([
      ["SUBMITTED", "Rita Reviewed", ""],
      ["COMMENT", "Sam Second", "Ready, I think."],
      ["CHANGES_REQUESTED", "Olga Organizer", "Add a benchmark table, please."],
      ["COMMENT", "Olga Organizer", "Thanks!"],
      ["SUBMITTED", "Sam Second", ""],
      ["PUBLISHED", "Olga Organizer", ""],
    ]);
    await expectDomainError(submitForReview(t.db, rita, article.id), "INVALID", /nothing has changed/);
  });

  it("publishes a rendered copy: html, table of contents, reading time, tags, authors, edition, team, topic", async () => {
    const edition = await makeEdition(t.db, "ARCHIVED");
    const { team, members } = await teamWith(edition, ["Pia Published", "Quinn Published"], "KILLER_FEATURE");
    const article = await createArticle(t.db, members[0], { editionId: edition.id, teamId: team.id, title: "Tracing <everything>" });
    const upload = await storeUpload(
      t.db,
      members[0],
      await sharp({ create: { width: 64, height: 32, channels: 3, background: "#aa5500" } })
        .png()
        .toBuffer(),
    );
    const body = `## Why\n\nBecause.\n\n### The \`probe\`\n\n${"word ".repeat(700)}\n\n![the probe](${upload.url})\n\n## How\n\n\`\`\`c\nint main(void) { return 0; }\n\`\`\`\n\n<script>alert(1)</script>`;
    await write(members[0], article.id, { summary: SUMMARY, body, tags: ["eBPF", "Linux Kernel"], coverFile: upload.file, coverAlt: "A probe" });
    const at = new Date("2031-02-03T10:00:00Z");
    const result = await publishArticle(t.db, organizer, article.id, at);
    expect(result.tags).toEqual(["ebpf", "linux-kernel"]);

    const page = await publishedArticle(t.db, article.slug);
    expect(page).toMatchObject({
      articleId: article.id,
      slug: article.slug,
      title: "Tracing <everything>",
      summary: SUMMARY,
      editionNumber: edition.number,
      editionId: edition.id,
      teamName: team.name,
      topicKind: "KILLER_FEATURE",
      coverFile: upload.file,
      coverAlt: "A probe",
      readingMinutes: 3, // about 710 words and an image
      revisedAt: null,
      tags: ["ebpf", "linux-kernel"],
      authors: [
        { key: "pia-published", name: "Pia Published" },
        { key: "quinn-published", name: "Quinn Published" },
      ],
    });
    expect(page.topicTitle).toMatch(/^Topic of kind KILLER_FEATURE/);
    expect(page.publishedAt.getTime()).toBe(at.getTime());
    expect(page.toc).toEqual([
      { depth: 2, id: "why", text: "Why" },
      { depth: 3, id: "the-probe", text: "The probe" },
      { depth: 2, id: "how", text: "How" },
    ]);
    expect(page.html).toContain('<h2 id="why">');
    expect(page.html).toContain('<span class="hljs-keyword">return</span>');
    expect(page.html).toMatch(new RegExp(`<img src="/uploads/${upload.file}" alt="the probe" loading="lazy" decoding="async" width="64" height="32">`));
    expect(page.html).not.toContain("<script");
    const bylines = await t.db.publishedAuthor.findMany({ where: { articleId: article.id }, orderBy: { key: "asc" } });
    expect(bylines.map((b) => b.key)).toEqual(["pia-published", "quinn-published"]);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("PUBLISHED");
    expect((await articleIndex(t.db)).some((a) => a.slug === article.slug)).toBe(true);
    await expectDomainError(publishedArticle(t.db, "no-such-article"), "NOT_FOUND");
  });

  it("keeps the public copy while a published article is edited, until it is published again", async () => {
    const edition = await makeEdition(t.db, "ARCHIVED");
    const { team, members } = await teamWith(edition, ["Uma Updater"]);
    const uma = members[0];
    const article = await createArticle(t.db, uma, { editionId: edition.id, teamId: team.id, title: title("Kangaroo") });
    await write(uma, article.id, { body: `${BODY}\n\nAll about the kangaroo.` });
    const first = new Date("2031-03-01T09:00:00Z");
    await publishArticle(t.db, organizer, article.id, first);

    const saved = await write(uma, article.id, { title: "Platypus", body: `${BODY}\n\nAll about the platypus.` });
    expect(saved).toMatchObject({ status: "PUBLISHED", pendingChanges: true });
    let page = await publishedArticle(t.db, article.slug);
    expect(page.title).toMatch(/^Kangaroo/);
    expect(page.html).toContain("kangaroo");
    expect(page.html).not.toContain("platypus");
    expect((await search("platypus", { edition: edition.number })).total).toBe(0);
    expect((await search("kangaroo", { edition: edition.number })).total).toBe(1);

    // the authors ask, an organizer sends it back, the public copy still stands
    await submitForReview(t.db, uma, article.id);
    await requestChanges(t.db, organizer, article.id, "Spell it right");
    expect(await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ status: "PUBLISHED", pendingChanges: true });
    expect((await publishedArticle(t.db, article.slug)).title).toMatch(/^Kangaroo/);
    // a change of authors waits too
    await setAuthors(t.db, uma, article.id, [{ userId: uma.id }, { name: "Gus Guest" }]);
    expect((await publishedArticle(t.db, article.slug)).authors).toEqual([{ key: "uma-updater", name: "Uma Updater" }]);

    const second = new Date("2031-03-05T09:00:00Z");
    await publishArticle(t.db, organizer, article.id, second);
    page = await publishedArticle(t.db, article.slug);
    expect(page.title).toBe("Platypus");
    expect(page.html).toContain("platypus");
    expect(page.publishedAt.getTime()).toBe(first.getTime());
    expect(page.revisedAt?.getTime()).toBe(second.getTime());
    expect(page.authors.map((a) => a.name)).toEqual(["Uma Updater", "Gus Guest"]);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).pendingChanges).toBe(false);
    expect((await search("platypus", { edition: edition.number })).total).toBe(1);
    expect((await search("kangaroo", { edition: edition.number })).total).toBe(0);
  });

  it("names the stored pages a publication changes: the article's, where it was, and its edition's other articles'", async () => {
    const [edition, other] = [await makeEdition(t.db, "ARCHIVED"), await makeEdition(t.db, "ARCHIVED")];
    const neighbour = await published({ editionId: edition.id });
    const elsewhere = await published({ editionId: other.id });
    const article = await createArticle(t.db, organizer, { editionId: edition.id, teamId: null, title: title("Stored page") });
    await write(organizer, article.id);

    const first = await publishArticle(t.db, organizer, article.id);
    expect(first).toMatchObject({ slug: article.slug, editionNumber: edition.number, previous: null });
    // every article page of the edition shows its latest others: all of them, and none of another edition's
    expect((await editionArticleSlugs(t.db, [edition.number])).sort()).toEqual([neighbour.slug, article.slug].sort());
    expect(await editionArticleSlugs(t.db, [other.number])).toEqual([elsewhere.slug]);
    expect(await editionArticleSlugs(t.db, [])).toEqual([]);

    const again = await publishArticle(t.db, organizer, article.id);
    expect(again.previous).toEqual({ slug: article.slug, editionNumber: edition.number });
    expect(await unpublishArticle(t.db, organizer, article.id)).toEqual({ slug: article.slug, editionNumber: edition.number });
    expect(await editionArticleSlugs(t.db, [edition.number])).toEqual([neighbour.slug]);
  });

  it("follows its edition when it is renumbered", async () => {
    const edition = await makeEdition(t.db, "ARCHIVED");
    const article = await published({ editionId: edition.id });
    const e = await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } });
    const input = {
      number: e.number + 1000,
      title: e.title,
      timezone: e.timezone,
      hackingStartsAt: "2031-01-16T09:00",
      presentationsStartAt: "2031-01-17T16:00",
      endsAt: "2031-01-17T18:00",
      maxTeamSize: 5,
    };
    await updateEdition(t.db, organizer, edition.id, input);
    expect((await publishedArticle(t.db, article.slug)).editionNumber).toBe(e.number + 1000);
    expect(ids((await listArticles(t.db, { edition: e.number + 1000 })).items)).toEqual([article.id]);
    expect((await listArticles(t.db, { edition: e.number })).total).toBe(0);
    expect(await editionArticleSlugs(t.db, [e.number + 1000])).toEqual([article.slug]);
  });

  it("unpublishes: gone from the lists, the search and the page; the authors keep the text", async () => {
    const edition = await makeEdition(t.db, "ARCHIVED");
    const kept = await published({ editionId: edition.id, body: `${BODY}\n\nThe wombat stays.` });
    const gone = await published({ editionId: edition.id, body: `${BODY}\n\nThe wombat goes.` });
    expect(ids((await listArticles(t.db, { edition: edition.number })).items).sort()).toEqual([kept.id, gone.id].sort());
    expect((await search("wombat")).total).toBe(2);

    await unpublishArticle(t.db, organizer, gone.id, "Leaks a customer's name");
    expect(ids((await listArticles(t.db, { edition: edition.number })).items)).toEqual([kept.id]);
    expect(ids((await search("wombat")).items)).toEqual([kept.id]);
    expect((await searchArticles(t.db, "wombat", { limit: 10, offset: 0 })).hits.map((h) => h.articleId)).toEqual([kept.id]);
    await expectDomainError(publishedArticle(t.db, gone.slug), "NOT_FOUND");
    expect((await articleFacets(t.db)).editions.find((e) => e.number === edition.number)?.count).toBe(1);
    if (t.kind === "sqlite") {
      const rows = await t.db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "ArticleSearch" WHERE "articleId" = ?`, gone.id);
      expect(Number(rows[0].n)).toBe(0);
    }
    const row = await t.db.article.findUniqueOrThrow({ where: { id: gone.id } });
    expect(row).toMatchObject({ status: "DRAFT", pendingChanges: false });
    expect(row.body).toContain("The wombat goes.");
    const events = await t.db.articleEvent.findMany({ where: { articleId: gone.id, kind: "UNPUBLISHED" } });
    expect(events.map((e) => e.body)).toEqual(["Leaks a customer's name"]);
    await expectDomainError(unpublishArticle(t.db, organizer, gone.id), "INVALID", /isn't published/);

    // published again later: a new publication, not a revision
    const again = new Date("2032-01-01T00:00:00Z");
    await publishArticle(t.db, organizer, gone.id, again);
    const page = await publishedArticle(t.db, gone.slug);
    expect(page.publishedAt.getTime()).toBe(again.getTime());
    expect(page.revisedAt).toBeNull();
    expect((await search("wombat")).total).toBe(2);
  });

  it("deletes drafts never published, and nothing published", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const { team, members } = await teamWith(edition, ["Dee Deleter", "Eve Coauthor"]);
    const draft = await createArticle(t.db, members[0], { editionId: edition.id, teamId: team.id, title: title() });
    await commentOnArticle(t.db, members[0], draft.id, "Scrap this.");
    await deleteArticle(t.db, members[1], draft.id);
    expect(await t.db.article.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await t.db.articleAuthor.count({ where: { articleId: draft.id } })).toBe(0);

    const live = await published({ editionId: edition.id });
    await expectDomainError(deleteArticle(t.db, organizer, live.id), "INVALID", /Unpublish it first/);
    expect(await t.db.article.findUnique({ where: { id: live.id } })).not.toBeNull();
    await expectDomainError(deleteArticle(t.db, organizer, "no-such-article"), "NOT_FOUND");
  });

  it("lists a person's articles, and every article for organizers, those in review first", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const { team, members } = await teamWith(edition, ["Mo Mine"]);
    const mine = await createArticle(t.db, members[0], { editionId: edition.id, teamId: team.id, title: title("Mine") });
    await write(members[0], mine.id);
    await submitForReview(t.db, members[0], mine.id);
    const list = await myArticles(t.db, members[0]);
    expect(list.map((a) => a.id)).toEqual([mine.id]);
    expect(list[0]).toMatchObject({ status: "IN_REVIEW", edition: { number: edition.number }, team: { name: team.name } });
    expect(await myArticles(t.db, judge)).toEqual([]);
    const all = await myArticles(t.db, organizer);
    expect(all.some((a) => a.id === mine.id)).toBe(true);
    const firstOther = all.findIndex((a) => a.status !== "IN_REVIEW");
    const lastInReview = all.map((a) => a.status).lastIndexOf("IN_REVIEW");
    expect(firstOther === -1 || lastInReview < firstOther).toBe(true);
    await expectDomainError(myArticles(t.db, null), "UNAUTHENTICATED");
  });
});

// ---- what readers browse ---------------------------------------------------------------------------

describe("the public list", () => {
  // 30 articles in one edition: every third of a killer-feature team, every third of a fun team, the rest of no
  // team; even ones tagged rust, odd ones go, every fifth ebpf too (and about quasars); every fourth by Ada Lovelace
  let edition: Awaited<ReturnType<typeof makeEdition>>;
  let other: Awaited<ReturnType<typeof makeEdition>>;
  const articles: string[] = [];
  const base = new Date("2033-05-01T08:00:00Z").getTime();

  beforeAll(async () => {
    edition = await makeEdition(t.db, "ARCHIVED");
    other = await makeEdition(t.db, "ARCHIVED");
    const killer = await teamWith(edition, [], "KILLER_FEATURE");
    const fun = await teamWith(edition, [], "FUN");
    for (let i = 0; i < 30; i++) {
      const teamId = i % 3 === 0 ? killer.team.id : i % 3 === 1 ? fun.team.id : null;
      const tags = [i % 2 === 0 ? "Rust" : "Go", ...(i % 5 === 0 ? ["eBPF"] : [])];
      const body = `${BODY}\n\nCommon ground, part ${i}.${i % 5 === 0 ? " We looked at a quasar." : ""}`;
      const authors = i % 4 === 0 ? ["Ada Lovelace", "Olga Organizer"] : undefined;
      articles.push((await published({ editionId: edition.id, teamId, title: title("Listed"), body, tags, authors, at: new Date(base + i * 60_000) })).id);
    }
    await published({ editionId: other.id, body: `${BODY}\n\nCommon ground elsewhere.`, tags: ["Rust"], at: new Date(base + 3_600_000) });
    await published({
      editionId: other.id,
      body: `${BODY}\n\nCommon ground elsewhere too.`,
      tags: ["Go"],
      authors: ["Ada Lovelace"],
      at: new Date(base + 3_600_001),
    });
  });

  const select = (keep: (i: number) => boolean) => articles.filter((_, i) => keep(i));
  const newestFirst = (list: string[]) => [...list].reverse();

  it("pages the newest first", async () => {
    expect(ARTICLES_PER_PAGE).toBe(12);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listArticles(t.db, { edition: edition.number, page })));
    for (const p of pages) expect(p).toMatchObject({ total: 30, pages: 3 });
    expect(pages.map((p) => p.items.length)).toEqual([12, 12, 6, 0]);
    expect(pages.flatMap((p) => ids(p.items))).toEqual(newestFirst(articles));
    expect(pages[1].page).toBe(2);
    expect((await listArticles(t.db, { edition: edition.number, page: 0 })).page).toBe(1);
    const card = pages[2].items.at(-1)!;
    expect(card).toMatchObject({ articleId: articles[0], editionNumber: edition.number, tags: ["ebpf", "rust"], readingMinutes: 1 });
    expect(card.snippet).toBeUndefined();
    expect(card.authors).toEqual([
      { key: "ada-lovelace", name: "Ada Lovelace" },
      { key: "olga-organizer", name: "Olga Organizer" },
    ]);
    expect(ids(await latestArticles(t.db, 3)).length).toBe(3);
  });

  it("filters by edition, kind, tag and author, alone and together", async () => {
    const all = async (filters: ArticleFilters) => {
      const first = await listArticles(t.db, filters);
      const rest = await Promise.all(Array.from({ length: first.pages - 1 }, (_, i) => listArticles(t.db, { ...filters, page: i + 2 })));
      return { total: first.total, ids: [first, ...rest].flatMap((p) => ids(p.items)) };
    };
    const e = edition.number;
    expect(await all({ edition: e, kind: "KILLER_FEATURE" })).toEqual({ total: 10, ids: newestFirst(select((i) => i % 3 === 0)) });
    expect(await all({ edition: e, kind: "FUN" })).toEqual({ total: 10, ids: newestFirst(select((i) => i % 3 === 1)) });
    expect((await all({ edition: e, kind: "TEAM_TOOLING" })).total).toBe(0);
    expect(await all({ edition: e, tag: "rust" })).toEqual({ total: 15, ids: newestFirst(select((i) => i % 2 === 0)) });
    expect(await all({ edition: e, tag: "ebpf" })).toEqual({ total: 6, ids: newestFirst(select((i) => i % 5 === 0)) });
    expect(await all({ edition: e, author: "ada-lovelace" })).toEqual({ total: 8, ids: newestFirst(select((i) => i % 4 === 0)) });
    expect((await all({ author: "ada-lovelace" })).total).toBe(9); // and one in the other edition
    expect((await all({ edition: other.number })).total).toBe(2);
    expect(await all({ edition: e, kind: "KILLER_FEATURE", tag: "rust" })).toEqual({ total: 5, ids: newestFirst(select((i) => i % 6 === 0)) });
    expect(await all({ edition: e, kind: "KILLER_FEATURE", tag: "rust", author: "ada-lovelace" })).toEqual({
      total: 3,
      ids: newestFirst(select((i) => i % 12 === 0)),
    });
    expect((await all({ edition: e, tag: "no-such-tag" })).total).toBe(0);
    expect((await listArticles(t.db, { edition: 0xfff })).items).toEqual([]);
  });

  it("searches within the filters, with pages", async () => {
    const e = edition.number;
    const quasar = await search("quasar", { edition: e });
    expect(quasar.total).toBe(6);
    expect(ids(quasar.items).sort()).toEqual(select((i) => i % 5 === 0).sort());
    for (const item of quasar.items) expect(item.snippet).toMatch(/<mark>quasar<\/mark>/i);
    expect(ids((await search("quasar", { edition: e, tag: "rust" })).items).sort()).toEqual(select((i) => i % 10 === 0).sort());
    expect(ids((await search("quasar", { edition: e, kind: "FUN" })).items).sort()).toEqual(select((i) => i % 5 === 0 && i % 3 === 1).sort());
    expect((await search("quasar", { edition: other.number })).total).toBe(0);
    expect((await search("quasar", { tag: "no-such-tag" })).total).toBe(0);

    const pages = await Promise.all([1, 2, 3].map((page) => search("common ground", { edition: e, page })));
    for (const p of pages) expect(p).toMatchObject({ total: 30, pages: 3 });
    expect(pages.map((p) => p.items.length)).toEqual([12, 12, 6]);
    expect(new Set(pages.flatMap((p) => ids(p.items))).size).toBe(30);
    expect((await search("common ground")).total).toBe(32);
  });

  it("counts the facets", async () => {
    const facets = await articleFacets(t.db);
    expect(facets.editions.find((x) => x.number === edition.number)).toEqual({ number: edition.number, count: 30 });
    expect(facets.editions.find((x) => x.number === other.number)).toEqual({ number: other.number, count: 2 });
    const numbers = facets.editions.map((x) => x.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(facets.kinds).toEqual(expect.arrayContaining(["KILLER_FEATURE", "FUN"]));
    expect(facets.tags.find((x) => x.tag === "rust")).toEqual({ tag: "rust", count: 16 });
    expect(facets.tags.find((x) => x.tag === "go")).toEqual({ tag: "go", count: 16 });
    expect(facets.tags.find((x) => x.tag === "ebpf")?.count).toBeGreaterThanOrEqual(6);
    const counts = facets.tags.map((x) => x.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(facets.authors.find((x) => x.key === "ada-lovelace")).toEqual({ key: "ada-lovelace", name: "Ada Lovelace", count: 9 });
  });
});

describe("search", () => {
  let edition: Awaited<ReturnType<typeof makeEdition>>;
  let inTitle: string;
  let inBody: string;
  let inSummary: string;
  let stemmed: string;
  let accented: string;
  let plain: string;

  beforeAll(async () => {
    edition = await makeEdition(t.db, "ARCHIVED");
    const e = edition.id;
    // oldest first: the title match must win on its rank, not on its date
    inBody = (
      await published({
        editionId: e,
        title: title("Assorted notes"),
        body: `${BODY}\n\nOn the last day we met a quokka near the office.`,
        at: new Date("2034-01-03T00:00:00Z"),
      })
    ).id;
    inSummary = (
      await published({ editionId: e, title: title("More notes"), summary: "A quokka, and what it taught us.", at: new Date("2034-01-02T00:00:00Z") })
    ).id;
    inTitle = (await published({ editionId: e, title: title("Quokka tuning"), at: new Date("2034-01-01T00:00:00Z") })).id;
    stemmed = (await published({ editionId: e, body: `${BODY}\n\nWe wrote one benchmark harness & ran it <b>nightly</b>.` })).id;
    accented = (await published({ editionId: e, body: `${BODY}\n\nThe résumé parser reads anything.` })).id;
    plain = (await published({ editionId: e, body: `${BODY}\n\nThe resume builder writes everything.` })).id;
  });

  const found = async (q: string) => ids((await search(q, { edition: edition.number })).items);

  it("ranks a title match above a summary match above a body match", async () => {
    expect(await found("quokka")).toEqual([inTitle, inSummary, inBody]);
    expect(ids((await search("Quokka")).items)).toEqual([inTitle, inSummary, inBody]); // without filters too
    const hits = (await searchArticles(t.db, "quokka", { limit: 10, offset: 0 })).hits;
    expect(hits.map((h) => h.articleId)).toEqual([inTitle, inSummary, inBody]);
    expect(hits[0].rank).toBeGreaterThan(hits[2].rank);
    expect((await searchArticles(t.db, "quokka", { limit: 1, offset: 1 })).hits.map((h) => h.articleId)).toEqual([inSummary]);
    expect((await searchArticles(t.db, "quokka", { limit: 10, offset: 0, among: [inBody, stemmed] })).hits.map((h) => h.articleId)).toEqual([inBody]);
    expect(await searchArticles(t.db, "quokka", { limit: 10, offset: 0, among: [] })).toEqual({ hits: [], total: 0 });
  });

  it("stems, and takes the last word as a prefix", async () => {
    expect(await found("benchmarks")).toEqual([stemmed]);
    expect(await found("benchmarking")).toEqual([stemmed]);
    expect(await found("bench")).toEqual([stemmed]);
    expect(await found("benchmark harness")).toEqual([stemmed]);
    expect(await found("quok")).toHaveLength(3);
    // only the last word is a prefix, and every word must match
    expect(await found("bench harness")).toEqual([]);
    expect(await found("benchmark quokka")).toEqual([]);
  });

  it("highlights the matches in a snippet of safe HTML", async () => {
    const [hit] = (await search("benchmarks", { edition: edition.number })).items;
    expect(hit.snippet).toMatch(/<mark>benchmark<\/mark>/);
    expect(hit.snippet).toContain("&amp;");
    expect(hit.snippet).not.toContain("<b>");
    expect(hit.snippet!.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it.skipIf(process.env.HEXATHON_TEST_DB === "postgresql")("folds accents (SQLite)", async () => {
    expect((await found("resume")).sort()).toEqual([accented, plain].sort());
    expect((await found("résumé")).sort()).toEqual([accented, plain].sort());
    expect((await found("RÉSUMÉ parser")).sort()).toEqual([accented]);
  });

  it("finds nothing, without an error, for punctuation and query syntax", async () => {
    for (const q of ["!!!", "...", '"', '""', "*", "-", "--", "()", ":", "'", "&|!", "<->", "^", "{}", "«»", "…"]) {
      const result = await search(q, { edition: edition.number });
      expect(result, q).toMatchObject({ items: [], total: 0 });
    }
    expect((await searchArticles(t.db, "!!! ---", { limit: 10, offset: 0 })).total).toBe(0);
    // syntax around a word is just the word
    for (const q of ['"quokka"', "quokka*", "-quokka", "(quokka)", "quokka:*", "!quokka", "^quokka"]) expect(await found(q), q).toHaveLength(3);
    expect(await found("the and of")).toBeInstanceOf(Array); // stop words only: no error either
  });

  it("survives SQL injection attempts", async () => {
    for (const q of [`'); DROP TABLE "PublishedArticle"; --`, `quokka' OR '1'='1`, `quokka"); DELETE FROM "Article"; --`, "quokka\\'; --", "$1 $2 ?"]) {
      await search(q, { edition: edition.number });
    }
    expect(await t.db.publishedArticle.count({ where: { editionId: edition.id } })).toBe(6);
    expect(await found("quokka")).toHaveLength(3);
  });
});

describe("winners", () => {
  it("shows nothing before anything is announced, then the jury prizes awarded", async () => {
    const edition = await makeEdition(t.db, "CLOSED");
    expect(await editionWinners(t.db, edition.id)).toEqual({ podium: [], favourite: null, prizes: [] });
    const { team } = await teamWith(edition, []);
    await t.db.prize.create({
      data: { editionId: edition.id, kind: "JURY", name: "Product management special prize", teamId: team.id, awardedAt: new Date() },
    });
    await t.db.prize.create({ data: { editionId: edition.id, kind: "JURY", name: "Not awarded yet" } });
    expect((await editionWinners(t.db, edition.id)).prizes).toEqual([{ name: "Product management special prize", team: team.name }]);
  });
});

// ---- uploads ------------------------------------------------------------------------------------------

describe("uploads", () => {
  const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });
  const EXIF = {
    IFD0: { Make: "SpyCam", Model: "Model 7", Copyright: "Secret Owner" },
    IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 7/1" },
  };

  it("stores a JPEG re-encoded without its metadata, rotated as it was shown", async () => {
    const jpeg = await solid(40, 20).jpeg().withMetadata({ orientation: 6 }).withExif(EXIF).toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif).toBeDefined(); // the test image does carry EXIF, GPS position included
    expect(jpeg.includes("SpyCam")).toBe(true);
    expect(before.orientation).toBe(6);

    const stored = await storeUpload(t.db, outsider, jpeg);
    expect(stored).toMatchObject({ mime: "image/jpeg", width: 20, height: 40, url: `/uploads/${stored.file}` });
    expect(stored.file).toMatch(/^[a-f0-9]{32}\.jpg$/);
    const bytes = await readUpload(t.db, stored.file);
    expect(bytes).not.toBeNull();
    expect(bytes!.length).toBe(stored.bytes);
    const after = await sharp(bytes!).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 20, height: 40 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(bytes!.includes("SpyCam")).toBe(false);
    expect(bytes!.includes("Secret Owner")).toBe(false);
    expect(await t.db.upload.findUnique({ where: { file: stored.file } })).toMatchObject({
      mime: "image/jpeg",
      width: 20,
      height: 40,
      bytes: stored.bytes,
      uploadedById: outsider.id,
    });
  });

  it("stores a PNG re-encoded without its metadata", async () => {
    const png = await solid(48, 32).png().withExif(EXIF).toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const stored = await storeUpload(t.db, outsider, png);
    expect(stored).toMatchObject({ mime: "image/png", width: 48, height: 32 });
    expect(stored.file).toMatch(/^[a-f0-9]{32}\.png$/);
    const bytes = (await readUpload(t.db, stored.file))!;
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe("png");
    expect(after.exif).toBeUndefined();
    expect(bytes.includes("SpyCam")).toBe(false);
  });

  it("serves an image uploaded through one instance from another, whose data directory never had it", async () => {
    const png = await solid(12, 9).png().toBuffer();
    const stored = await storeUpload(t.db, outsider, png);
    const mine = await readUpload(t.db, stored.file);
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "hexathon-other-instance-"));
    process.env.HEXATHON_DATA_DIR = elsewhere;
    try {
      expect(existsSync(path.join(elsewhere, "uploads", stored.file))).toBe(false);
      expect(await readUpload(t.db, stored.file)).toEqual(mine); // from the database
      expect(existsSync(path.join(elsewhere, "uploads", stored.file))).toBe(true); // and kept there since
    } finally {
      process.env.HEXATHON_DATA_DIR = dataDir;
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("shares with every instance the images uploaded before the database kept them", async () => {
    const stored = await storeUpload(t.db, outsider, await solid(7, 5).png().toBuffer());
    const bytes = (await readUpload(t.db, stored.file))!;
    await t.db.upload.update({ where: { file: stored.file }, data: { content: null } }); // as an older version left it
    expect(await shareLocalUploads(t.db)).toBeGreaterThanOrEqual(1);
    expect(Buffer.from((await t.db.upload.findUniqueOrThrow({ where: { file: stored.file } })).content!)).toEqual(bytes);
    // an instance without the file shares nothing, and leaves the row for the one that has it
    await t.db.upload.update({ where: { file: stored.file }, data: { content: null } });
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), "hexathon-other-instance-"));
    process.env.HEXATHON_DATA_DIR = elsewhere;
    try {
      expect(await shareLocalUploads(t.db)).toBe(0);
      expect(await readUpload(t.db, stored.file)).toBeNull();
    } finally {
      process.env.HEXATHON_DATA_DIR = dataDir;
      rmSync(elsewhere, { recursive: true, force: true });
    }
    expect(await shareLocalUploads(t.db)).toBe(1);
  });

  it("stores the same image once, under the hash of its content", async () => {
    const png = await solid(16, 16).png().toBuffer();
    const first = await storeUpload(t.db, outsider, png);
    const second = await storeUpload(t.db, judge, png);
    expect(second).toEqual(first);
    expect(readdirSync(uploadsDir()).filter((f) => f.startsWith(first.file.slice(0, 32)))).toEqual([first.file]);
    expect(readdirSync(uploadsDir()).filter((f) => f.endsWith(".part"))).toEqual([]);
    expect(existsSync(path.join(dataDir, "uploads", first.file))).toBe(true);
    expect(await t.db.upload.count({ where: { file: first.file } })).toBe(1);
    expect((await t.db.upload.findUniqueOrThrow({ where: { file: first.file } })).uploadedById).toBe(outsider.id);
    const other = await storeUpload(t.db, outsider, await solid(16, 17).png().toBuffer());
    expect(other.file).not.toBe(first.file);
  });

  it("scales down images wider than an article", async () => {
    const stored = await storeUpload(
      t.db,
      outsider,
      await solid(MAX_IMAGE_WIDTH + 600, 30)
        .png()
        .toBuffer(),
    );
    expect(stored).toMatchObject({ width: MAX_IMAGE_WIDTH, height: 24 });
  });

  it("refuses what isn't an image we take", async () => {
    await expectDomainError(storeUpload(t.db, outsider, Buffer.from("I am a text file, renamed notes.png\n")), "INVALID", /isn't an image/);
    await expectDomainError(
      storeUpload(t.db, outsider, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')),
      "INVALID",
      /isn't an image/,
    );
    await expectDomainError(storeUpload(t.db, outsider, await solid(8, 8).tiff().toBuffer()), "INVALID", /isn't an image/);
    await expectDomainError(storeUpload(t.db, outsider, Buffer.alloc(0)), "INVALID", /empty/);
    // a PNG cut short
    const png = await solid(64, 64).png({ compressionLevel: 0 }).toBuffer();
    await expectDomainError(storeUpload(t.db, outsider, png.subarray(0, 200)), "INVALID", /image/);
  });

  it("refuses files that are too big, in bytes or in pixels", async () => {
    const error = await expectDomainError(storeUpload(t.db, outsider, Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff)), "INVALID", /MB/);
    expect(error.field).toBe("file");
    await expectDomainError(storeUpload(t.db, outsider, pngHeaderOnly(20_000, 20_000)), "INVALID", /image/);
  });

  it("needs a signed-in person", async () => {
    await expectDomainError(storeUpload(t.db, null, await solid(4, 4).png().toBuffer()), "UNAUTHENTICATED");
  });

  it("reads stored files only, by their exact name", async () => {
    expect(await readUpload(t.db, "../../etc/passwd")).toBeNull();
    expect(await readUpload(t.db, "0123456789abcdef0123456789abcdef.png")).toBeNull();
    expect(await readUpload(t.db, "0123456789ABCDEF0123456789ABCDEF.png")).toBeNull();
    expect(await readUpload(t.db, "0123456789abcdef0123456789abcdef.svg")).toBeNull();
  });
});

/** A PNG that claims to be `width` × `height` (a decompression bomb's header), with a token of image data. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const idat = Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
