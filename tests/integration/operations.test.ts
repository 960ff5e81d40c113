// Backups, restores and the move between databases, on the demo data: what
// goes out comes back whole (every row, id, password hash, ballot, replay,
// article and image), a backup taken while ballots pour in is of one moment,
// and a bad archive or a target that isn't empty is refused before anything
// is written; a restore killed halfway leaves the target empty.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTournament } from "@/lib/arena/commands";
import { listArticles } from "@/lib/articles/queries";
import { searchArticles } from "@/lib/articles/search";
import { seedDemo } from "@/lib/demo/seed";
import { ArchiveProblem, backup, dataExport, dataImport, restore } from "@/lib/operations/commands";
import { appliedMigrations, nonEmptyTables } from "@/lib/operations/queries";
import { verifyCredentials } from "@/lib/people/commands";
import { createDb, type Db } from "@/lib/platform/db";
import { castBallot, openVote } from "@/lib/votes/commands";
import { computeResults } from "@/lib/votes/queries";
import { voterKeyFor } from "@/lib/votes/rules";
import { newVoterId } from "@/lib/votes/voter-id";
import { createThrowawayDatabase } from "../helpers/throwaway-pg.mjs";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-operations-"));
const other = (kind: "sqlite" | "postgresql") => (kind === "sqlite" ? "postgresql" : "sqlite");
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { now: new Date() });
  // a tournament played: its matches' replays are among what must come back
  const organizer = await t.db.user.findUniqueOrThrow({ where: { email: "organizer@demo.test" } });
  const tournament = await t.db.challenge.findFirstOrThrow({ where: { kind: "TOURNAMENT", game: "rps" } });
  await startTournament(t.db, { id: organizer.id, role: "ORGANIZER" }, tournament.id, { seed: 1 });
  await vi.waitFor(async () => expect((await t.db.tournament.findUniqueOrThrow({ where: { challengeId: tournament.id } })).status).toBe("DONE"), {
    timeout: 60_000,
    interval: 100,
  });
}, 90_000);
afterAll(async () => {
  for (const drop of drops) await drop().catch(() => {});
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A new database of `kind` with no tables at all, dropped after the file. */
async function emptyDatabase(kind: "sqlite" | "postgresql"): Promise<string> {
  if (kind === "sqlite") return `file:${path.join(mkdtempSync(path.join(dir, "db-")), "hexathon.db")}`;
  const database = await createThrowawayDatabase("hexathon_test");
  drops.push(database.drop);
  return database.url;
}

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Every table's rows as an export writes them: what "the same data" means here. */
async function tablesOf(url: string, name: string): Promise<Record<string, string>> {
  const file = path.join(dir, `${name}.tar.gz`);
  await dataExport(url, file, "test");
  const out = path.join(dir, name);
  rmSync(out, { recursive: true, force: true });
  (await import("node:fs")).mkdirSync(out);
  await tar.x({ file, cwd: out });
  return Object.fromEntries(readdirSync(path.join(out, "tables")).map((f) => [f, readFileSync(path.join(out, "tables", f), "utf8")]));
}

const archive = (name: string) => path.join(dir, name);

describe("moving between SQLite and PostgreSQL", () => {
  it("keeps every row, id, password hash, ballot, replay, article and image, and the pages read the same", async () => {
    const before = await tablesOf(t.url, "source");
    expect(Object.keys(before)).toHaveLength(52);
    for (const table of ["User", "Ballot", "BallotPick", "TournamentMatch", "PublishedArticle", "Upload"])
      expect(before[`${table}.jsonl`].length, table).toBeGreaterThan(10);

    const there = await emptyDatabase(other(t.kind));
    await dataExport(t.url, archive("out.tar.gz"), "test");
    const imported = await dataImport(there, archive("out.tar.gz"));
    expect(imported.database).toBe(t.kind);
    await dataExport(there, archive("there.tar.gz"), "test");
    const back = await emptyDatabase(t.kind);
    await dataImport(back, archive("there.tar.gz"));

    // the same rows, byte for byte, in the other database and back
    expect(await tablesOf(there, "there")).toEqual(before);
    expect(await tablesOf(back, "back")).toEqual(before);

    // and what the pages read from them
    for (const url of [there, back])
      await withDb(url, async (db) => {
        expect(await listArticles(db, {})).toEqual(await listArticles(t.db, {}));
        expect(await searchArticles(db, "latency", { limit: 10, offset: 0 })).toMatchObject({
          total: (await searchArticles(t.db, "latency", { limit: 10, offset: 0 })).total,
        });
        const edition = await t.db.edition.findFirstOrThrow({ where: { number: 8 } });
        expect(await computeResults(db, edition.id)).toEqual(await computeResults(t.db, edition.id));
        // the password hashes came along: the demo's password still signs in
        expect((await verifyCredentials(db, "alice@demo.test", "hexathon"))?.email).toBe("alice@demo.test");
        const image = await t.db.upload.findFirstOrThrow({ where: { content: { not: null } } });
        expect(Buffer.from((await db.upload.findUniqueOrThrow({ where: { file: image.file } })).content!)).toEqual(Buffer.from(image.content!));
      });
  }, 120_000);
});

describe("a backup of a serving install", () => {
  it("is of one moment while 200 ballots are being cast, and restores whole", async () => {
    const edition = await t.db.edition.findFirstOrThrow({ where: { number: 9 } });
    await t.db.edition.update({ where: { id: edition.id }, data: { phase: "PRESENTATIONS" } });
    const organizer = await t.db.user.findFirstOrThrow({ where: { role: "ORGANIZER" } });
    await openVote(t.db, { id: organizer.id, role: "ORGANIZER" }, edition.id);
    const teams = await t.db.team.findMany({ where: { editionId: edition.id }, select: { id: true } });
    const picks = (i: number) => [teams[i % teams.length].id, teams[(i + 1) % teams.length].id];
    expect(await t.db.ballot.count({ where: { editionId: edition.id } })).toBe(0);

    let cast = 0;
    let backedUpAt = -1;
    const voting = (async () => {
      for (let i = 0; i < 200; i++) {
        await castBallot(t.db, edition.id, voterKeyFor({ requireSignIn: false }, newVoterId(), null), picks(i));
        cast++;
      }
    })();
    // the backup starts once the ballots are pouring in, and they go on while it runs
    while (cast < 40) await new Promise((resolve) => setTimeout(resolve, 5));
    backedUpAt = cast;
    await backup(t.url, archive("live.tar.gz"), "test");
    const castDuringBackup = cast - backedUpAt;
    await voting;
    expect(cast).toBe(200);

    const restored = await emptyDatabase(t.kind);
    await restore(restored, archive("live.tar.gz"));
    const now = await tablesOf(t.url, "now");
    const then = await tablesOf(restored, "then");
    // every table the ballots don't touch is equal to the source's, images included
    const moving = new Set(["Ballot.jsonl", "BallotPick.jsonl"]);
    for (const table of Object.keys(now).filter((n) => !moving.has(n))) expect(then[table], table).toEqual(now[table]);
    // the ballots are those of one moment: each as it is in the source, each whole (its picks with it)
    const lines = (text: string) => text.split("\n").filter(Boolean);
    const ballotsNow = new Set(lines(now["Ballot.jsonl"]));
    const picksNow = new Set(lines(now["BallotPick.jsonl"]));
    for (const ballot of lines(then["Ballot.jsonl"])) expect(ballotsNow.has(ballot)).toBe(true);
    for (const pick of lines(then["BallotPick.jsonl"])) expect(picksNow.has(pick)).toBe(true);
    const idsThen = lines(then["Ballot.jsonl"]).map((b) => (JSON.parse(b) as { id: string }).id);
    const pickedThen = lines(then["BallotPick.jsonl"]).map((p) => (JSON.parse(p) as { ballotId: string }).ballotId);
    expect(new Set(pickedThen)).toEqual(new Set(idsThen));
    const ours = lines(then["Ballot.jsonl"]).filter((b) => (JSON.parse(b) as { editionId: string }).editionId === edition.id).length;
    // as many as were cast when it began, or a few more cast while it ran: never a part of one
    expect(ours).toBeGreaterThanOrEqual(backedUpAt);
    expect(ours).toBeLessThanOrEqual(backedUpAt + castDuringBackup);
  }, 120_000);
});

describe("what is refused, before anything is written", () => {
  const refuses = async (run: Promise<unknown>, message: RegExp) => {
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ArchiveProblem);
    expect((error as Error).message).toMatch(message);
  };
  const untouched = async (url: string) => {
    if (url.startsWith("file:")) expect(existsSync(url.slice(5))).toBe(false);
    else await withDb(url, async (db) => expect(await appliedMigrations(db)).toEqual([]));
  };

  it("a truncated, corrupt or foreign file, and one from a newer Hexathon", async () => {
    await dataExport(t.url, archive("good.tar.gz"), "test");
    const bytes = readFileSync(archive("good.tar.gz"));
    writeFileSync(archive("truncated.tar.gz"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const corrupt = Buffer.from(bytes);
    for (let i = 200; i < 260; i++) corrupt[Math.floor(corrupt.length / 2) + i] ^= 0xff;
    writeFileSync(archive("corrupt.tar.gz"), corrupt);
    writeFileSync(archive("notes.tar.gz"), "these are my notes, not an archive\n");

    // a newer format: the same archive with its manifest's version raised
    const newer = path.join(dir, "newer");
    rmSync(newer, { recursive: true, force: true });
    mkdirSync(newer);
    await tar.x({ file: archive("good.tar.gz"), cwd: newer });
    const manifest = JSON.parse(readFileSync(path.join(newer, "hexathon-archive.json"), "utf8")) as { version: number };
    writeFileSync(path.join(newer, "hexathon-archive.json"), JSON.stringify({ ...manifest, version: 2 }));
    await tar.c({ gzip: true, file: archive("newer.tar.gz"), cwd: newer }, readdirSync(newer));
    // an entry changed after the manifest was written
    const tampered = path.join(dir, "tampered");
    rmSync(tampered, { recursive: true, force: true });
    mkdirSync(tampered);
    await tar.x({ file: archive("good.tar.gz"), cwd: tampered });
    writeFileSync(
      path.join(tampered, "tables", "User.jsonl"),
      readFileSync(path.join(tampered, "tables", "User.jsonl"), "utf8").replace("alice@demo.test", "mallory@demo.test"),
    );
    await tar.c({ gzip: true, file: archive("tampered.tar.gz"), cwd: tampered }, readdirSync(tampered));

    for (const kind of ["sqlite", "postgresql"] as const) {
      const target = await emptyDatabase(kind);
      await refuses(dataImport(target, archive("truncated.tar.gz")), /cut short or damaged/);
      await refuses(dataImport(target, archive("corrupt.tar.gz")), /cut short or damaged|damaged/);
      await refuses(dataImport(target, archive("notes.tar.gz")), /isn't a Hexathon archive|cut short or damaged/);
      await refuses(dataImport(target, archive("newer.tar.gz")), /newer Hexathon \(archive format 2; this one reads up to 1\)\. Upgrade Hexathon/);
      await refuses(dataImport(target, archive("tampered.tar.gz")), /tables\/User\.jsonl isn't what its manifest says/);
      await refuses(restore(target, archive("missing.tar.gz")), /There is no file/);
      await untouched(target);
    }
  }, 60_000);

  it("a target that isn't empty, whatever its kind", async () => {
    await dataExport(t.url, archive("good.tar.gz"), "test");
    const before = await nonEmptyTables(t.db);
    await refuses(dataImport(t.url, archive("good.tar.gz")), /The target database isn't empty \(User: \d+ rows/);
    await refuses(restore(t.url, archive("good.tar.gz")), /isn't empty/);
    expect(await nonEmptyTables(t.db)).toEqual(before);
  });

  // on PostgreSQL, where the rows go in over a network connection that can die mid-way; an SQLite
  // target gets its file renamed into place (or its rows in one transaction of the same file)
  it.runIf(process.env.HEXATHON_TEST_DB === "postgresql")(
    "a restore killed halfway leaves the target empty, never half-filled",
    async () => {
      // a bigger archive, so that the rows take a while to go in
      const big = await emptyDatabase("postgresql");
      await dataImport(big, archive("good.tar.gz"));
      await withDb(big, async (db) => {
        await db.signInFailure.createMany({ data: Array.from({ length: 10_000 }, (_, i) => ({ email: `guess${i}@demo.test`, clientHash: `h${i % 50}` })) });
      });
      await dataExport(big, archive("big.tar.gz"), "test");

      const target = await emptyDatabase("postgresql");
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/operations.ts", "restore", archive("big.tar.gz")], {
        env: { ...process.env, DATABASE_URL: target },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // killed once its rows are going in: its transaction has written some
      const admin = new pg.Client({ connectionString: target });
      await admin.connect();
      try {
        let inserting = false;
        for (let waited = 0; waited < 60_000 && !inserting; waited += 10) {
          const { rows } = await admin.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'INSERT INTO%SignInFailure%'`,
          );
          inserting = rows.length > 0;
          if (!inserting) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(inserting).toBe(true);
        child.kill("SIGKILL");
        await exited;
        // the server notices the connection is gone and rolls its transaction back
        for (let waited = 0; waited < 10_000; waited += 50) {
          const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
          if (!rows.length) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await admin.end();
      }
      await withDb(target, async (db) => expect(await nonEmptyTables(db)).toEqual([]));
      // the command says what is wrong in a sentence, and exits 1
      const refused = spawnSync(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/operations.ts", "data:import", archive("newer.tar.gz")],
        {
          env: { ...process.env, DATABASE_URL: target },
          encoding: "utf8",
        },
      );
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^Hexathon: newer\.tar\.gz can't be read\. It was written by a newer Hexathon/);
      // and it can be restored into afterwards
      await restore(target, archive("big.tar.gz"));
      await withDb(target, async (db) => expect(await db.signInFailure.count()).toBeGreaterThanOrEqual(10_000));
    },
    120_000,
  );
});
