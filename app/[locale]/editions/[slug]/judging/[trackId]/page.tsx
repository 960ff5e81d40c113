import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { requireUser, type CurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { ActionButton } from "@/components/action-button";
import { JudgingRefresh } from "@/components/judging/judge-forms";
import { AddJudgeForm, CriterionForm, TrackForm, WithdrawJudgeForm } from "@/components/judging/organizer-forms";
import { Alert, Badge, Card, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { deliberation, getTrack, publishedResults, trackEntries, type Track } from "@/lib/judging/queries";
import type { TrackStatus } from "@/lib/judging/rules";
import type { JudgingMethod, RankingRule } from "@/lib/judging/ranking";
import { isOrganizer } from "@/lib/people/rules";
import { listJuryPrizes } from "@/lib/prizes/queries";
import {
  addCriterionAction,
  addJudgeAction,
  awardTrackWinnerAction,
  deleteTrackAction,
  enterTrackAction,
  publishResultsAction,
  removeCriterionAction,
  removeJudgeAction,
  trackStatusAction,
  updateTrackAction,
  withdrawJudgeAction,
} from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("judging.track");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ slug: string; trackId: string }> };

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const percent = (p: number) => `${Math.round(p * 100)} %`;

export default async function TrackPage({ params }: Props) {
  const { slug, trackId } = await params;
  const edition = await loadEdition(slug, `/judging/${trackId}`);
  const user = await requireUser(editionPath(edition.number, `/judging/${trackId}`));
  const db = getDb();
  const { track, seated, judgments: judged } = await orNotFound(getTrack(db, user, trackId));
  if (track.editionId !== edition.id) notFound();
  const organizer = isOrganizer(user);
  const hex = formatEditionNumber(edition.number);
  const method = track.method as JudgingMethod;
  const [t, tc, tr] = await Promise.all([getTranslations("judging.track"), getTranslations("judging.common"), getTranslations()]);

  return (
    <div className="space-y-6">
      <JudgingRefresh editionSlug={hex} />
      <PageHeader
        eyebrow={
          <>
            <Link href={editionPath(edition.number)}>{tr("layout.edition", { number: hex })}</Link> ·{" "}
            <Link href={editionPath(edition.number, "/judging")}>{t("judgingLink")}</Link>
          </>
        }
        title={track.name}
      >
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={track.status === "OPEN" ? "green" : track.status === "PAUSED" ? "amber" : "slate"}>
            {tr(`labels.trackStatus.${track.status as TrackStatus}`)}
          </Badge>
          <span>
            {tr(`labels.judgingMethod.${method}`)}
            {method === "RANKING" && `, ${tr(`labels.rankingRule.${track.rankingRule as RankingRule}`)}`}
            {method === "RUBRIC" && track.normalize && `, ${t("evenedOut")}`}
          </span>
          {track.resultsPublishedAt && <Badge tone="indigo">{tc("resultsPublished")}</Badge>}
        </p>
      </PageHeader>
      {track.description && <p className="text-slate-700">{track.description}</p>}
      {seated && (
        <p>
          <Link
            href={editionPath(edition.number, `/judging/${track.id}/judge`)}
            className="inline-block rounded-lg bg-indigo-700 px-4 py-3 font-semibold text-white"
          >
            {tc("judgeThisTrack")}
          </Link>
        </p>
      )}
      {organizer && <Controls trackId={track.id} status={track.status} published={!!track.resultsPublishedAt} hasPrize={!!track.prizeId} />}
      {organizer || seated ? <Deliberation user={user} trackId={track.id} organizer={organizer} /> : <Results user={user} trackId={track.id} />}
      {organizer && <Setup user={user} track={track} judged={judged} judgingPath={editionPath(edition.number, "/judging")} />}
    </div>
  );
}

