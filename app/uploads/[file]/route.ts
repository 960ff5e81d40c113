// GET /uploads/<hash>.<format> — an uploaded image. Its name is its content's
// hash, so it never changes: cached for a year, immutable. Served with its
// exact type, no sniffing, and a policy that lets it run nothing.
import { UPLOAD_FILE } from "@/lib/articles/rules";
import { readUpload, MIME_OF_EXTENSION } from "@/lib/articles/uploads";
import { getDb } from "@/app/_lib/db";

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const etag = `"${file.split(".")[0]}"`;
  if (!UPLOAD_FILE.test(file)) return new Response("Not found", { status: 404 });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
  const content = await readUpload(getDb(), file);
  if (!content) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(content), {
    headers: {
      "Content-Type": MIME_OF_EXTENSION[file.split(".")[1]],
      "Content-Length": String(content.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
