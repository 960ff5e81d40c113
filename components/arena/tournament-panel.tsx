"use client";
// The tournament: the organizer starts it; everyone follows its progress live
// (matches done, time left), then the standings, the head-to-head results and
// any match's replay.
import { useCallback, useEffect, useState } from "react";
import type { MatchRecord } from "@/lib/arena/record";
import type { Rating, Standing } from "@/lib/arena/standings";
import { fetchJson } from "@/components/fetch-json";
import { Alert, buttonClass } from "@/components/ui";
import { Replay } from "./replay";

type MatchRow = { id: string; number: number; teamAId: string; teamBId: string; winner: number | null; winsA: number; winsB: number; draws: number; seed: number };
export type TournamentState = {
  tournament: { id: string; status: string; seed: number; rounds: number; matchesPerPair: number; total: number };
  done: number;
  standings: (Standing & { rating: Rating })[];
  headToHead: { teamId: string; against: ({ won: number; drawn: number; lost: number } | null)[] }[];
  matches: MatchRow[];
} | null;

type Props = { challengeId: string; editionSlug: string; initial: TournamentState; organizer: boolean };

export function TournamentPanel({ challengeId, editionSlug, initial, organizer }: Props) {
  const [state, setState] = useState(initial);
  const [progress, setProgress] = useState<{ done: number; total: number; etaMs: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replay, setReplay] = useState<{ record: MatchRecord; names: [string, string] } | null>(null);

  const refresh = useCallback(async () => {
    const result = await fetchJson<TournamentState>(`/api/challenges/${challengeId}/tournament`);
    if (result.ok) setState(result.data);
  }, [challengeId]);

  useEffect(() => {
    const source = new EventSource(`/api/editions/${editionSlug}/live`);
    source.addEventListener("arena", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { done: number; total: number; etaMs: number | null; status: string };
      setProgress(data);
      if (data.status === "DONE" || data.done % 5 === 0) void refresh();
    });
    return () => source.close();
  }, [editionSlug, refresh]);

  async function start(formData: FormData) {
    setError(null);
    const body = { rounds: Number(formData.get("rounds")), matchesPerPair: Number(formData.get("perPair")), ...(formData.get("seed") ? { seed: Number(formData.get("seed")) } : {}) };
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
      {organizer && !running && (
        <form action={start} className="flex flex-wrap items-end gap-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
          <label className="text-sm font-semibold">
            Rounds per match
            <input name="rounds" type="number" min={10} max={5000} defaultValue={state?.tournament.rounds ?? 1000} className="mt-1 block w-28 rounded-lg px-3 py-2 ring-1 ring-slate-300" />
          </label>
          <label className="text-sm font-semibold">
            Matches per pair
            <input name="perPair" type="number" min={1} max={9} defaultValue={state?.tournament.matchesPerPair ?? 3} className="mt-1 block w-20 rounded-lg px-3 py-2 ring-1 ring-slate-300" />
          </label>
          <label className="text-sm font-semibold">
            Seed (optional)
            <input name="seed" type="number" min={0} defaultValue={state?.tournament.seed} className="mt-1 block w-36 rounded-lg px-3 py-2 ring-1 ring-slate-300" />
          </label>
          <button type="submit" className={buttonClass("primary")}>
            {state ? "Run the tournament again" : "Run the tournament"}
          </button>
        </form>
      )}
      {total > 0 && (
        <div aria-live="polite">
          <p className="text-sm font-semibold" data-testid="tournament-progress">
            {done} of {total} matches played
            {running && progress?.etaMs ? ` · about ${Math.ceil(progress.etaMs / 1000)} s left` : ""}
            {state?.tournament && ` · seed ${state.tournament.seed}`}
          </p>
          <div className="mt-1 h-3 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label="Tournament progress">
            <div className="h-full bg-indigo-600" style={{ width: `${(done / total) * 100}%` }} />
          </div>
        </div>
      )}
      {state && state.standings.length > 0 && (
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Standings: 3 points a match won, 1 a match drawn</caption>
            <thead className="text-slate-600">
              <tr>
                {["#", "Team", "Played", "Won", "Drawn", "Lost", "Rounds won", "Points", "Rating"].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-3">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="standings">
              {state.standings.map((s) => (
                <tr key={s.teamId}>
                  <td className="py-2 pr-3 font-mono">{s.place}</td>
                  <th scope="row" className="py-2 pr-3 font-semibold">{s.name}</th>
                  <td className="py-2 pr-3">{s.played}</td>
                  <td className="py-2 pr-3">{s.won}</td>
                  <td className="py-2 pr-3">{s.drawn}</td>
                  <td className="py-2 pr-3">{s.lost}</td>
                  <td className="py-2 pr-3">{s.roundsWon}</td>
                  <td className="py-2 pr-3 font-bold">{s.matchPoints}</td>
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums" title="OpenSkill rating: mean ± two standard deviations">
                    {s.rating.mu.toFixed(1)} ± {(2 * s.rating.sigma).toFixed(1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state && state.headToHead.length > 1 && (
        <div className="overflow-x-auto" tabIndex={0}>
          <table className="text-sm">
            <caption className="mb-1 text-left font-semibold">Head to head (matches won–drawn–lost by the row&apos;s team)</caption>
            <thead>
              <tr>
                <td />
                {state.standings.map((s) => (
                  <th key={s.teamId} scope="col" className="px-2 py-1 text-left font-medium">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody data-testid="head-to-head">
              {state.headToHead.map((row, i) => (
                <tr key={row.teamId}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium">{state.standings[i].name}</th>
                  {row.against.map((c, j) => (
                    <td key={j} className="px-2 py-1 font-mono">{i === j ? "—" : c ? `${c.won}–${c.drawn}–${c.lost}` : ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {state && state.matches.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold">All {state.matches.length} matches, with their replays</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {state.matches.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {nameOf(m.teamAId)} {m.winsA}–{m.winsB} {nameOf(m.teamBId)}
                </span>
                <button type="button" className="text-indigo-800 underline" onClick={() => void showReplay(m)}>
                  Replay
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
