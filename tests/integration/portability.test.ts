// A person's data on a real database (SQLite and PostgreSQL): they download
// all of it; when they leave, an organizer forgets them, and then nothing in
// any table holds their name or address (the test reads every row of every
// table), while what they cast and did still counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, publishArticle, saveArticle } from "@/lib/articles/commands";
import { FORMER_COLLEAGUE, forgetPerson, myData } from "@/lib/people/portability";
import { listPeople } from "@/lib/people/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { addMember, makeEdition, makeTeam, makeTopic, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

/** Every row of every table, as text: where a name or an address would hide. */
async function everyRow(): Promise<{ table: string; text: string }[]> {
  const tables =
    t.kind === "sqlite"
      ? await t.db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
        )
      : await t.db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '_prisma%'",
        );
  const rows: { table: string; text: string }[] = [];
  for (const { name } of tables) {
    // as text, whatever the column types
    const query =
      t.kind === "sqlite"
        ? `SELECT ${(await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${name}')`))
            .map((column) => `CAST("${column.name}" AS TEXT) AS "${column.name}"`)
            .join(", ")} FROM "${name}"`
        : `SELECT row_to_json(r)::text AS text FROM "${name}" r`;
    for (const row of await t.db.$queryRawUnsafe<Record<string, unknown>[]>(query)) rows.push({ table: name, text: JSON.stringify(row) });
  }
  return rows;
}

/** A person who did a bit of everything: proposed, showed interest, joined a team, wrote and published, voted signed in, failed a sign-in, got emails. */
async function busyPerson(name: string, email: string) {
  const organizer = await makeUser(t.db, "ORGANIZER");
  const person = await t.db.user.create({
    data: { name, email, role: "EMPLOYEE", emailVerifiedAt: new Date(), department: "Payments", calendarKey: `key-${email}` },
  });
  await t.db.user.create({ data: { name: "Their report", email: `report-${person.id}@corp.test`, managerEmail: email } });
  const edition = await makeEdition(t.db, "CLOSED");
  const topic = await makeTopic(t.db, edition.id, person.id);
  await t.db.interest.create({ data: { userId: person.id, topicId: (await makeTopic(t.db, edition.id, organizer.id)).id } });
  const team = await makeTeam(t.db, edition.id, `Team of ${email}`.slice(0, 10), { topicId: topic.id });
  const colleague = await makeUser(t.db, "EMPLOYEE", "Colleague");
  await addMember(t.db, team, person.id);
  await addMember(t.db, team, colleague.id);
  const article = await createArticle(t.db, { id: person.id, role: "EMPLOYEE" }, { editionId: edition.id, teamId: team.id, title: "Our write-up" });
  await saveArticle(
    t.db,
    { id: person.id, role: "EMPLOYEE" },
    article.id,
    { title: "Our write-up", summary: "What we built, and why.", body: "## What we built\n\n".padEnd(80, "x"), tags: [], coverFile: null, coverAlt: "" },
    article.version,
  );
  await publishArticle(t.db, organizer, article.id);
  await t.db.articleEvent.create({ data: { articleId: article.id, actorId: person.id, actorName: name, kind: "COMMENT", body: "Ready." } });
  const ballot = await t.db.ballot.create({ data: { editionId: edition.id, voterKey: `user:${person.id}`, userId: person.id } });
  await t.db.ballotPick.create({ data: { ballotId: ballot.id, teamId: team.id, rank: 1 } });
  await t.db.signInFailure.create({ data: { email, clientHash: "c" } });
  await t.db.rateBucket.create({ data: { key: `sign-in-links-address:${email}`, tokens: 1, at: Date.now() } });
  await t.db.session.create({ data: { userId: person.id, userAgent: "Firefox", expiresAt: new Date(Date.now() + 3600_000) } });
  await t.db.emailSetting.create({ data: { userId: person.id, kind: "team.changed", mode: "NOW" } });
  await t.db.digestEntry.create({
    data: { key: `d-${person.id}`, userId: person.id, kind: "topic.interest", title: `${name} is interested`, url: "https://x" },
  });
  await t.db.outboxMessage.create({
    data: { key: `e-${person.id}`, channel: "EMAIL", recipient: email, kind: "team.changed", summary: `Hello ${name}`, body: "{}", expiresAt: new Date() },
  });
  await t.db.outboxMessage.create({
    data: {
      key: `w-${person.id}`,
      channel: "WEBHOOK",
      recipient: "https://chat",
      kind: "topic.proposed",
      summary: "New topic",
      body: `{"text":"Proposed by ${name}."}`,
      expiresAt: new Date(),
    },
  });
  const track = await t.db.judgingTrack.create({ data: { editionId: edition.id, name: "Track", method: "RUBRIC" } });
  await t.db.judgment.create({ data: { trackId: track.id, judgeId: person.id, sequence: 1, kind: "RUBRIC", teamId: team.id } });
  await t.db.judgingAudit.create({
    data: { editionId: edition.id, actorId: organizer.id, actorName: "Org", action: "WITHDRAW", detail: `withdrew ${name}'s judgments` },
  });
  return { organizer, person, edition, team, article, ballot };
}

