"use client";
// The tournament: the organizer starts it; everyone follows its progress live
// (matches done, time left), then the standings, the head-to-head results and
// any match's replay. A forfeit's reason is a message of lib/ (the engine's,
// stored with the match), said here in the reader's language.
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import type { MatchRecord } from "@/lib/arena/engine/record";
import type { Rating, Standing } from "@/lib/arena/engine/standings";
import { fetchJson } from "@/components/fetch-json";
import { useEventStream } from "@/components/live/use-event-stream";
import { Alert, buttonClass } from "@/components/ui";
import { useSay } from "@/components/say";
import { TournamentProgressBar } from "./progress-bar";
import { Replay } from "./replay";

type MatchRow = {
  id: string;
  number: number;
  round: number;
  teamAId: string;
  teamBId: string;
  winner: number | null;
  winsA: number;
  winsB: number;
  draws: number;
  seed: number;
  forfeitA: string | null;
  forfeitB: string | null;
};
export type TournamentState = {
  tournament: {
    id: string;
    status: string;
    seed: number;
    game: string;
    rounds: number;
    matchesPerPair: number;
    format: string;
    swissRounds: number;
    total: number;
  };
  done: number;
  standings: (Standing & { rating: Rating })[];
  headToHead: { teamId: string; against: ({ won: number; drawn: number; lost: number } | null)[] }[];
  matches: MatchRow[];
} | null;

/** How the challenge's tournament is set up (its settings, as the challenge form sets them; `game`, its name, in words or a message of lib/). */
export type TournamentSetup = {
  game: string;
  roundNoun: string;
  rounds: number;
  matchesPerPair: number;
  format: string;
  swissRounds: number | null;
  deadline: string;
};

type Props = { challengeId: string; editionSlug: string; initial: TournamentState; organizer: boolean; setup: TournamentSetup };

