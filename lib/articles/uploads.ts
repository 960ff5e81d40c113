// Images uploaded into articles: the type is checked by decoding the content
// (never by the name or the browser's claim), the size and the pixel count
// are capped, and the image is re-encoded, which drops its metadata (EXIF,
// GPS position, camera serial numbers, comments) after applying its rotation.
// Named by the hash of the stored bytes, so the same image uploaded twice is
// one file, and its URL can be cached forever. The bytes are kept in the
// database, which every instance shares (and which the backup holds); each
// instance keeps a copy under its data directory's uploads/ and serves that.
// sharp (libvips) does the decoding and encoding: maintained, fast, and its
// prebuilt binaries come from npm.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import { dataDir } from "../platform/config";
import type { Db } from "../platform/db";
import { invalid } from "../platform/errors";
import { msg } from "../platform/messages";
import { requireActor, type Actor } from "../people/rules";
import { UPLOAD_FILE } from "./rules";
import { log } from "../platform/log";

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** wider images are scaled down: an article column is never that wide, and pages stay light */
export const MAX_IMAGE_WIDTH = 2400;
const MAX_PIXELS = 50_000_000;

const FORMATS = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif", heif: "image/avif" } as const;
const EXTENSIONS: Record<keyof typeof FORMATS, string> = { png: "png", jpeg: "jpg", webp: "webp", gif: "gif", heif: "avif" };
export const MIME_OF_EXTENSION: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif", avif: "image/avif" };

export const uploadsDir = () => path.join(dataDir(), "uploads");

export type StoredUpload = { file: string; url: string; width: number; height: number; bytes: number; mime: string };

export async function storeUpload(db: Db, actor: Actor | null, content: Buffer): Promise<StoredUpload> {
  const me = requireActor(actor);
  if (content.length === 0) throw invalid(msg("articles.uploads.empty"), "file");
  if (content.length > MAX_UPLOAD_BYTES)
    throw invalid(msg("articles.uploads.tooBig", { size: content.length / 1024 / 1024, max: MAX_UPLOAD_BYTES / 1024 / 1024 }), "file");
  let format: keyof typeof FORMATS;
  let pages = 1;
  try {
    const meta = await sharp(content, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!meta.format || !(meta.format in FORMATS)) throw new Error("format");
    if (meta.format === "heif" && meta.compression !== "av1") throw new Error("format");
    format = meta.format as keyof typeof FORMATS;
    pages = meta.pages ?? 1;
  } catch {
    throw invalid(msg("articles.uploads.notAnImage"), "file");
  }
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(content, { limitInputPixels: MAX_PIXELS, animated: format === "gif" && pages > 1 })
      .rotate() // the EXIF orientation, applied before the metadata goes
      .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true })
      .toFormat(format === "heif" ? "avif" : format)
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw invalid(msg("articles.uploads.unreadable"), "file");
  }
  const file = `${createHash("sha256").update(output.data).digest("hex").slice(0, 32)}.${EXTENSIONS[format]}`;
  const height = output.info.pageHeight ?? output.info.height;
  const row = { mime: FORMATS[format], bytes: output.data.length, width: output.info.width, height };
  // the same bytes under the same name: a second upload only fills in what an older row lacks
  const bytes = new Uint8Array(output.data);
  await db.upload.upsert({ where: { file }, create: { file, uploadedById: me.id, ...row, content: bytes }, update: { content: bytes } });
  await keepCopy(file, output.data);
  return { file, url: `/uploads/${file}`, ...row };
}

/** This instance's copy of an upload: written beside, then renamed, so a reader never sees half a file. */
async function keepCopy(file: string, content: Uint8Array) {
  const target = path.join(uploadsDir(), file);
  await fs.mkdir(uploadsDir(), { recursive: true });
  const partial = `${target}.${process.pid}.${randomUUID()}.part`;
  await fs.writeFile(partial, content);
  await fs.rename(partial, target);
}

/** The stored bytes of an upload, or null: this instance's copy, else the database's (then copied here). */
export async function readUpload(db: Db, file: string): Promise<Buffer | null> {
  if (!UPLOAD_FILE.test(file)) return null;
  const copy = await fs.readFile(path.join(uploadsDir(), file)).catch(() => null);
  if (copy) return copy;
  const row = await db.upload.findUnique({ where: { file }, select: { content: true } });
  if (!row?.content) return null;
  const content = Buffer.from(row.content);
  await keepCopy(file, content).catch((error: Error) => log().error({ err: error }, `could not keep a copy of upload ${file}`));
  return content;
}

/**
 * Copies into the database the uploads whose bytes only this instance's data
 * directory has (stored before the database kept them), so that every
 * instance serves them. Returns how many it copied.
 */
export async function shareLocalUploads(db: Db): Promise<number> {
  const missing = await db.upload.findMany({ where: { content: null }, select: { file: true } });
  let shared = 0;
  for (const { file } of missing) {
    const content = await fs.readFile(path.join(uploadsDir(), file)).catch(() => null);
    if (!content) continue; // another instance has it
    await db.upload.updateMany({ where: { file, content: null }, data: { content: new Uint8Array(content) } });
    shared++;
  }
  return shared;
}
