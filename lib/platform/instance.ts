// What a server instance checks before it answers anyone. Several instances
// share one PostgreSQL database and must sign sessions with one key; an
// SQLite file is the embedded, single-server mode, so a second server on the
// same file is refused rather than left to corrupt its neighbour's live state
// (the live bus, the cache, the tournament it plays are per process there).
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, databaseUrl, sqliteFile } from "./config";
import { environmentProblem } from "./environment";

/** Why this instance must not start with this environment, in a sentence for the operator; null when it may. */
export function deploymentProblem(env: Record<string, string | undefined> = process.env): string | null {
  const problem = environmentProblem(env);
  if (problem) return problem;
  const url = env.DATABASE_URL?.trim();
  if (url && databaseKind(url) === "postgresql" && !env.NEXTAUTH_SECRET?.trim()) {
    return (
      "NEXTAUTH_SECRET is not set. On PostgreSQL, Hexathon may run as several instances, and each would " +
      "otherwise sign sessions with its own key, signing out everyone whose next request lands on another " +
      "instance. Set the same NEXTAUTH_SECRET (e.g. `openssl rand -base64 32`) on every instance."
    );
  }
  return null;
}

export type SqliteClaim = { release: () => void };

/**
 * Claims the SQLite database file for this process: an exclusive lock on a
 * small file beside it, held for the process's life. The operating system
 * releases it when the process ends, however it ends, so a crash leaves
 * nothing stale behind. Throws, with the reason, when another process holds it.
 */
export function claimSqliteFile(file: string): SqliteClaim {
  const lockFile = `${file}-server.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  const lock = new Database(lockFile, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // the first write takes the exclusive lock; in that mode it is kept until the connection closes
    lock.exec(`CREATE TABLE IF NOT EXISTS "server" ("pid" INTEGER); DELETE FROM "server"; INSERT INTO "server" VALUES (${process.pid})`);
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    throw new Error(
      `Another Hexathon server is already running on ${file}. An SQLite database serves one instance ` +
        "(it is the embedded mode); stop the other one, or run several instances on PostgreSQL (docs/deploy/).",
    );
  }
  return { release: () => lock.close() };
}

const CLAIM = Symbol.for("hexathon.sqliteClaim");

/** Claims the configured SQLite file once per process (start-up may run twice in development); nothing on PostgreSQL. */
export function claimDatabase(url = databaseUrl()): void {
  if (databaseKind(url) !== "sqlite") return;
  const holder = globalThis as { [CLAIM]?: SqliteClaim };
  holder[CLAIM] ??= claimSqliteFile(sqliteFile(url));
}

/** This process among the instances sharing the database: the owner of the leases it holds (tournaments, outbox messages). */
export const INSTANCE = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