export function TournamentPanel({ challengeId, editionSlug, initial, organizer, setup }: Props) {
  const t = useTranslations("arena.tournament");
  const say = useSay();
  const [state, setState] = useState(initial);
  const [progress, setProgress] = useState<{ done: number; total: number; etaMs: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replay, setReplay] = useState<{ record: MatchRecord; names: [string, string] } | null>(null);

  const refresh = useCallback(async () => {
    const result = await fetchJson<TournamentState>(`/api/challenges/${challengeId}/tournament`);
    if (result.ok) setState(result.data);
  }, [challengeId]);

  useEventStream(`/api/editions/${editionSlug}/live`, {
    arena: (data: { done: number; total: number; etaMs: number | null; status: string }) => {
      setProgress(data);
      if (data.status === "DONE" || data.done % 5 === 0) void refresh();
    },
  });

  async function start(formData: FormData) {
    setError(null);
    const body = formData.get("seed") ? { seed: Number(formData.get("seed")) } : {};
    const result = await fetchJson<{ total: number }>(`/api/challenges/${challengeId}/tournament`, "POST", body);
    if (!result.ok) return setError(result.message);
    setProgress({ done: 0, total: result.data.total, etaMs: null });
    void refresh();
  }

  async function showReplay(match: MatchRow) {
    const result = await fetchJson<{ record: MatchRecord }>(`/api/tournament-matches/${match.id}`);
    if (!result.ok) return setError(result.message);
    setReplay({ record: result.data.record, names: [nameOf(match.teamAId), nameOf(match.teamBId)] });
  }

  const names = new Map(state?.standings.map((s) => [s.teamId, s.name]) ?? []);
  const nameOf = (id: string) => names.get(id) ?? "?";
  const done = progress?.done ?? state?.done ?? 0;
  const total = progress?.total ?? state?.tournament.total ?? 0;
  const running = state?.tournament.status === "RUNNING" || (progress !== null && done < total);

  return (
    <div className="space-y-4">
      {error && <Alert>{error}</Alert>}
      <p className="text-sm text-slate-700" data-testid="tournament-setup">
        {t("setup", {
          game: say(setup.game),
          rounds: setup.rounds,
          noun: setup.roundNoun,
          perPair: setup.matchesPerPair,
          format: setup.format,
          swissRounds: setup.swissRounds ?? t("swissRoundsAuto"),
          deadline: setup.deadline,
        })}
      </p>
      {organizer && !running && (
        <form action={start} className="flex flex-wrap items-end gap-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
          <label className="text-sm font-semibold">
            {t("seed")}
            <input
              name="seed"
              type="number"
              min={0}
              defaultValue={state?.tournament.seed}
              className="mt-1 block w-36 rounded-lg px-3 py-2 ring-1 ring-slate-300"
            />
          </label>
          <button type="submit" className={buttonClass("primary")}>
            {state ? t("runAgain") : t("run")}
          </button>
        </form>
      )}
      {total > 0 && (
        <div aria-live="polite">
          <TournamentProgressBar
            done={done}
            total={total}
            etaMs={running ? (progress?.etaMs ?? null) : null}
            label={t("progress")}
            testId="tournament-progress"
          />
          {state?.tournament && (
            <p className="mt-1 text-sm text-slate-600">
              {t("settings", {
                format: state.tournament.format,
                swissRounds: state.tournament.swissRounds,
                rounds: state.tournament.rounds,
                noun: setup.roundNoun,
                perPair: state.tournament.matchesPerPair,
                seed: state.tournament.seed,
              })}
            </p>
          )}
        </div>
      )}
      {state && state.standings.length > 0 && (
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("standingsCaption")}</caption>
            <thead className="text-slate-600">
              <tr>
                {[
                  "#",
                  t("columns.team"),
                  t("columns.played"),
                  t("columns.won"),
                  t("columns.drawn"),
                  t("columns.lost"),
                  t("columns.roundsWon", { noun: setup.roundNoun }),
                  t("columns.forfeits"),
                  t("columns.points"),
                  t("columns.rating"),
                ].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-3">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="standings">
              {state.standings.map((s) => (
                <tr key={s.teamId}>
                  <td className="py-2 pr-3 font-mono">{s.place}</td>
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {s.name}
                  </th>
                  <td className="py-2 pr-3">{s.played}</td>
                  <td className="py-2 pr-3">{s.won}</td>
                  <td className="py-2 pr-3">{s.drawn}</td>
                  <td className="py-2 pr-3">{s.lost}</td>
                  <td className="py-2 pr-3">{s.roundsWon}</td>
                  <td className="py-2 pr-3">
                    {s.forfeits > 0 ? (
                      <a href={`#forfeits-${s.teamId}`} className="font-semibold text-red-700 underline">
                        {s.forfeits}
                      </a>
                    ) : (
                      0
                    )}
                  </td>
                  <td className="py-2 pr-3 font-bold">
                    {s.matchPoints}
                    {s.byes > 0 && <span className="ml-1 text-xs font-normal text-slate-600">({t("byes", { count: s.byes })})</span>}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums" title={t("ratingTitle")}>
                    {s.rating.mu.toFixed(1)} ± {(2 * s.rating.sigma).toFixed(1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state && state.headToHead.length > 1 && (
        <div className="relative overflow-x-auto" tabIndex={0}>
          <table className="text-sm">
            <caption className="mb-1 text-left font-semibold">{t("headToHead")}</caption>
            <thead>
              <tr>
                <td />
                {state.standings.map((s) => (
                  <th key={s.teamId} scope="col" className="px-2 py-1 text-left font-medium">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody data-testid="head-to-head">
              {state.headToHead.map((row, i) => (
                <tr key={row.teamId}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium">
                    {state.standings[i].name}
                  </th>
                  {row.against.map((c, j) => (
                    <td key={j} className="px-2 py-1 font-mono">
                      {i === j ? "—" : c ? `${c.won}–${c.drawn}–${c.lost}` : ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state && forfeitsByTeam(state).length > 0 && (
        <div className="space-y-2" data-testid="forfeits">
          <h3 className="font-semibold">{t("forfeits")}</h3>
          {forfeitsByTeam(state).map(({ teamId, name, reasons }) => (
            <div key={teamId} id={`forfeits-${teamId}`} className="text-sm">
              <p className="font-medium">{name}</p>
              <ul className="ml-5 list-disc text-red-800">
                {reasons.map((r) => (
                  <li key={r.matchId}>{t("forfeitAgainst", { opponent: nameOf(r.opponentId), reason: say(r.reason) })}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {state && state.matches.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">{t("allMatches", { count: state.matches.length })}</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {state.matches.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {state.tournament.format === "SWISS" && <span className="text-slate-600">{t("swissRound", { round: m.round + 1 })} </span>}
                  {nameOf(m.teamAId)} {m.winsA}–{m.winsB} {nameOf(m.teamBId)}
                  {(m.forfeitA || m.forfeitB) && <span className="text-red-700"> {t("forfeit")}</span>}
                </span>
                <button type="button" className="text-indigo-800 underline" onClick={() => void showReplay(m)}>
                  {t("replay")}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {replay && <Replay record={replay.record} names={replay.names} />}
    </div>
  );
}

/** Each team's forfeits with their reasons ("round 10: exceeded 50 ms"), for the teams that have any. */
function forfeitsByTeam(state: NonNullable<TournamentState>) {
  return state.standings
    .map((s) => ({
      teamId: s.teamId,
      name: s.name,
      reasons: state.matches.flatMap((m) =>
        m.teamAId === s.teamId && m.forfeitA
          ? [{ matchId: m.id, opponentId: m.teamBId, reason: m.forfeitA }]
          : m.teamBId === s.teamId && m.forfeitB
            ? [{ matchId: m.id, opponentId: m.teamAId, reason: m.forfeitB }]
            : [],
      ),
    }))
    .filter((t) => t.reasons.length > 0);
}
