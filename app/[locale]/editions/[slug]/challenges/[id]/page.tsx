import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translator } from "@/app/_lib/translate";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { getCurrentUser } from "@/app/_lib/session";
import { ActionButton } from "@/components/action-button";
import { AnswerForm } from "@/components/challenges/answer-form";
import { ScoreForm } from "@/components/challenges/score-form";
import { Badge, ButtonLink, Card, PageHeader } from "@/components/ui";
import { allowedPointRange, CHALLENGE_KINDS, SCORINGS, type ChallengeKind, type Scoring } from "@/lib/challenges/rules";
import { challengeAttempts, challengeRanking, getChallenge, myTeamAttempts } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { renderMarkdown } from "@/lib/platform/markdown";
import { isOrganizer } from "@/lib/people/rules";
import { teamsOpen } from "@/lib/teams/rules";
import { formatInZone, formatTime } from "@/lib/platform/time";
import { answerAction, challengeStateAction, scoreAction } from "../actions";
import { BotWorkbench } from "@/components/arena/bot-workbench";
import { TournamentPanel } from "@/components/arena/tournament-panel";
import { getGame } from "@/lib/arena/engine/games";
import { teamBotVersions, tournamentSaid, tournamentView } from "@/lib/arena/queries";
import { DotRows } from "@/components/charts/dot-rows";
import { Grid } from "@/components/charts/grid";
import { headToHeadChart, raceChart, ratingsChart } from "@/lib/insights/rules";

type Props = { params: Promise<{ slug: string; id: string }> };

const isKind = (kind: string): kind is ChallengeKind => (CHALLENGE_KINDS as readonly string[]).includes(kind);
const isScoring = (scoring: string): scoring is Scoring => (SCORINGS as readonly string[]).includes(scoring);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const challenge = await orNotFound(getChallenge(getDb(), await getCurrentUser(), (await params).id));
  return { title: challenge.title };
}

