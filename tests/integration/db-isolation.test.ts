// A write outside a transaction must never be swallowed by someone else's
// transaction rolling back (SQLite keeps one connection: see lib/platform/sqlite-serial.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeUser } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("transactions and the queries around them", () => {
  it("keeps a write made while another request's transaction rolls back", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const user = await makeUser(t.db);
    let inside!: () => void;
    const transactionStarted = new Promise<void>((resolve) => (inside = resolve));
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.edition.update({ where: { id: edition.id }, data: { title: "Doomed title" } });
        inside();
        await new Promise((r) => setTimeout(r, 200));
        throw new Error("refused");
      })
      .catch((e: Error) => e.message);
    await transactionStarted;
    // meanwhile, another request writes outside any transaction
    const outside = t.db.user.update({ where: { id: user.id }, data: { name: "Renamed meanwhile" } });
    expect(await failing).toBe("refused");
    await outside;
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Renamed meanwhile");
    expect((await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })).title).toBe("Test edition");
  });

  it("never shows another transaction's uncommitted rows", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    let inside!: () => void;
    const transactionStarted = new Promise<void>((resolve) => (inside = resolve));
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.edition.update({ where: { id: edition.id }, data: { title: "Uncommitted" } });
        inside();
        await new Promise((r) => setTimeout(r, 100));
        throw new Error("refused");
      })
      .catch(() => null);
    await transactionStarted;
    expect((await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })).title).toBe("Test edition");
    await failing;
  });
});
