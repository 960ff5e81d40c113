import Link from "@/components/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/app/_lib/session";
import { PhaseBadge } from "@/components/labels";
import { ButtonLink, Card } from "@/components/ui";
import { ArticleGrid } from "@/components/articles/article-card";
import { cachedLatest } from "@/app/_lib/public-data";
import { getDb } from "@/app/_lib/db";
import { PHASE_DESCRIPTIONS, PHASE_LABELS, formatEditionNumber, type Phase } from "@/lib/editions/rules";
import { currentAndActiveEditions } from "@/lib/editions/queries";
import { needsSetup } from "@/lib/people/queries";
import { formatInZone } from "@/lib/platform/time";

export default async function HomePage() {
  await connection(); // per visitor, from the database as it is now (never at build time)
  const db = getDb();
  if (await needsSetup(db)) redirect("/setup");
  const user = await getCurrentUser();
  // the current edition first (the live one: lib/editions/rules.ts), then every other active one, each reachable
  const [{ current: edition, otherActive }, latest] = await Promise.all([currentAndActiveEditions(db, user), cachedLatest(6)]);
  return (
    <div className="space-y-8">
      <section className="py-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Our hackathon, from the first idea to the prizes.</h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700">
          Propose a topic, show interest, form a team, hack from Thursday morning to Friday 16:00, present in five minutes flat, and let the room vote.
        </p>
        {!user && (
          <div className="mt-5 flex flex-wrap gap-3">
            <ButtonLink href="/signin">Sign in</ButtonLink>
            <ButtonLink href="/signup" variant="secondary">
              Create an account
            </ButtonLink>
          </div>
        )}
      </section>
      {edition ? (
        <Card aria-labelledby="current-edition">
          <p className="font-mono text-sm font-semibold text-indigo-800">Edition {formatEditionNumber(edition.number)}</p>
          <h2 id="current-edition" className="text-2xl font-bold">
            <Link href={`/editions/${formatEditionNumber(edition.number)}`} className="hover:underline">
              {edition.title}
            </Link>
          </h2>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-700">
            <PhaseBadge phase={edition.phase} />
            {PHASE_DESCRIPTIONS[edition.phase as Phase]}
          </p>
          <p className="mt-2 text-slate-700">
            Hacking from {formatInZone(edition.hackingStartsAt, edition.timezone)}; presentations {formatInZone(edition.presentationsStartAt, edition.timezone)}
            .
          </p>
          <ButtonLink href={`/editions/${formatEditionNumber(edition.number)}`} className="mt-4">
            Go to edition {formatEditionNumber(edition.number)}
          </ButtonLink>
          {otherActive.length > 0 && (
            <div className="mt-5 border-t border-slate-200 pt-4">
              <h3 id="also-open" className="text-sm font-semibold text-slate-700">
                Also open
              </h3>
              <ul aria-labelledby="also-open" className="mt-1">
                {otherActive.map((other) => (
                  <li key={other.id} className="flex flex-wrap items-center gap-x-2">
                    <Link
                      href={`/editions/${formatEditionNumber(other.number)}`}
                      className="inline-flex min-h-11 items-center font-semibold text-indigo-800 underline underline-offset-2"
                    >
                      Edition {formatEditionNumber(other.number)} — {(PHASE_LABELS[other.phase as Phase] ?? other.phase).toLowerCase()}
                    </Link>
                    <span className="text-sm break-words text-slate-600">{other.title}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      ) : (
        <Card>
          <p>No edition has been announced yet.</p>
          {user?.role === "ORGANIZER" && (
            <ButtonLink href="/editions/new" className="mt-3">
              Create the first edition
            </ButtonLink>
          )}
        </Card>
      )}
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="latest-heading" className="text-2xl font-bold">
              Latest articles
            </h2>
            <Link href="/articles" className="font-semibold text-indigo-800 underline">
              All the articles
            </Link>
          </div>
          <ArticleGrid articles={latest} />
        </section>
      )}
    </div>
  );
}