async function Controls({ trackId, status, published, hasPrize }: { trackId: string; status: string; published: boolean; hasPrize: boolean }) {
  const [t, tc] = await Promise.all([getTranslations("judging.track"), getTranslations("judging.common")]);
  const csv = `/api/judging/${trackId}`;
  return (
    <Card aria-labelledby="controls" className="space-y-3">
      <h2 id="controls" className="text-lg font-bold">
        {t("controls")}
      </h2>
      <div className="flex flex-wrap gap-2">
        {status !== "OPEN" && (
          <ActionButton action={trackStatusAction.bind(null, trackId)} fields={{ status: "OPEN" }} variant="primary" pendingText={t("opening")}>
            {status === "DRAFT" ? t("open") : status === "PAUSED" ? t("resume") : t("reopen")}
          </ActionButton>
        )}
        {status === "OPEN" && (
          <ActionButton action={trackStatusAction.bind(null, trackId)} fields={{ status: "PAUSED" }} pendingText={t("pausing")}>
            {t("pause")}
          </ActionButton>
        )}
        {(status === "OPEN" || status === "PAUSED") && (
          <ActionButton action={trackStatusAction.bind(null, trackId)} fields={{ status: "CLOSED" }} pendingText={t("closing")}>
            {t("close")}
          </ActionButton>
        )}
        <ActionButton action={publishResultsAction.bind(null, trackId)} fields={published ? {} : { published: "on" }} pendingText={tc("saving")}>
          {published ? t("hideResults") : t("publishResults")}
        </ActionButton>
        {hasPrize && (
          <ActionButton action={awardTrackWinnerAction.bind(null, trackId)} pendingText={t("awarding")} showSuccess>
            {t("award")}
          </ActionButton>
        )}
      </div>
      <p className="flex flex-wrap gap-4 text-sm">
        <a href={`${csv}/judgments.csv`} className="font-semibold text-indigo-800 underline">
          {t("judgmentsCsv")}
        </a>
        <a href={`${csv}/results.csv`} className="font-semibold text-indigo-800 underline">
          {t("resultsCsv")}
        </a>
      </p>
    </Card>
  );
}

