import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveTopic, mergeTopic, proposeTopic, rejectTopic, setInterest, updateTopic } from "@/lib/topics/commands";
import { getTopic, listTopics } from "@/lib/topics/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeTopic, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const pitch = "Let us build something people will love.";

describe("topics", () => {
  it("an employee proposes a topic; it awaits review and only the proposer or an organizer edits it", async () => {
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const [alice, bob, organizer] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db, "ORGANIZER")];
    const topic = await proposeTopic(t.db, alice, edition.id, { title: "eBPF tracing", pitch, kind: "TEAM_TOOLING" });
    expect(topic.status).toBe("PENDING");
    expect((await expectDomainError(updateTopic(t.db, bob, topic.id, { title: "Mine", pitch, kind: "FUN" }))).code).toBe("FORBIDDEN");
    await updateTopic(t.db, alice, topic.id, { title: "eBPF tracing of the C core", pitch, kind: "TEAM_TOOLING" });
    await updateTopic(t.db, organizer, topic.id, { title: "Tracing with eBPF", pitch, kind: "TEAM_TOOLING" });
    expect((await getTopic(t.db, bob, topic.id)).title).toBe("Tracing with eBPF");
  });

  it("no new topics and no edits once hacking starts", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const alice = await makeUser(t.db);
    const e = await expectDomainError(proposeTopic(t.db, alice, edition.id, { title: "Late idea", pitch, kind: "FUN" }));
    expect(e.code).toBe("INVALID");
    expect(translate(e.message, "en")).toMatch(/Hacking/);
    const topic = await makeTopic(t.db, edition.id, alice.id);
    expect(translate((await expectDomainError(updateTopic(t.db, alice, topic.id, { title: "Changed", pitch, kind: "FUN" }))).message, "en")).toMatch(/locked/);
  });

  it("nobody proposes in a draft edition except organizers, and drafts are invisible to others", async () => {
    const edition = await makeEdition(t.db, "DRAFT");
    const [alice, organizer] = [await makeUser(t.db), await makeUser(t.db, "ORGANIZER")];
    expect((await expectDomainError(proposeTopic(t.db, alice, edition.id, { title: "Sneaky", pitch, kind: "FUN" }))).code).toBe("NOT_FOUND");
    const topic = await proposeTopic(t.db, organizer, edition.id, { title: "Seed topic", pitch, kind: "FUN" });
    expect(topic.status).toBe("APPROVED");
  });

  it("interest is a toggle, idempotent, one per person even under concurrent clicks", async () => {
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const [alice, bob] = [await makeUser(t.db), await makeUser(t.db)];
    const topic = await makeTopic(t.db, edition.id, alice.id);
    await Promise.all(Array.from({ length: 10 }, () => setInterest(t.db, bob, topic.id, true)));
    expect(await t.db.interest.count({ where: { topicId: topic.id } })).toBe(1);
    const listed = await listTopics(t.db, bob, edition.id, { sort: "interest" });
    expect(listed.find((x) => x.id === topic.id)).toMatchObject({ interested: true, interestCount: 1 });
    expect(await setInterest(t.db, bob, topic.id, false)).toEqual({ interested: false, count: 0 });
  });

  it("lists by interest or recency and filters by kind", async () => {
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const people = await Promise.all(Array.from({ length: 3 }, () => makeUser(t.db)));
    const older = await t.db.topic.create({
      data: {
        editionId: edition.id,
        proposerId: people[0].id,
        title: "Popular",
        pitch,
        kind: "KILLER_FEATURE",
        status: "APPROVED",
        createdAt: new Date("2030-01-01"),
      },
    });
    const newer = await t.db.topic.create({
      data: { editionId: edition.id, proposerId: people[0].id, title: "Fresh", pitch, kind: "FUN", status: "APPROVED", createdAt: new Date("2030-01-02") },
    });
    for (const p of people) await setInterest(t.db, p, older.id, true);
    expect((await listTopics(t.db, people[0], edition.id, { sort: "interest" })).map((x) => x.id)).toEqual([older.id, newer.id]);
    expect((await listTopics(t.db, people[0], edition.id, { sort: "recent" })).map((x) => x.id)).toEqual([newer.id, older.id]);
    expect((await listTopics(t.db, people[0], edition.id, { sort: "interest", kind: "FUN" })).map((x) => x.id)).toEqual([newer.id]);
  });

  it("organizers reject with a reason shown to the proposer only, and approve", async () => {
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const [alice, bob, organizer] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db, "ORGANIZER")];
    const topic = await makeTopic(t.db, edition.id, alice.id, "PENDING");
    expect((await expectDomainError(rejectTopic(t.db, bob, topic.id, "no"))).code).toBe("FORBIDDEN");
    await rejectTopic(t.db, organizer, topic.id, "Already done by the platform team last year.");
    expect((await getTopic(t.db, alice, topic.id)).rejectionReason).toMatch(/platform team/);
    expect((await expectDomainError(getTopic(t.db, bob, topic.id))).code).toBe("NOT_FOUND");
    expect((await listTopics(t.db, bob, edition.id, { sort: "interest" })).some((x) => x.id === topic.id)).toBe(false);
    await approveTopic(t.db, organizer, topic.id);
    expect((await getTopic(t.db, bob, topic.id)).status).toBe("APPROVED");
  });

  it("merging a duplicate moves interest along, once per person", async () => {
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const [a, b, c, organizer] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db), await makeUser(t.db, "ORGANIZER")];
    const keep = await makeTopic(t.db, edition.id, a.id);
    const dup = await makeTopic(t.db, edition.id, b.id);
    await setInterest(t.db, a, keep.id, true);
    await setInterest(t.db, a, dup.id, true);
    await setInterest(t.db, b, dup.id, true);
    await setInterest(t.db, c, dup.id, true);
    expect((await expectDomainError(mergeTopic(t.db, a, dup.id, keep.id))).code).toBe("FORBIDDEN");
    await mergeTopic(t.db, organizer, dup.id, keep.id);
    const kept = await getTopic(t.db, a, keep.id);
    expect(kept.interests.map((i) => i.userId).sort()).toEqual([a.id, b.id, c.id].sort());
    const merged = await getTopic(t.db, a, dup.id);
    expect(merged.status).toBe("MERGED");
    expect(merged.mergedInto?.id).toBe(keep.id);
    expect(translate((await expectDomainError(setInterest(t.db, a, dup.id, true))).message, "en")).toMatch(/merged/);
  });
});
