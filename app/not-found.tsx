// What no page, in no language, answers (pages are all under app/[locale]/,
// where proxy.ts sends every address): the same words as the 404 page there.
import Link from "@/components/link";
import en from "@/messages/en.json";
import "./globals.css";

export default function NotFound() {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-lg px-4 py-12 text-center">
          <h1 className="text-2xl font-bold">{en.notFound.title}</h1>
          <p className="mt-2 text-slate-700">{en.notFound.body}</p>
          <p className="mt-6">
            <Link href="/" className="font-semibold text-indigo-800 underline">
              {en.notFound.home}
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