async function Deliberation({ user, trackId, organizer }: { user: CurrentUser; trackId: string; organizer: boolean }) {
  const view = await deliberation(getDb(), user, trackId);
  const [t, tc] = await Promise.all([getTranslations("judging.track"), getTranslations("judging.common")]);
  const { confidence } = view.ranking;
  const judged = view.standings.some((s) => s.judgments > 0);
  // one scale for every team's bar: from the lowest interval's end to the highest
  const ends = view.standings.flatMap((s) => [s.low, s.high]).filter(Number.isFinite);
  const scale = { min: Math.min(...ends, 0), max: Math.max(...ends, 0) };
  return (
    <Card aria-labelledby="ranking" className="space-y-4">
      <h2 id="ranking" className="text-lg font-bold">
        {t("ranking")}
      </h2>
      {!judged ? (
        <p className="text-slate-700">{view.track.method === "PAIRWISE" ? t("notRankedPairwise") : t("notRanked")}</p>
      ) : (
        <>
          <div data-testid="settled">
            {confidence.settled ? (
              <Alert tone="success">{t("settled")}</Alert>
            ) : (
              <Alert tone="info">
                {t("notSettled")}
                {confidence.toSettle?.pairs.length ? (
                  <>
                    {" "}
                    {t("mostUseful", {
                      pairs: confidence.toSettle.pairs.map(([a, b]) => t("pair", { a: view.teamName(a), b: view.teamName(b) })).join(t("pairSeparator")),
                    })}
                  </>
                ) : null}
                {confidence.toSettle?.moreJudgments ? <> {t("moreJudgments", { count: confidence.toSettle.moreJudgments })}</> : null}
              </Alert>
            )}
          </div>
          {confidence.aboveFourth.length > 0 && (
            <p className="text-sm text-slate-700">
              {t.rich("aboveFourth", {
                list: () =>
                  confidence.aboveFourth.map((a, i) => (
                    <span key={a.teamId}>
                      {i > 0 && ", "}
                      {view.teamName(a.teamId)} {percent(a.probability)}
                    </span>
                  )),
              })}
            </p>
          )}
        </>
      )}
      <ol className="space-y-2" aria-label={t("rankingLabel")}>
        {view.standings.map((s) => (
          <li key={s.teamId} className="rounded-lg p-3 ring-1 ring-slate-200">
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="w-8 text-lg font-bold">{s.rank}.</span>
              <span className="font-semibold">{s.team.name}</span>
              {s.stars > 0 && (
                <span className="text-amber-800" aria-label={t("stars", { count: s.stars })}>
                  {"★".repeat(Math.min(s.stars, 5))}
                </span>
              )}
              <span className="ml-auto text-sm text-slate-700">
                {t.rich("score", {
                  score: fmt(s.score),
                  low: fmt(s.low),
                  high: fmt(s.high),
                  judges: s.judges,
                  muted: (chunks) => <span className="text-slate-600">{chunks}</span>,
                })}
              </span>
            </div>
            <IntervalBar low={s.low} score={s.score} high={s.high} min={scale.min} max={scale.max} />
            {s.remarks.length > 0 && (
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-indigo-800">{t("notes", { count: s.remarks.length })}</summary>
                <ul className="mt-1 space-y-1">
                  {s.remarks.map((r, i) => (
                    <li key={i}>
                      <strong>{r.judge}</strong>
                      {r.starred && " ★"}
                      {r.notes && t("remarkNotes", { notes: r.notes })}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
      <section aria-labelledby="judges">
        <h3 id="judges" className="font-semibold">
          {t("judges")}
        </h3>
        <ul className="mt-2 space-y-3 text-sm">
          {view.judges.map((j) => (
            <li key={j.id} className="space-y-1">
              <p>
                {t.rich("judgeLine", {
                  name: j.name,
                  guest: j.guest ? "yes" : "no",
                  judgments: j.judgments,
                  withdrawn: j.withdrawn,
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
                {j.leniency && <span className="text-slate-700"> {t("leniency", { mean: fmt(j.leniency.mean), sd: fmt(j.leniency.sd) })}</span>}
              </p>
              {organizer && j.judgments > 0 && (
                <details>
                  <summary className="cursor-pointer text-indigo-800">{t("withdrawAll", { name: j.name })}</summary>
                  <div className="mt-2">
                    <WithdrawJudgeForm action={withdrawJudgeAction.bind(null, trackId)} judgeId={j.id} judgeName={j.name} />
                  </div>
                </details>
              )}
              {organizer && (
                <ActionButton
                  action={removeJudgeAction.bind(null, trackId, j.id)}
                  variant="ghost"
                  pendingText={tc("removing")}
                  label={t("takeOffLabel", { name: j.name })}
                >
                  {t("takeOff")}
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Card>
  );
}

async function Results({ user, trackId }: { user: CurrentUser; trackId: string }) {
  const { standings } = await publishedResults(getDb(), user, trackId);
  const tc = await getTranslations("judging.common");
  return (
    <Card aria-labelledby="results">
      <h2 id="results" className="mb-2 text-lg font-bold">
        {tc("results")}
      </h2>
      <ol className="space-y-1" aria-label={tc("results")}>
        {standings.map((s) => (
          <li key={s.teamId}>
            <strong>{s.rank}.</strong> {s.team.name}
          </li>
        ))}
      </ol>
    </Card>
  );
}

type SetupProps = { user: CurrentUser; track: Track; judged: number; judgingPath: string };

async function Setup({ user, track, judged, judgingPath }: SetupProps) {
  const db = getDb();
  const trackId = track.id;
  const [prizes, entries] = await Promise.all([listJuryPrizes(db, user, track.editionId), trackEntries(db, user, trackId)]);
  const [t, tc] = await Promise.all([getTranslations("judging.track"), getTranslations("judging.common")]);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card aria-labelledby="settings">
        <h2 id="settings" className="mb-3 text-lg font-bold">
          {t("settings")}
        </h2>
        <TrackForm
          action={updateTrackAction.bind(null, trackId)}
          initial={track}
          prizes={prizes.map((p) => ({ id: p.id, name: p.name }))}
          submitLabel={t("saveTrack")}
        />
        {judged === 0 && (
          <div className="mt-4">
            <ActionButton
              action={deleteTrackAction.bind(null, trackId)}
              variant="ghost"
              pendingText={t("deleting")}
              confirm={{
                title: t("deleteTitle", { name: track.name }),
                details: t("deleteDetails"),
                confirm: t("deleteTrack"),
                danger: true,
              }}
            >
              {t("deleteTrack")}
            </ActionButton>
          </div>
        )}
      </Card>
      <div className="space-y-6">
        <Card aria-labelledby="add-judge">
          <h2 id="add-judge" className="mb-3 text-lg font-bold">
            {t("judges")}
          </h2>
          <AddJudgeForm action={addJudgeAction.bind(null, trackId)} />
          <p className="mt-2 text-sm text-slate-600">{t.rich("inviteNote", { link: (chunks) => <Link href={judgingPath}>{chunks}</Link> })}</p>
        </Card>
        {track.eligibility === "OPT_IN" && (
          <Card aria-labelledby="entries">
            <h2 id="entries" className="mb-2 text-lg font-bold">
              {t("entries")}
            </h2>
            <p className="mb-2 text-sm text-slate-600">{t("entriesHint")}</p>
            <ul className="space-y-1 text-sm">
              {entries.map((entry) => (
                <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {entry.name}
                    {entry.entered && <span className="ml-2 font-semibold text-green-800">{t("entered")}</span>}
                  </span>
                  <ActionButton
                    action={enterTrackAction.bind(null, trackId, entry.id)}
                    fields={entry.entered ? {} : { entered: "on" }}
                    variant="ghost"
                    pendingText={tc("saving")}
                    label={entry.entered ? t("removeEntryLabel", { team: entry.name }) : t("enterLabel", { team: entry.name })}
                  >
                    {entry.entered ? tc("remove") : t("enter")}
                  </ActionButton>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {track.method === "RUBRIC" && (
          <Card aria-labelledby="criteria">
            <h2 id="criteria" className="mb-3 text-lg font-bold">
              {t("criteria")}
            </h2>
            {track.criteria.length > 0 && (
              <ul className="mb-3 space-y-2 text-sm">
                {track.criteria.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-2">
                    <span>
                      <strong>{c.name}</strong> {t("criterionScale", { weight: c.weight, scale: c.scale })}
                      {c.description && <span className="text-slate-600"> — {c.description}</span>}
                    </span>
                    <ActionButton
                      action={removeCriterionAction.bind(null, c.id)}
                      variant="ghost"
                      pendingText={tc("removing")}
                      label={t("removeCriterionLabel", { name: c.name })}
                    >
                      {tc("remove")}
                    </ActionButton>
                  </li>
                ))}
              </ul>
            )}
            <CriterionForm action={addCriterionAction.bind(null, trackId)} />
          </Card>
        )}
      </div>
    </div>
  );
}

/** A team's score and its 95 % interval on the track's common scale: overlapping bars are teams not told apart yet. */
function IntervalBar({ low, score, high, min, max }: { low: number; score: number; high: number; min: number; max: number }) {
  if (!Number.isFinite(low) || !Number.isFinite(high) || max <= min) return null;
  const at = (v: number) => `${((v - min) / (max - min)) * 100}%`;
  return (
    <div className="relative mt-2 h-2 rounded bg-slate-100" aria-hidden="true">
      <div className="absolute inset-y-0 rounded bg-indigo-200" style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }} />
      <div className="absolute inset-y-0 w-1 -translate-x-1/2 rounded bg-indigo-800" style={{ left: at(score) }} />
    </div>
  );
}
