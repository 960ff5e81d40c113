import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translator } from "@/app/_lib/translate";
import Link from "@/components/link";
import { editionPath, loadEdition } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { AgendaList } from "@/components/agenda-list";
import { Countdown } from "@/components/countdown";
import { KindBadge } from "@/components/labels";
import { TeamCard } from "@/components/team-card";
import { ButtonLink, Card, EmptyState } from "@/components/ui";
import { editionLinks, nextMilestone, PHASES, formatEditionNumber, type Phase } from "@/lib/editions/rules";
import { getDb } from "@/app/_lib/db";
import { listAgenda } from "@/lib/editions/queries";
import { canProposeTopic } from "@/lib/topics/rules";
import { teamsOpen } from "@/lib/teams/rules";
import { editionOutcomes, listTeams, teamOf } from "@/lib/teams/queries";
import { OutcomeNote } from "@/components/outcome-note";
import { listTopics } from "@/lib/topics/queries";
import { formatInZone } from "@/lib/platform/time";
import { cachedArticleList, cachedEditionPrizes } from "@/app/_lib/public-data";
import { ArticleGrid } from "@/components/articles/article-card";
import { BarRows } from "@/components/charts/bar-rows";
import { ballotsChart, resultsChart } from "@/lib/insights/rules";

type Props = { params: Promise<{ slug: string }> };

const heroLink = "rounded-lg bg-white px-4 py-2 text-sm font-semibold text-indigo-900 hover:bg-indigo-50";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const edition = await loadEdition((await params).slug);
  return { title: `${formatEditionNumber(edition.number)} — ${edition.title}` };
}

