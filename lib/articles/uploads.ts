// Images uploaded into articles: the type is checked by decoding the content
// (never by the name or the browser's claim), the size and the pixel count
// are capped, and the image is re-encoded, which drops its metadata (EXIF,
// GPS position, camera serial numbers, comments) after applying its rotation.
// Stored under data/uploads/ by the hash of the stored bytes, so the same
// image uploaded twice is one file, and its URL can be cached forever.
// sharp (libvips) does the decoding and encoding: maintained, fast, and its
// prebuilt binaries come from npm.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import { dataDir } from "../platform/config";
import type { Db } from "../platform/db";
import { invalid } from "../platform/errors";
import { requireActor, type Actor } from "../people/rules";
import { UPLOAD_FILE } from "./rules";

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
  if (content.length === 0) throw invalid("That file is empty.", "file");
  if (content.length > MAX_UPLOAD_BYTES)
    throw invalid(`That image is ${(content.length / 1024 / 1024).toFixed(1)} MB: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, "file");
  let format: keyof typeof FORMATS;
  let pages = 1;
  try {
    const meta = await sharp(content, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!meta.format || !(meta.format in FORMATS)) throw new Error("format");
    if (meta.format === "heif" && meta.compression !== "av1") throw new Error("format");
    format = meta.format as keyof typeof FORMATS;
    pages = meta.pages ?? 1;
  } catch {
    throw invalid("That file isn't an image we take: PNG, JPEG, WebP, GIF or AVIF.", "file");
  }
  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(content, { limitInputPixels: MAX_PIXELS, animated: format === "gif" && pages > 1 })
      .rotate() // the EXIF orientation, applied before the metadata goes
      .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true })
      .toFormat(format === "heif" ? "avif" : format)
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw invalid("That image couldn't be read: it may be damaged, or too large (50 megapixels at most).", "file");
  }
  const file = `${createHash("sha256").update(output.data).digest("hex").slice(0, 32)}.${EXTENSIONS[format]}`;
  const target = path.join(uploadsDir(), file);
  await fs.mkdir(uploadsDir(), { recursive: true });
  // write beside it, then rename: a reader never sees half a file
  const partial = `${target}.${process.pid}.${randomUUID()}.part`;
  await fs.writeFile(partial, output.data);
  await fs.rename(partial, target);
  const height = output.info.pageHeight ?? output.info.height;
  const row = { mime: FORMATS[format], bytes: output.data.length, width: output.info.width, height };
  await db.upload.upsert({ where: { file }, create: { file, uploadedById: me.id, ...row }, update: {} });
  return { file, url: `/uploads/${file}`, ...row };
}

/** The stored bytes of an upload, or null. */
export async function readUpload(file: string): Promise<Buffer | null> {
  if (!UPLOAD_FILE.test(file)) return null;
  return fs.readFile(path.join(uploadsDir(), file)).catch(() => null);
}
