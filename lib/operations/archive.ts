// Writing and reading a Hexathon archive (docs/ops/archive-format.md) with
// node-tar, the tar implementation npm itself uses: entries are staged in a
// directory, checksummed into the manifest, and packed gzipped with the
// manifest first. Reading unpacks into a directory and checks everything
// (the format version, the manifest's shape, each entry's size and
// SHA-256, no entry it doesn't list) before anyone writes a row.
import { createHash } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { finished } from "node:stream/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import * as tar from "tar";
import { archiveVersionProblem } from "./rules";
import { ENTRY_NAME, MANIFEST_FILE, manifestSchema, type FieldType, type Manifest } from "./schemas";

/** A problem with an archive or a target, said in a sentence for the operator: nothing was written. */
export class ArchiveProblem extends Error {}

export const stagingDir = (purpose: string) => mkdtempSync(path.join(os.tmpdir(), `hexathon-${purpose}-`));

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Every file under `dir`, as archive entry names ("tables/User.jsonl"). */
function entriesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? entriesUnder(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)],
  );
}

/**
 * Packs the staged entries of `dir` with a manifest (`files` filled in here) into `file`: written
 * beside it first and renamed at the end, so an interrupted backup never leaves a file by that name.
 */
export async function packArchive(dir: string, manifest: Omit<Manifest, "files">, file: string): Promise<Manifest> {
  const entries = entriesUnder(dir)
    .filter((e) => e !== MANIFEST_FILE)
    .sort();
  const files: Manifest["files"] = {};
  for (const entry of entries) files[entry] = { bytes: statSync(path.join(dir, entry)).size, sha256: await sha256Of(path.join(dir, entry)) };
  const complete = manifestSchema.parse({ ...manifest, files });
  writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(complete, null, 2) + "\n");
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  await tar.c({ gzip: true, file: partial, cwd: dir, portable: true, noDirRecurse: true }, [MANIFEST_FILE, ...entries]);
  renameSync(partial, target);
  return complete;
}

/**
 * Unpacks `file` into a new directory and checks it whole. Throws ArchiveProblem with the reason
 * (not an archive, truncated, damaged, newer, an entry it doesn't list) and leaves nothing behind then.
 */
export async function unpackArchive(file: string): Promise<{ dir: string; manifest: Manifest }> {
  if (!existsSync(file)) throw new ArchiveProblem(`There is no file ${file}.`);
  const dir = stagingDir("unpack");
  try {
    const unexpected: string[] = [];
    try {
      await tar.x({
        file,
        cwd: dir,
        strict: true,
        // only regular files with the names an archive has: no links, no devices, no paths elsewhere
        filter: (name, entry) => {
          const ok = ENTRY_NAME.test(name) && (!("type" in entry) || entry.type === "File");
          if (!ok && !name.endsWith("/")) unexpected.push(name);
          return ok;
        },
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      const message = (error as Error).message;
      if (/Z_BUF_ERROR|Z_DATA_ERROR|unexpected end|TAR_BAD_ARCHIVE|TAR_ABORT|TAR_ENTRY_INVALID/i.test(`${code} ${message}`))
        throw new ArchiveProblem(
          `${path.basename(file)} is cut short or damaged (${message}): it can't be read whole. Take the backup again, or use an earlier one.`,
        );
      throw new ArchiveProblem(`${path.basename(file)} isn't a Hexathon archive (${message}).`);
    }
    if (unexpected.length)
      throw new ArchiveProblem(`${path.basename(file)} holds entries a Hexathon archive doesn't have (${unexpected.slice(0, 3).join(", ")}).`);
    const manifestPath = path.join(dir, MANIFEST_FILE);
    if (!existsSync(manifestPath))
      throw new ArchiveProblem(`${path.basename(file)} has no manifest (${MANIFEST_FILE}): it isn't a Hexathon archive, or it is cut short.`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(manifestPath, "utf8"));
    } catch {
      throw new ArchiveProblem(`${path.basename(file)}'s manifest isn't valid JSON: the archive is damaged.`);
    }
    const versionProblem = archiveVersionProblem((raw as { version?: unknown })?.version);
    if (versionProblem) throw new ArchiveProblem(`${path.basename(file)} can't be read. ${versionProblem}`);
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ArchiveProblem(`${path.basename(file)}'s manifest is damaged (${issue.path.join(".") || "its shape"}: ${issue.message}).`);
    }
    const manifest = parsed.data;
    const present = new Set(entriesUnder(dir).filter((e) => e !== MANIFEST_FILE));
    for (const [entry, { bytes, sha256 }] of Object.entries(manifest.files)) {
      if (!present.delete(entry)) throw new ArchiveProblem(`${path.basename(file)} lacks ${entry}, which its manifest lists: it is cut short or damaged.`);
      const full = path.join(dir, entry);
      if (statSync(full).size !== bytes || (await sha256Of(full)) !== sha256)
        throw new ArchiveProblem(`${path.basename(file)} is damaged: ${entry} isn't what its manifest says (size or SHA-256 differ).`);
    }
    if (present.size) throw new ArchiveProblem(`${path.basename(file)} holds ${[...present][0]}, which its manifest doesn't list.`);
    if (manifest.content === "sqlite-file" && !manifest.files["database.sqlite"])
      throw new ArchiveProblem(`${path.basename(file)} is a backup of SQLite without its database file.`);
    if (manifest.content === "tables")
      for (const table of Object.keys(manifest.tables))
        if (!manifest.files[`tables/${table}.jsonl`]) throw new ArchiveProblem(`${path.basename(file)} lacks the rows of ${table}.`);
    return { dir, manifest };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A row as JSON: dates as ISO strings, bytes as base64, big integers as strings; the rest as they are. */
export function encodeRow(row: Record<string, unknown>, fields: Record<string, FieldType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(fields)) {
    const value = row[name];
    if (value === null || value === undefined) out[name] = null;
    else if (type === "DateTime") out[name] = (value as Date).toISOString();
    else if (type === "Bytes") out[name] = Buffer.from(value as Uint8Array).toString("base64");
    else if (type === "BigInt" || type === "Decimal") out[name] = String(value);
    else out[name] = value;
  }
  return out;
}

/** The inverse of encodeRow, for the fields the target knows. */
export function decodeRow(row: Record<string, unknown>, fields: Record<string, FieldType>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(fields)) {
    if (!(name in row)) continue;
    const value = row[name];
    if (value === null) out[name] = null;
    else if (type === "DateTime") out[name] = new Date(value as string);
    else if (type === "Bytes") out[name] = Buffer.from(value as string, "base64");
    else if (type === "BigInt") out[name] = BigInt(value as string);
    else out[name] = value;
  }
  return out;
}

/** Writes JSON lines to `file`, waiting for the disk when it lags. */
export function jsonLinesWriter(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const stream = createWriteStream(file);
  return {
    write: async (value: unknown) => {
      if (!stream.write(JSON.stringify(value) + "\n")) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
    },
    close: async () => {
      stream.end();
      await finished(stream);
    },
  };
}

/** The JSON lines of `file`, `size` at a time. */
export async function* jsonLinesIn(file: string, size: number): AsyncGenerator<Record<string, unknown>[]> {
  let batch: Record<string, unknown>[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Record<string, unknown>);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
