// POST /api/uploads — multipart/form-data with one image in "file": checked by its content, re-encoded without metadata, stored; answers { file, url, width, height, bytes, mime }
import { NextResponse } from "next/server";
import { jsonError, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { MAX_UPLOAD_BYTES, storeUpload } from "@/lib/articles/uploads";

export const POST = withUser(async (request, { user }) => {
  // the size is judged before the body is read: a body of unknown length (chunked) isn't read at all
  const length = request.headers.get("content-length");
  if (length === null) return jsonError(411, "LENGTH_REQUIRED", "Send the image with its size (a Content-Length header), as browsers do.");
  const declared = Number(length);
  if (!(declared <= MAX_UPLOAD_BYTES + 64 * 1024)) return jsonError(413, "TOO_LARGE", `That image is too large: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return jsonError(400, "BAD_REQUEST", "Send the image as multipart/form-data, in a field named file.");
  }
  if (!file || typeof file === "string") return jsonError(400, "BAD_REQUEST", "Send the image in a field named file.");
  const stored = await storeUpload(getDb(), user, Buffer.from(await file.arrayBuffer()));
  return NextResponse.json(stored, { status: 201 });
});
