import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "@/components/link";
import { editionPath, loadEdition, orNotFound } from "@/app/_lib/load";
import { requireUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { ActionButton } from "@/components/action-button";
import { CompareForm, JudgingRefresh, OrderForm, RubricForm, SeenForm } from "@/components/judging/judge-forms";
import { Alert, Card, PageHeader } from "@/components/ui";
import { formatEditionNumber } from "@/lib/editions/rules";
import { judgePage } from "@/lib/judging/queries";
import { JUDGMENT_KINDS, judgingClosedReason, type JudgmentKind } from "@/lib/judging/rules";
import { translator } from "@/app/_lib/translate";
import { formatInZone } from "@/lib/platform/time";
import { recordJudgmentAction, sendJudgeAction, skipTeamAction, withdrawJudgmentAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("judge.page");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ slug: string; trackId: string }> };

const isJudgmentKind = (kind: string): kind is JudgmentKind => (JUDGMENT_KINDS as readonly string[]).includes(kind);

/** The judge's page, phone-first: where to go, the form, progress, and their own judgments with undo. */
export default async function JudgePage({ params }: Props) {
  const { slug, trackId } = await params;
  const edition = await loadEdition(slug, `/judging/${trackId}/judge`);
  const user = await requireUser(editionPath(edition.number, `/judging/${trackId}/judge`));
  const page = await orNotFound(judgePage(getDb(), user, trackId));
  if (page.track.editionId !== edition.id) notFound();
  const { track, seat, next, current, seen, candidates, mine } = page;
  const hex = formatEditionNumber(edition.number);
  const closed = judgingClosedReason(track);
  const record = recordJudgmentAction.bind(null, trackId);
  const sequence = seat.sequence + 1;
  const done = seen.length;
  const [t, locale] = await Promise.all([getTranslations("judge.page"), getLocale()]);
  const kindLabel = (kind: string) => (isJudgmentKind(kind) ? t(`kind.${kind}`) : kind);

  return (
    <div className="mx-auto max-w-md space-y-4">
      <JudgingRefresh editionSlug={hex} />
      <PageHeader
        eyebrow={
          <>
            <Link href={editionPath(edition.number, "/judging")}>{t("judgingLink", { edition: hex })}</Link> ·{" "}
            <Link href={editionPath(edition.number, `/judging/${trackId}`)}>{t("rankingLink")}</Link>
          </>
        }
        title={track.name}
      />
      <p className="text-sm font-semibold" data-testid="progress">
        {t("progress", { done, candidates })}
      </p>
      {closed ? (
        <Alert tone="info">{(await translator())(closed)}</Alert>
      ) : track.method === "RANKING" && !next && seen.length > 0 ? null : !next ? (
        <Card className="space-y-3">
          {done >= candidates ? (
            <p>{t("allSeen")}</p>
          ) : (
            <>
              <p>{done === 0 ? t("ready") : t("onToNext")}</p>
              <ActionButton action={sendJudgeAction.bind(null, trackId)} variant="primary" pendingText={t("finding")} showSuccess>
                {done === 0 ? t("sendMe") : t("nextTeam")}
              </ActionButton>
            </>
          )}
        </Card>
      ) : null}
      {!closed && next && (
        <Card aria-labelledby="next-team" className="space-y-3">
          <p className="text-sm text-slate-600">{track.method === "PAIRWISE" && current ? t("nowSee") : t("goSee")}</p>
          <h2 id="next-team" className="text-2xl font-bold" data-testid="next-team">
            {next.name}
          </h2>
          {next.topic && <p className="text-slate-700">{next.topic.title}</p>}
          <p className="text-sm text-slate-700">{next.members.map((m) => m.user.name).join(", ")}</p>
          {next.articles[0] && (
            <p>
              <Link href={`/articles/${next.articles[0].slug}`} className="font-semibold text-indigo-800 underline">
                {t("writeUp")}
              </Link>
            </p>
          )}
          {track.method === "PAIRWISE" && current && <p className="text-sm">{t("thenCompare", { name: current.name })}</p>}
          {track.method === "PAIRWISE" && (
            <CompareForm key={sequence} action={record} sequence={sequence} current={current} next={{ id: next.id, name: next.name }} />
          )}
          {track.method === "RANKING" && <SeenForm key={sequence} action={record} sequence={sequence} team={{ id: next.id, name: next.name }} />}
          {track.method === "RUBRIC" && (
            <RubricForm key={sequence} action={record} sequence={sequence} team={{ id: next.id, name: next.name }} criteria={track.criteria} />
          )}
          <ActionButton action={skipTeamAction.bind(null, trackId)} fields={{ sequence: String(sequence) }} variant="ghost" pendingText={t("skipping")}>
            {t("skip")}
          </ActionButton>
        </Card>
      )}
      {!closed && track.method === "RANKING" && seen.length > 0 && (
        <Card aria-labelledby="order" className="space-y-3">
          <h2 id="order" className="text-lg font-bold">
            {t("orderTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("orderHint")}</p>
          <OrderForm
            key={seen.map((t) => t.id).join(",")}
            action={record}
            sequence={sequence}
            teams={orderOf(
              page.ranked,
              seen.map((t) => ({ id: t.id, name: t.name })),
            )}
          />
          {!next && (
            <ActionButton action={sendJudgeAction.bind(null, trackId)} pendingText={t("finding")} showSuccess>
              {t("nextTeam")}
            </ActionButton>
          )}
        </Card>
      )}
      <Card aria-labelledby="mine" className="space-y-2">
        <h2 id="mine" className="text-lg font-bold">
          {t("mine")}
        </h2>
        {mine.length === 0 ? (
          <p className="text-sm text-slate-700">{t("mineEmpty")}</p>
        ) : (
          <ol className="space-y-2 text-sm" aria-label={t("mineLabel")}>
            {mine.map((j) => (
              <li key={j.id} className="flex flex-wrap items-center gap-2 rounded-lg p-2 ring-1 ring-slate-200">
                <span className={j.withdrawnAt ? "text-slate-600 line-through" : ""}>
                  <strong>{kindLabel(j.kind)}</strong> {j.team?.name}
                  {j.kind === "PAIR" && j.winner && <> {t("preferred", { name: j.winner.name })}</>}
                  {j.starred && " ★"}
                  <span className="text-slate-600">
                    {" "}
                    · {formatInZone(j.createdAt, edition.timezone, { weekday: undefined, day: undefined, month: undefined }, locale)}
                  </span>
                </span>
                {j.withdrawnAt ? (
                  <span className="text-slate-700">{t("withdrawn")}</span>
                ) : (
                  !closed && (
                    <ActionButton
                      action={withdrawJudgmentAction.bind(null, j.id)}
                      variant="ghost"
                      pendingText={t("undoing")}
                      label={t("undoLabel", { kind: kindLabel(j.kind), team: j.team?.name ?? "" }).trim()}
                    >
                      {t("undo")}
                    </ActionButton>
                  )
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

/** The judge's last saved order, then the teams seen since, at the end. */
function orderOf(ranked: string[], seen: { id: string; name: string }[]) {
  const byId = new Map(seen.map((t) => [t.id, t]));
  const first = ranked.flatMap((id) => byId.get(id) ?? []);
  return [...first, ...seen.filter((t) => !ranked.includes(t.id))];
}
