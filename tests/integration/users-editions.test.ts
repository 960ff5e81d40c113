import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addAgendaItem, createEdition, setPhase } from "@/lib/editions/commands";
import { currentEdition, getEditionByNumber, listAgenda, listEditions } from "@/lib/editions/queries";
import { createFirstOrganizer, setRole, signUp, verifyCredentials } from "@/lib/people/commands";
import { needsSetup } from "@/lib/people/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
const approval = { origin: "http://hexathon.test", mode: "approval" } as const;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});
afterEach(() => {
  delete process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS;
});

const editionInput = {
  number: 10,
  title: "Hackathon 0x0A",
  timezone: "Europe/Paris",
  hackingStartsAt: "2031-01-16T09:00",
  presentationsStartAt: "2031-01-17T16:00",
  endsAt: "2031-01-17T20:00",
  maxTeamSize: 5,
};

// The order matters: the first test runs on the empty database.
describe("setup, sign-up and roles", () => {
  it("a fresh install asks for setup and refuses sign-up until the first organizer exists", async () => {
    expect(await needsSetup(t.db)).toBe(true);
    await expectDomainError(signUp(t.db, { name: "Eve", email: "eve@corp.test", password: "long enough pass" }, approval), undefined, /set up/);
  });

  it("the first person becomes organizer, once, even if two race", async () => {
    const results = await Promise.allSettled([
      createFirstOrganizer(t.db, { name: "Olga", email: "olga@corp.test", password: "correct horse battery" }),
      createFirstOrganizer(t.db, { name: "Mallory", email: "mallory@corp.test", password: "correct horse battery" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.user.count({ where: { role: "ORGANIZER" } })).toBe(1);
    expect(await needsSetup(t.db)).toBe(false);
    expect((await expectDomainError(createFirstOrganizer(t.db, { name: "Late", email: "late@corp.test", password: "correct horse battery" }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("signs up an employee with a hashed password and checks credentials", async () => {
    expect(await signUp(t.db, { name: "Alice", email: "alice@corp.test", password: "s3cret-enough" }, approval)).toEqual({ mode: "approval" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "alice@corp.test" } });
    expect(user.role).toBe("EMPLOYEE");
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyCredentials(t.db, "ALICE@corp.test", "s3cret-enough")).toMatchObject({ id: user.id });
    expect(await verifyCredentials(t.db, "alice@corp.test", "wrong")).toBeNull();
    expect(await verifyCredentials(t.db, "nobody@corp.test", "s3cret-enough")).toBeNull();
    // the same answer for an address that has an account: nobody learns who has one
    expect(await signUp(t.db, { name: "Alice 2", email: "alice@corp.test", password: "another-pass" }, approval)).toEqual({ mode: "approval" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Alice");
  });

  it("limits sign-up to the allowed email domains", async () => {
    process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = "corp.test, sub.corp.test";
    await expectDomainError(signUp(t.db, { name: "X", email: "x@gmail.test", password: "long enough" }, approval), undefined, /@corp.test/);
    await signUp(t.db, { name: "Y", email: "y@sub.corp.test", password: "long enough" }, approval);
  });

  it("only organizers change roles, and the last organizer can't step down", async () => {
    const organizer = await t.db.user.findFirstOrThrow({ where: { role: "ORGANIZER" } });
    const actor = { id: organizer.id, role: "ORGANIZER" as const };
    const bob = await makeUser(t.db);
    expect((await expectDomainError(setRole(t.db, bob, bob.id, "ORGANIZER"))).code).toBe("FORBIDDEN");
    await expectDomainError(setRole(t.db, actor, organizer.id, "EMPLOYEE"), undefined, /at least one organizer/);
    expect((await setRole(t.db, actor, bob.id, "JUDGE")).role).toBe("JUDGE");
  });
});

describe("editions", () => {
  it("organizers create an edition from wall-clock times in its timezone; others may not", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const employee = await makeUser(t.db);
    expect((await expectDomainError(createEdition(t.db, employee, editionInput))).code).toBe("FORBIDDEN");
    const edition = await createEdition(t.db, organizer, editionInput);
    expect(edition.phase).toBe("DRAFT");
    expect(edition.presentationsStartAt.toISOString()).toBe("2031-01-17T15:00:00.000Z");
    const dup = await expectDomainError(createEdition(t.db, organizer, editionInput), undefined, "Edition 0x0A already exists.");
    expect([dup.code, dup.field]).toEqual(["CONFLICT", "number"]);
  });

  it("a draft is hidden from employees until it opens; the live edition is the current one", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const employee = await makeUser(t.db);
    const edition = await getEditionByNumber(t.db, organizer, 10);
    expect((await expectDomainError(getEditionByNumber(t.db, employee, 10))).code).toBe("NOT_FOUND");
    expect((await listEditions(t.db, employee)).some((e) => e.number === 10)).toBe(false);
    await setPhase(t.db, organizer, edition.id, "PROPOSALS_OPEN");
    expect((await getEditionByNumber(t.db, employee, 10)).phase).toBe("PROPOSALS_OPEN");
    expect((await currentEdition(t.db, employee))?.number).toBe(10);
    expect((await expectDomainError(setPhase(t.db, employee, edition.id, "HACKING"))).code).toBe("FORBIDDEN");
  });

  it("the agenda is kept in order, times read in the edition's zone", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await getEditionByNumber(t.db, organizer, 10);
    await addAgendaItem(t.db, organizer, edition.id, { title: "Pizzas", startsAt: "2031-01-16T19:00", location: "Cafeteria", description: "" });
    await addAgendaItem(t.db, organizer, edition.id, {
      title: "Breakfast",
      startsAt: "2031-01-16T08:30",
      endsAt: "2031-01-16T09:30",
      location: "",
      description: "",
    });
    const agenda = await listAgenda(t.db, edition.id);
    expect(agenda.map((i) => i.title)).toEqual(["Breakfast", "Pizzas"]);
    expect(agenda[1].startsAt.toISOString()).toBe("2031-01-16T18:00:00.000Z");
    const employee = await makeUser(t.db);
    expect(
      (await expectDomainError(addAgendaItem(t.db, employee, edition.id, { title: "Party", startsAt: "2031-01-16T22:00", location: "", description: "" })))
        .code,
    ).toBe("FORBIDDEN");
  });
});
