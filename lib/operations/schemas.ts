// The archive Hexathon's backups and exports are written in (docs/ops/archive-format.md):
// a gzipped tar whose manifest lists every other entry with its size and SHA-256.
import { z } from "zod";

export const ARCHIVE_FORMAT = "hexathon-archive" as const;
/** The format this version writes and the newest it reads. */
export const ARCHIVE_VERSION = 1;
export const MANIFEST_FILE = "hexathon-archive.json";
export const SQLITE_FILE = "database.sqlite";

/** Every name an entry may have: the manifest, SQLite's file, a table's rows, an image kept outside the database. */
export const ENTRY_NAME = /^(hexathon-archive\.json|database\.sqlite|tables\/[A-Z][A-Za-z0-9]*\.jsonl|uploads\/[0-9a-f]{32}\.(png|jpg|webp|gif|avif))$/;

export const FIELD_TYPES = ["String", "Int", "Float", "Boolean", "DateTime", "Bytes", "BigInt", "Json", "Decimal"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  /** "backup" (npm run backup) or "export" (npm run data:export) */
  kind: z.enum(["backup", "export"]),
  createdAt: z.iso.datetime(),
  /** the version of Hexathon that wrote it */
  hexathon: z.string().max(40),
  /** the database it was taken from */
  database: z.enum(["sqlite", "postgresql"]),
  /** the migrations applied to it, in order: the schema its rows fit */
  migrations: z.array(z.string().max(200)).max(10_000),
  /** SQLite's own file (a backup of SQLite), or every table's rows as JSON lines */
  content: z.enum(["sqlite-file", "tables"]),
  /** for "tables": each table's row count and its fields' types */
  tables: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]*$/), z.object({ rows: z.number().int().min(0), fields: z.record(z.string(), z.enum(FIELD_TYPES)) })),
  /** every entry but the manifest, with its size and SHA-256 */
  files: z.record(z.string().regex(ENTRY_NAME), z.object({ bytes: z.number().int().min(0), sha256 })),
});

export type Manifest = z.infer<typeof manifestSchema>;
