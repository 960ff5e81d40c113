// Pure decisions of backups, restores and moves between databases.
import { ARCHIVE_VERSION } from "./schemas";

export type Reference = { from: string; to: string; column: string };

/**
 * The order to fill tables in so that every row's references exist when it
 * is written: a table after those it refers to. A table's references to
 * itself (a topic merged into another) are left to the caller. Throws on a
 * cycle between tables, which the data model doesn't have.
 */
export function insertionOrder(tables: string[], references: Reference[]): string[] {
  const pending = new Map(tables.map((t) => [t, new Set(references.filter((r) => r.from === t && r.to !== t && tables.includes(r.to)).map((r) => r.to))]));
  const order: string[] = [];
  while (pending.size) {
    const ready = [...pending].filter(([, needs]) => [...needs].every((n) => !pending.has(n))).map(([t]) => t);
    if (!ready.length) throw new Error(`The tables ${[...pending.keys()].join(", ")} refer to each other in a cycle.`);
    for (const t of ready.sort()) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

/** Why this version can't read an archive of `version`, or null when it can. */
export function archiveVersionProblem(version: unknown): string | null {
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return "It has no format version: it isn't a Hexathon archive, or it is damaged.";
  if (version > ARCHIVE_VERSION)
    return `It was written by a newer Hexathon (archive format ${version}; this one reads up to ${ARCHIVE_VERSION}). Upgrade Hexathon, then try again.`;
  return null;
}

export type RestorePlan = { ok: true; migrateFirst: string[] } | { ok: false; problem: string };

/**
 * How to bring the target's schema to the archive's before its rows go in:
 * the archive's migrations must all be this build's (else it is newer), and
 * the target must have none yet (then the archive's are applied first, the
 * rest after the rows) or exactly the archive's.
 */
export function restorePlan(archive: string[], build: string[], target: string[]): RestorePlan {
  const unknown = archive.filter((name) => !build.includes(name));
  if (unknown.length)
    return {
      ok: false,
      problem: `It was written by a newer Hexathon: its database has migrations this version doesn't know (${unknown.slice(0, 3).join(", ")}). Upgrade Hexathon, then try again.`,
    };
  const prefix = build.slice(0, archive.length);
  if (prefix.join() !== archive.join())
    return { ok: false, problem: "Its migrations aren't this version's in the same order: it wasn't written by a release of this Hexathon." };
  if (target.length === 0) return { ok: true, migrateFirst: archive };
  if (target.join() === archive.join()) return { ok: true, migrateFirst: [] };
  return {
    ok: false,
    problem: `The target database's tables were made by another version of Hexathon (${target.length} migrations; the archive has ${archive.length}). Restore into a new, empty database.`,
  };
}
