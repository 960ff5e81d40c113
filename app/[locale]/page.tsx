import Link from "@/components/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/app/_lib/session";
import { PhaseBadge } from "@/components/labels";
import { ButtonLink, Card } from "@/components/ui";
import { ArticleGrid } from "@/components/articles/article-card";
import { cachedLatest } from "@/app/_lib/public-data";
import { getDb } from "@/app/_lib/db";
import { PHASE_LABELS, formatEditionNumber, type Phase } from "@/lib/editions/rules";
import { currentAndActiveEditions } from "@/lib/editions/queries";
import { needsSetup } from "@/lib/people/queries";
import { formatInZone } from "@/lib/platform/time";

const isPhase = (phase: string): phase is Phase => phase in PHASE_LABELS;

export default async function HomePage() {
  await connection(); // per visitor, from the database as it is now (never at build time)
  const db = getDb();
  if (await needsSetup(db)) redirect("/setup");
  const user = await getCurrentUser();
  // the current edition first (the live one: lib/editions/rules.ts), then every other active one, each reachable
  const [{ current: edition, otherActive }, latest] = await Promise.all([currentAndActiveEditions(db, user), cachedLatest(6)]);
  const [t, tl, locale] = await Promise.all([getTranslations("home"), getTranslations("labels"), getLocale()]);
  return (
    <div className="space-y-8">
      <section className="py-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-slate-700">{t("intro")}</p>
        {!user && (
          <div className="mt-5 flex flex-wrap gap-3">
            <ButtonLink href="/signin">{t("signIn")}</ButtonLink>
            <ButtonLink href="/signup" variant="secondary">
              {t("createAccount")}
            </ButtonLink>
          </div>
        )}
      </section>
      {edition ? (
        <Card aria-labelledby="current-edition">
          <p className="font-mono text-sm font-semibold text-indigo-800">{t("edition", { number: formatEditionNumber(edition.number) })}</p>
          <h2 id="current-edition" className="text-2xl font-bold">
            <Link href={`/editions/${formatEditionNumber(edition.number)}`} className="hover:underline">
              {edition.title}
            </Link>
          </h2>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-700">
            <PhaseBadge phase={edition.phase} />
            {isPhase(edition.phase) ? tl(`phaseDescription.${edition.phase}`) : undefined}
          </p>
          <p className="mt-2 text-slate-700">
            {t("schedule", {
              hacking: formatInZone(edition.hackingStartsAt, edition.timezone, undefined, locale),
              presentations: formatInZone(edition.presentationsStartAt, edition.timezone, undefined, locale),
            })}
          </p>
          <ButtonLink href={`/editions/${formatEditionNumber(edition.number)}`} className="mt-4">
            {t("goToEdition", { number: formatEditionNumber(edition.number) })}
          </ButtonLink>
          {otherActive.length > 0 && (
            <div className="mt-5 border-t border-slate-200 pt-4">
              <h3 id="also-open" className="text-sm font-semibold text-slate-700">
                {t("alsoOpen")}
              </h3>
              <ul aria-labelledby="also-open" className="mt-1">
                {otherActive.map((other) => (
                  <li key={other.id} className="flex flex-wrap items-center gap-x-2">
                    <Link
                      href={`/editions/${formatEditionNumber(other.number)}`}
                      className="inline-flex min-h-11 items-center font-semibold text-indigo-800 underline underline-offset-2"
                    >
                      {t("otherEdition", {
                        number: formatEditionNumber(other.number),
                        phase: (isPhase(other.phase) ? tl(`phase.${other.phase}`) : other.phase).toLowerCase(),
                      })}
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
          <p>{t("noEdition")}</p>
          {user?.role === "ORGANIZER" && (
            <ButtonLink href="/editions/new" className="mt-3">
              {t("createFirstEdition")}
            </ButtonLink>
          )}
        </Card>
      )}
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="latest-heading" className="text-2xl font-bold">
              {t("latestArticles")}
            </h2>
            <Link href="/articles" className="font-semibold text-indigo-800 underline">
              {t("allArticles")}
            </Link>
          </div>
          <ArticleGrid articles={latest} />
        </section>
      )}
    </div>
  );
}