export default async function ChallengePage({ params }: Props) {
  const { slug, id } = await params;
  const edition = await loadEdition(slug, `/challenges/${id}`);
  const user = await getCurrentUser();
  const db = getDb();
  const challenge = await orNotFound(getChallenge(db, user, id));
  if (challenge.editionId !== edition.id) notFound();
  const judging = user?.role === "JUDGE" || isOrganizer(user);
  const tournament = challenge.kind === "TOURNAMENT";
  const riddle = challenge.kind === "RIDDLE";
  const say = await translator();
  const [mine, ranking, versions, arena, race] = await Promise.all([
    user ? myTeamAttempts(db, user, id) : null,
    challengeRanking(db, user, id),
    tournament && user ? teamBotVersions(db, user, id) : [],
    // forfeits said here, before they reach the page's client components
    tournament ? tournamentView(db, user, id).then((view) => view && tournamentSaid(view, say)) : null,
    // organizers and judges follow the race: every team's attempts and the correct answers by time
    riddle && judging ? challengeAttempts(db, user, id) : null,
  ]);
  const t = await getTranslations("challenges.detail");
  const tl = await getTranslations("labels");
  const locale = await getLocale();
  const time = (d: Date) => formatTime(d, edition.timezone, { seconds: true, locale });
  const quoted = (answer: string) => t("quoted", { answer });
  const range = allowedPointRange(challenge);
  const game = getGame(challenge.game);
  const base = editionPath(edition.number, "/challenges");

  return (
    <div className="space-y-6">
      <PageHeader eyebrow={<Link href={base}>{t("eyebrow", { edition: formatEditionNumber(edition.number) })}</Link>} title={challenge.title}>
        {isOrganizer(user) && (
          <ButtonLink href={`${base}/${id}/edit`} variant="secondary">
            {t("edit")}
          </ButtonLink>
        )}
      </PageHeader>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={challenge.state === "OPEN" ? "green" : challenge.state === "CLOSED" ? "indigo" : "slate"}>{tl(`challengeState.${challenge.state}`)}</Badge>
        <Badge tone="purple">{isKind(challenge.kind) ? tl(`challengeKind.${challenge.kind}`) : challenge.kind}</Badge>
        <span>
          {t("times", {
            opens: formatInZone(challenge.opensAt, edition.timezone, undefined, locale),
            closes: formatInZone(challenge.closesAt, edition.timezone, undefined, locale),
            scoring: isScoring(challenge.scoring) ? tl(`scoring.${challenge.scoring}`) : "",
          })}
          {challenge.scoring === "RANK" ? ` (${challenge.rankPoints.replace(/,/g, ", ")})` : challenge.scoring === "FIXED" ? ` (${challenge.fixedPoints})` : ""}
        </span>
      </div>

      {isOrganizer(user) && (
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("byHand")}>
          {challenge.state !== "OPEN" && (
            <ActionButton action={challengeStateAction.bind(null, id)} fields={{ state: "OPEN" }} variant="primary" pendingText={t("opening")}>
              {t("openNow")}
            </ActionButton>
          )}
          {challenge.state === "OPEN" && (
            <ActionButton action={challengeStateAction.bind(null, id)} fields={{ state: "CLOSED" }} variant="danger" pendingText={t("closing")}>
              {t("closeNow")}
            </ActionButton>
          )}
          {challenge.manualState && (
            <ActionButton action={challengeStateAction.bind(null, id)} fields={{ state: "AUTO" }} pendingText="…">
              {t("followTimes")}
            </ActionButton>
          )}
        </div>
      )}

      <Card>
        <h2 className="sr-only">{t("statement")}</h2>
        <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: renderMarkdown(challenge.statement) }} />
      </Card>

      {riddle && !(race && !mine?.team) && (
        <Card aria-labelledby="answer-heading">
          <h2 id="answer-heading" className="mb-3 text-lg font-bold">
            {t("answerHeading")}
          </h2>
          {!user ? (
            <p>
              {t.rich("signInToAnswer", {
                link: (chunks) => (
                  <Link href={`/signin?callbackUrl=${encodeURIComponent(`${base}/${id}`)}`} className="font-semibold text-indigo-800 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : !mine?.team ? (
            <p className="text-slate-700" data-testid="join-a-team">
              {challenge.state === "CLOSED" ? (
                t("closed")
              ) : (
                <>
                  {challenge.state === "UPCOMING" && `${t("notOpenYet")} `}
                  {t("membersOnly")}{" "}
                  {teamsOpen(edition)
                    ? t.rich("joinFirst", {
                        link: (chunks) => (
                          <Link href={editionPath(edition.number, "/teams")} className="font-semibold text-indigo-800 underline">
                            {chunks}
                          </Link>
                        ),
                      })
                    : t("teamsSettled")}
                </>
              )}
            </p>
          ) : mine.solved ? (
            <p className="font-semibold text-green-800" data-testid="solved">
              ✓ {t("solvedAt", { team: mine.team.name, time: time(mine.solved.solvedAt) })}
            </p>
          ) : challenge.state === "OPEN" ? (
            <AnswerForm action={answerAction.bind(null, id)} />
          ) : (
            <p className="text-slate-700">{challenge.state === "UPCOMING" ? t("notOpenYet") : t("closed")}</p>
          )}
          {mine && mine.attempts.length > 0 && (
            <>
              <h3 className="mt-5 text-sm font-semibold">{t("yourAttempts")}</h3>
              <ol className="mt-1 space-y-1 text-sm" aria-label={t("yourAttempts")}>
                {mine.attempts.map((a) => (
                  <li key={a.id} className="flex flex-wrap gap-x-2">
                    <time dateTime={a.createdAt.toISOString()} className="font-mono">
                      {time(a.createdAt)}
                    </time>
                    <span>{t("attemptBy", { name: a.by })}</span>
                    <span className="font-mono">{quoted(a.answer)}</span>
                    <span className={a.correct ? "font-semibold text-green-800" : "text-red-700"}>{a.correct ? t("correct") : t("wrong")}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </Card>
      )}

      {race && (
        <Card aria-labelledby="race-heading">
          <h2 id="race-heading" className="text-lg font-bold">
            {t.rich("raceHeading", {
              audience: isOrganizer(user) ? "organizers" : "judges",
              muted: (chunks) => <span className="text-sm font-normal text-slate-600">{chunks}</span>,
            })}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("raceTimes", { timezone: edition.timezone })}</p>
          {challenge.answers && isOrganizer(user) && (
            <p className="mt-3">
              <span className="text-sm font-semibold">{t("acceptedAnswersLabel", { state: challenge.state })}</span>{" "}
              <span className="font-mono text-lg" data-testid="accepted-answers">
                {challenge.answers.join(" · ")}
              </span>
            </p>
          )}

          <h3 className="mt-5 text-base font-semibold">{t("solvesHeading")}</h3>
          {race.solves.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">{t("noSolve")}</p>
          ) : (
            <div className="mt-1 relative overflow-x-auto" tabIndex={0}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("solvesCaption")}</caption>
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-2">
                      {t("columns.rank")}
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      {t("columns.team")}
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      {t("columns.time")}
                    </th>
                    <th scope="col" className="py-2 text-right">
                      {t("columns.points")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100" data-testid="solves">
                  {race.solves.map((s) => (
                    <tr key={s.teamId}>
                      <td className="py-2 pr-2 font-mono">{s.rank}</td>
                      <th scope="row" className="py-2 pr-2 font-semibold">
                        {s.team}
                      </th>
                      <td className="py-2 pr-2 font-mono whitespace-nowrap">
                        <time dateTime={s.solvedAt.toISOString()}>{time(s.solvedAt)}</time>
                      </td>
                      <td className="py-2 text-right tabular-nums">{s.points}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <h3 className="mt-5 text-base font-semibold">
            {t.rich("attemptsHeading", {
              count: race.attempts.length,
              muted: (chunks) => <span className="font-normal text-slate-600">{chunks}</span>,
            })}
          </h3>
          {race.attempts.length === 0 ? (
            <p className="mt-1 text-sm text-slate-700">{t("noAttempt")}</p>
          ) : (
            <div className="mt-1 relative overflow-x-auto" tabIndex={0}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("attemptsCaption")}</caption>
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-2">
                      {t("columns.time")}
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      {t("columns.team")}
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      {t("columns.answer")}
                    </th>
                    <th scope="col" className="py-2">
                      {t("columns.result")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100" data-testid="attempts">
                  {race.attempts.map((a) => (
                    <tr key={a.id}>
                      <td className="py-2 pr-2 align-top font-mono whitespace-nowrap">
                        <time dateTime={a.createdAt.toISOString()}>{time(a.createdAt)}</time>
                      </td>
                      <th scope="row" className="py-2 pr-2 align-top font-semibold">
                        {a.team}
                        <span className="block text-xs font-normal text-slate-600">{a.by}</span>
                      </th>
                      <td className="py-2 pr-2 align-top font-mono wrap-anywhere">{quoted(a.answer)}</td>
                      <td className={`py-2 align-top whitespace-nowrap ${a.correct ? "font-semibold text-green-800" : "text-red-800"}`}>
                        <span aria-hidden="true">{a.correct ? "✓ " : "✗ "}</span>
                        {a.correct ? t("right") : t("wrong")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      )}

      {tournament && user && (
        <Card aria-labelledby="bot-heading">
          <h2 id="bot-heading" className="mb-3 text-lg font-bold">
            {mine?.team ? t("teamBot", { team: mine.team.name }) : t("tryArena")}
          </h2>
          {!mine?.team && <p className="mb-3 text-sm text-slate-700">{t("joinToSubmit")}</p>}
          <details className="mb-4 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
            <summary className="cursor-pointer font-semibold">{t("contract", { game: say(game.name) })}</summary>
            <div className="prose prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: renderMarkdown(say(game.contract)) }} />
          </details>
          <BotWorkbench
            challengeId={id}
            starter={game.starterBot}
            initialSource={versions[0]?.source ?? game.starterBot}
            initialLanguage={(versions[0]?.language as "ts" | "js") ?? "js"}
            opponents={game.bots.map((b) => ({ id: b.id, name: say(b.name), description: say(b.description) }))}
            contractSummary={say(game.summary)}
            versions={versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() }))}
            canSubmit={!!mine?.team && challenge.state !== "CLOSED"}
          />
        </Card>
      )}

      {tournament && user && (
        <Card aria-labelledby="tournament-heading">
          <h2 id="tournament-heading" className="mb-3 text-lg font-bold">
            {t("tournament")}
          </h2>
          <TournamentPanel
            challengeId={id}
            editionSlug={formatEditionNumber(edition.number)}
            organizer={isOrganizer(user)}
            setup={{
              game: say(game.name),
              roundNoun: game.roundNoun,
              rounds: challenge.matchRounds,
              matchesPerPair: challenge.matchesPerPair,
              format: challenge.format,
              swissRounds: challenge.swissRounds,
              deadline: formatInZone(challenge.closesAt, edition.timezone, undefined, locale),
            }}
            initial={
              arena
                ? { tournament: arena.tournament, done: arena.done, standings: arena.standings, headToHead: arena.headToHead, matches: arena.matches }
                : null
            }
          />
        </Card>
      )}

      {challenge.answers && riddle && !(race && isOrganizer(user)) && (
        <Card aria-labelledby="accepted-heading">
          <h2 id="accepted-heading" className="text-lg font-bold">
            {t("acceptedAnswers", { state: challenge.state })}
          </h2>
          <p className="mt-1 font-mono text-lg" data-testid="accepted-answers">
            {challenge.answers.join(" · ")}
          </p>
        </Card>
      )}

      {riddle && ranking && ranking.some((r) => r.solvedAt) && (
        <Card>
          <DotRows
            id="riddle-race"
            chart={raceChart(
              challenge.opensAt,
              ranking.flatMap((r) => (r.solvedAt ? [{ team: r.name, at: r.solvedAt, points: r.points }] : [])),
              ranking.length,
            )}
          />
        </Card>
      )}

      {arena && arena.done > 0 && (
        <Card className="space-y-8">
          <DotRows id="tournament-ratings" chart={ratingsChart(arena.standings, arena.done)} />
          <Grid
            id="head-to-head"
            chart={headToHeadChart(
              arena.standings,
              arena.headToHead.map((row) => row.against),
            )}
          />
        </Card>
      )}

      {ranking && !judging && (
        <Card aria-labelledby="ranking-heading">
          <h2 id="ranking-heading" className="mb-2 text-lg font-bold">
            {t("results")}
          </h2>
          <ol className="space-y-1">
            {ranking
              .filter((r) => r.points > 0 || r.solvedAt)
              .sort((a, b) => b.points - a.points || (a.solvedAt?.getTime() ?? Infinity) - (b.solvedAt?.getTime() ?? Infinity))
              .map((r) => (
                <li key={r.teamId} className="flex flex-wrap gap-x-3">
                  <span className="font-semibold">{r.name}</span>
                  {r.solvedAt && <span className="font-mono text-sm">{time(r.solvedAt)}</span>}
                  <span>{t("points", { points: r.points })}</span>
                </li>
              ))}
          </ol>
        </Card>
      )}

      {judging && ranking && (
        <Card aria-labelledby="scores-heading" className="border-l-4 border-amber-400">
          <h2 id="scores-heading" className="text-lg font-bold">
            {t.rich("scoresHeading", { muted: (chunks) => <span className="text-sm font-normal text-slate-600">{chunks}</span> })}
          </h2>
          <p className="mb-3 text-sm text-slate-700">
            {challenge.scoring === "JUDGE" ? t("scoresJudge", { max: range.max }) : t("scoresOverride", { max: range.max })} {t("scoresAudit")}
          </p>
          <ul className="divide-y divide-slate-100">
            {ranking.map((r) => (
              <li key={r.teamId} className="py-3">
                <p className="flex flex-wrap items-baseline gap-x-3">
                  <span className="font-semibold">{r.name}</span>
                  {r.solvedAt && (
                    <span className="text-sm text-slate-600">
                      {t("solvedAtTime", { time: time(r.solvedAt) })}
                      {r.rank ? ` (#${r.rank})` : ""}
                    </span>
                  )}
                  <span className="text-sm" data-testid={`points-${r.name}`}>
                    {t("points", { points: r.points })}
                    {r.score && challenge.scoring !== "JUDGE" ? ` ${t("override", { computed: r.computed })}` : ""}
                  </span>
                </p>
                <ScoreForm
                  action={scoreAction.bind(null, id, edition.number)}
                  teamId={r.teamId}
                  teamName={r.name}
                  points={r.score?.points ?? null}
                  comment={r.score?.comment ?? ""}
                  version={r.score?.version ?? 0}
                  max={range.max}
                />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