describe("forgetting a person who left", () => {
  it("leaves no trace of their name or address anywhere, and what they cast and did still counts", async () => {
    const name = "Zelda Quintessa";
    const email = "zelda.quintessa@corp.test";
    const { organizer, person, team, article, ballot } = await busyPerson(name, email);
    expect((await everyRow()).some((row) => row.text.includes(email))).toBe(true);

    await forgetPerson(t.db, organizer, person.id, { [article.id]: "FORMER" });

    const traces = (await everyRow()).filter((row) => row.text.includes(name) || row.text.includes(email) || row.text.toLowerCase().includes("zelda"));
    expect(traces).toEqual([]);
    // what counted still counts
    expect(await t.db.ballotPick.count({ where: { ballotId: ballot.id } })).toBe(1);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: team.id } })).memberCount).toBe(2);
    expect(await t.db.judgment.count({ where: { judgeId: person.id } })).toBe(1);
    const published = await t.db.publishedArticle.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(JSON.parse(published.authors)).toContainEqual({ key: "a-former-colleague", name: FORMER_COLLEAGUE });
    // no longer among the people, and can't sign in
    expect((await listPeople(t.db, organizer)).some((p) => p.id === person.id)).toBe(false);
    expect(await t.db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  it("keeps the byline as a name where the organizer chose it, and nowhere else", async () => {
    const name = "Yannick Byline";
    const email = "yannick.byline@corp.test";
    const { organizer, person, article } = await busyPerson(name, email);
    await forgetPerson(t.db, organizer, person.id, { [article.id]: "KEEP" });
    const traces = (await everyRow()).filter((row) => row.text.includes(name) || row.text.includes(email));
    expect([...new Set(traces.map((row) => row.table))].sort()).toEqual(["ArticleAuthor", "PublishedArticle", "PublishedAuthor"]);
    expect(traces.some((row) => row.text.includes(email))).toBe(false);
  });

  it("is an organizer's decision about someone else, with a choice for every article", async () => {
    const { organizer, person, article } = await busyPerson("Xavier Rules", "xavier.rules@corp.test");
    const employee = await makeUser(t.db);
    await expectDomainError(forgetPerson(t.db, employee, person.id, { [article.id]: "FORMER" }), "FORBIDDEN");
    await expectDomainError(forgetPerson(t.db, organizer, organizer.id, {}), "FORBIDDEN");
    await expectDomainError(forgetPerson(t.db, organizer, person.id, {}), "INVALID", /Choose what “Our write-up” says of its author/);
    await forgetPerson(t.db, organizer, person.id, { [article.id]: "FORMER" });
    await expectDomainError(forgetPerson(t.db, organizer, person.id, { [article.id]: "FORMER" }), "NOT_FOUND");
  });
});

describe("a person's own data", () => {
  it("holds their profile, topics, interests, teams, signed-in ballots, articles and settings", async () => {
    const { person, edition, team } = await busyPerson("Wanda Export", "wanda.export@corp.test");
    const data = await myData(t.db, { id: person.id, role: "EMPLOYEE" });
    expect(data.profile).toMatchObject({ name: "Wanda Export", email: "wanda.export@corp.test", department: "Payments" });
    const hex = `0x${edition.number.toString(16).toUpperCase().padStart(2, "0")}`;
    expect(data.teams).toEqual([{ edition: hex, team: team.name, joinedAt: expect.any(Date) }]);
    expect(data.topicsProposed).toHaveLength(1);
    expect(data.interests).toHaveLength(1);
    expect(data.ballots).toEqual([{ edition: hex, castAt: expect.any(Date), voided: false, picks: [{ rank: 1, team: team.name }] }]);
    expect(data.articles).toEqual([
      expect.objectContaining({ title: "Our write-up", byline: "Wanda Export", published: expect.stringMatching(/^\/articles\//) }),
    ]);
    expect(data.emailSettings).toEqual({ "team.changed": "NOW" });
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    await expectDomainError(myData(t.db, null), "UNAUTHENTICATED");
  });
});