export default async function EditionPage({ params }: Props) {
  const edition = await loadEdition((await params).slug);
  const user = await getCurrentUser();
  const db = getDb();
  const t = await getTranslations("editions");
  const tp = await getTranslations("editions.page");
  const tl = await getTranslations("labels");
  const say = await translator();
  const locale = await getLocale();
  const [agenda, topics, teams, myTeam, { announced: prizes, jury: juryPrizes }, articles, outcomes] = await Promise.all([
    listAgenda(db, edition.id),
    listTopics(db, user, edition.id, { sort: "interest" }),
    listTeams(db, edition.id),
    user ? teamOf(db, user.id, edition.id) : null,
    cachedEditionPrizes(edition.id), // the results are computed once per announcement, not per view
    cachedArticleList({ edition: edition.number }),
    editionOutcomes(db, edition.id),
  ]);
  const now = new Date();
  const milestone = nextMilestone(edition, now);
  const phaseIndex = PHASES.indexOf(edition.phase as Phase);
  const hex = formatEditionNumber(edition.number);

  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-gradient-to-br from-indigo-900 to-indigo-700 p-6 text-white shadow-lg sm:p-8" aria-labelledby="edition-title">
        <p className="font-mono text-sm font-semibold text-amber-200">{t("eyebrow", { hex })}</p>
        <h1 id="edition-title" className="mt-1 text-3xl font-bold tracking-tight sm:text-4xl">
          {edition.title}
        </h1>
        <p className="mt-2 text-indigo-100">
          {tp("dates", {
            hacking: formatInZone(edition.hackingStartsAt, edition.timezone, undefined, locale),
            presentations: formatInZone(edition.presentationsStartAt, edition.timezone, undefined, locale),
          })}
        </p>
        <div className="mt-5 flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm text-indigo-100">{tp("phase")}</p>
            <p className="text-xl font-bold" data-testid="edition-phase">
              {tl(`phase.${edition.phase as Phase}`)}
            </p>
            <p className="max-w-md text-sm text-indigo-100">{tl(`phaseDescription.${edition.phase as Phase}`)}</p>
          </div>
          {milestone && edition.phase !== "ARCHIVED" && <Countdown to={milestone.at.toISOString()} label={say(milestone.label)} />}
        </div>
        <ol className="mt-5 flex flex-wrap gap-1" aria-label={tp("phases")}>
          {PHASES.map((phase, i) => (
            <li
              key={phase}
              aria-current={i === phaseIndex ? "step" : undefined}
              className={`rounded px-2 py-0.5 text-xs ${i === phaseIndex ? "bg-amber-200 font-bold text-indigo-950" : i < phaseIndex ? "bg-indigo-800 text-indigo-100" : "bg-indigo-950/40 text-indigo-100"}`}
            >
              {tl(`phase.${phase}`)}
            </li>
          ))}
        </ol>
        <p className="mt-5 flex flex-wrap gap-2">
          {editionLinks(edition, user).map((link) => (
            <Link key={link.rest} href={editionPath(edition.number, link.rest)} className={heroLink}>
              {say(link.label)}
            </Link>
          ))}
        </p>
      </section>

      {(prizes || juryPrizes.length > 0) && (
        <section aria-labelledby="prizes" className="rounded-2xl bg-amber-50 p-6 ring-1 ring-amber-200">
          <h2 id="prizes" className="text-xl font-bold">
            {tp("prizes")}
          </h2>
          {prizes && (
            <>
              <ol className="mt-3 grid gap-3 sm:grid-cols-3" aria-label={tp("podium")}>
                {prizes.podium.map((p) => (
                  <li key={p.teamId} className="min-w-0 rounded-xl bg-white p-4 ring-1 ring-amber-200">
                    <p className="text-sm font-semibold text-amber-800">{tp("place", { place: p.place, shared: p.tied ? "yes" : "no" })}</p>
                    <Link href={editionPath(edition.number, `/teams/${p.teamId}`)} className="break-words text-lg font-bold text-indigo-900 hover:underline">
                      {p.name}
                    </Link>
                    <p className="text-sm text-slate-700">{tp("points", { count: p.total })}</p>
                    {p.tieBreakNote && <p className="mt-1 text-sm text-slate-700">{say(p.tieBreakNote)}.</p>}
                  </li>
                ))}
              </ol>
              {prizes.sharedNote && <p className="mt-2 text-sm text-slate-700">{say(prizes.sharedNote)}</p>}
            </>
          )}
          {prizes?.publicFavourite && (
            <p className="mt-3">
              {tp.rich("publicFavourite", {
                name: prizes.publicFavourite.name,
                points: prizes.publicFavourite.audiencePoints,
                link: (chunks) => (
                  <Link href={editionPath(edition.number, `/teams/${prizes.publicFavourite!.teamId}`)} className="font-bold text-indigo-900 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
          {juryPrizes.length > 0 && (
            <ul className="mt-3 space-y-1" aria-label={tp("juryPrizes")}>
              {juryPrizes.map((prize) => (
                <li key={prize.id}>
                  {tp.rich("juryPrize", {
                    prize: prize.name,
                    team: prize.team!.name,
                    link: (chunks) => (
                      <Link href={editionPath(edition.number, `/teams/${prize.team!.id}`)} className="font-bold text-indigo-900 hover:underline">
                        {chunks}
                      </Link>
                    ),
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {prizes && prizes.results.ranking.length > 0 && (
        <section aria-labelledby="results-heading" className="space-y-6">
          <h2 id="results-heading" className="text-xl font-bold">
            {tp("results")}
          </h2>
          <Card className="space-y-8">
            <BarRows id="results-points" chart={resultsChart(prizes.results.ranking, prizes.results.weights)} />
            <BarRows id="results-ballots" chart={ballotsChart(prizes.results.ranking, prizes.results.ballots, prizes.results.method)} />
          </Card>
        </section>
      )}

      {outcomes.length > 0 && (
        <section aria-labelledby="outcomes-heading" className="space-y-3">
          <h2 id="outcomes-heading" className="text-xl font-bold">
            {tp("outcomes")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {outcomes.map((outcome) => (
              <li key={outcome.teamId}>
                <Card>
                  <OutcomeNote outcome={outcome} team={outcome.team} />
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}

      {articles.total > 0 && (
        <section aria-labelledby="articles-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="articles-heading" className="text-xl font-bold">
              {tp("articles")}
            </h2>
            {articles.total > articles.items.length && (
              <Link href={`/articles?edition=${hex}`} className="font-semibold text-indigo-800 underline">
                {tp("allArticles", { count: articles.total, hex })}
              </Link>
            )}
          </div>
          <ArticleGrid articles={articles.items} />
        </section>
      )}

      {user && (
        <Card aria-labelledby="my-team">
          <h2 id="my-team" className="text-lg font-bold">
            {tp("yourTeam")}
          </h2>
          {myTeam ? (
            <p className="mt-1">
              {tp.rich("inTeam", {
                name: myTeam.name,
                link: (chunks) => (
                  <Link href={editionPath(edition.number, `/teams/${myTeam.id}`)} className="font-semibold text-indigo-800 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <p className="mt-1 text-slate-700">
              {tp("noTeam", { state: teamsOpen(edition) ? "open" : edition.phase === "PROPOSALS_OPEN" ? "proposals" : "locked" })}
            </p>
          )}
        </Card>
      )}

      <div className="grid gap-8 lg:grid-cols-5">
        <section className="lg:col-span-2" aria-labelledby="agenda">
          <h2 id="agenda" className="mb-3 text-xl font-bold">
            {tp("agenda")}
          </h2>
          <AgendaList items={agenda} timezone={edition.timezone} now={now} />
          <p className="mt-3 text-sm text-slate-700">
            {tp.rich("subscribe", {
              subscribe: (chunks) => (
                <a className="font-medium text-indigo-800 underline" href={`/editions/${formatEditionNumber(edition.number)}/agenda.ics`}>
                  {chunks}
                </a>
              ),
              calendar: (chunks) => (
                <Link className="font-medium text-indigo-800 underline" href="/account">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </section>

        <section className="lg:col-span-3" aria-labelledby="topics">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="topics" className="text-xl font-bold">
              {tp("topics")} <span className="text-base font-normal text-slate-600">({topics.length})</span>
            </h2>
            <div className="flex gap-2">
              {canProposeTopic(user, edition) && (
                <ButtonLink href={editionPath(edition.number, "/topics/new")} variant="secondary">
                  {tp("proposeTopic")}
                </ButtonLink>
              )}
              <ButtonLink href={editionPath(edition.number, "/topics")} variant="ghost">
                {tp("allTopics")}
              </ButtonLink>
            </div>
          </div>
          {topics.length === 0 ? (
            <EmptyState>{tp("noTopics")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl bg-white ring-1 ring-slate-200">
              {topics.slice(0, 6).map((topic) => (
                <li key={topic.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                  <Link href={editionPath(edition.number, `/topics/${topic.id}`)} className="font-semibold text-indigo-900 hover:underline">
                    {topic.title}
                  </Link>
                  <KindBadge kind={topic.kind} />
                  <span className="ml-auto text-sm text-slate-600">{tp("interested", { count: topic.interestCount })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="teams">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="teams" className="text-xl font-bold">
            {tp("teams")} <span className="text-base font-normal text-slate-600">({teams.length})</span>
          </h2>
          <ButtonLink href={editionPath(edition.number, "/teams")} variant="ghost">
            {tp("allTeams")}
          </ButtonLink>
        </div>
        {teams.length === 0 ? (
          <EmptyState>{tp("noTeams")}</EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {teams.map((team) => (
              <li key={team.id}>
                <TeamCard team={team} editionNumber={edition.number} maxTeamSize={edition.maxTeamSize} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
