"use client";
// The organizer's vote control: the rules (before it opens), open and close,
// the live ballot count, the full results (organizers only), the reveal on
// the projector from third to first, the exports, and where the ballots came
// from (components/vote/ballot-audit.tsx).
import { useCallback, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { fetchJson } from "@/components/fetch-json";
import { useEventStream } from "@/components/live/use-event-stream";
import { useSay } from "@/components/say";
import { Alert, buttonClass } from "@/components/ui";
import { BallotAudit } from "@/components/vote/ballot-audit";
import type { VoteAudit, Results, VoteSettings, VoteSnapshot } from "@/lib/votes/queries";

type Props = {
  editionSlug: string;
  initialVote: VoteSnapshot;
  initialSettings: VoteSettings;
  initialResults: Results;
  initialAudit: VoteAudit;
  /** the edition's time zone, for the audit's times */
  timeZone: string;
  /** "Recommended: one ballot per person (…)" when people can be told apart (SSO, verified accounts), else null */
  signInAdvice: string | null;
  voteUrl: string;
};

export function VoteControl({ editionSlug, initialVote, initialSettings, initialResults, initialAudit, timeZone, signInAdvice, voteUrl }: Props) {
  const t = useTranslations("vote.control");
  const [vote, setVote] = useState(initialVote);
  const [settings, setSettings] = useState(initialSettings);
  const [results, setResults] = useState(initialResults);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/editions/${editionSlug}/vote`;

  // one request at a time: ballots arrive several a second, and each would otherwise start its own
  // computation of the results; a change during a request asks once more after it
  const loading = useRef(false);
  const again = useRef(false);
  const refreshResults = useCallback(async () => {
    if (loading.current) return void (again.current = true);
    loading.current = true;
    try {
      do {
        again.current = false;
        const result = await fetchJson<Results>(base);
        if (result.ok) setResults(result.data as Results);
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, [base]);

  useEventStream(`/api/editions/${editionSlug}/live`, {
    vote: (data: VoteSnapshot) => {
      setVote(data);
      void refreshResults();
    },
  });

  async function act(action: "open" | "close" | "reveal" | "hide") {
    const result = await fetchJson<VoteSnapshot>(base, "POST", { action });
    if (result.ok) {
      setVote(result.data as VoteSnapshot);
      setError(null);
      void refreshResults();
    } else setError(result.message);
  }

  async function saveSettings(formData: FormData) {
    const next: VoteSettings = {
      method: formData.get("method") === "APPROVAL" ? "APPROVAL" : "RANKED",
      picks: Number(formData.get("picks")),
      requireSignIn: formData.get("requireSignIn") === "on",
      audienceWeight: Number(formData.get("audienceWeight")),
      bonusWeight: Number(formData.get("bonusWeight")),
      publicVotePrize: formData.get("publicVotePrize") === "on",
      foldPlusAddresses: formData.get("foldPlusAddresses") === "on",
    };
    setSettings(next); // the form keeps what was typed, even when refused
    const result = await fetchJson<VoteSnapshot>(base, "PATCH", next);
    if (result.ok) {
      setVote(result.data as VoteSnapshot);
      setError(null);
      setNotice(t("rulesSaved"));
    } else {
      setNotice(null);
      setError(result.message);
    }
  }

  const locked = vote.status !== "NOT_OPEN";
  const favourite = [...results.ranking].sort((a, b) => b.audiencePoints - a.audiencePoints)[0];
  const field = "mt-1 block w-24 rounded-lg px-3 py-2 ring-1 ring-slate-300 disabled:bg-slate-100";

  return (
    <div className="space-y-6">
      {error && <Alert>{error}</Alert>}
      {notice && !error && <Alert tone="success">{notice}</Alert>}

      <section aria-labelledby="status-heading" className="rounded-2xl bg-slate-950 p-6 text-white">
        <h2 id="status-heading" className="text-sm font-semibold text-slate-300">
          {t("title")}
        </h2>
        <p className="mt-1 text-3xl font-bold" data-testid="vote-status">
          {t("status", { status: vote.status })}
        </p>
        <p className="mt-1 text-xl" data-testid="ballot-count" aria-live="polite">
          {t("ballotCount", { count: vote.ballots })}
        </p>
        <p className="mt-2 text-sm text-slate-300">
          {t.rich("joinCode", {
            joinCode: vote.joinCode,
            mono: (chunks) => <span className="font-mono text-lg font-bold tracking-widest text-amber-200">{chunks}</span>,
          })}{" "}
          ·{" "}
          <a href={voteUrl} className="underline">
            {voteUrl}
          </a>
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {vote.status !== "OPEN" && (
            <button type="button" className={buttonClass("primary")} onClick={() => void act("open")}>
              {vote.status === "CLOSED" ? t("reopen") : t("open")}
            </button>
          )}
          {vote.status === "OPEN" && (
            <button type="button" className={buttonClass("danger")} onClick={() => void act("close")}>
              {t("close")}
            </button>
          )}
          {vote.status === "CLOSED" && vote.nextRevealPlace !== null && (
            <button type="button" className={buttonClass("primary")} onClick={() => void act("reveal")}>
              {t("reveal", { place: vote.nextRevealPlace })}
            </button>
          )}
          {vote.status === "CLOSED" && vote.revealed.length > 0 && (
            <button type="button" className={buttonClass("secondary")} onClick={() => void act("hide")}>
              {t("hide")}
            </button>
          )}
        </div>
        <p className="mt-3 text-sm text-slate-300">{t("projectorHint")}</p>
      </section>

      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="results-heading" className="min-w-0 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="results-heading" className="text-lg font-bold">
              {t.rich("results.title", { small: (chunks) => <span className="text-sm font-normal text-slate-600">{chunks}</span> })}
            </h2>
            <span className="flex gap-3 text-sm">
              <a href={`${base}/results.csv`} className="font-semibold text-indigo-800 underline">
                {t("results.resultsCsv")}
              </a>
              <a href={`${base}/ballots.csv`} className="font-semibold text-indigo-800 underline">
                {t("results.ballotsCsv")}
              </a>
            </span>
          </div>
          <div className="mt-3 relative overflow-x-auto" tabIndex={0}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("results.caption")}</caption>
              <thead className="text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-2">
                    {t("results.place")}
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    {t("results.team")}
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    {t("results.audience")}
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    {t("results.bonus")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("results.total")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="results">
                {results.ranking.map((r) => (
                  <tr key={r.teamId}>
                    <td className="py-2 pr-2 font-mono">
                      {r.tied ? "=" : ""}
                      {r.place}
                    </td>
                    <th scope="row" className="py-2 pr-2 font-semibold">
                      {r.name}
                    </th>
                    <td className="py-2 pr-2 text-right tabular-nums">{r.audiencePoints}</td>
                    <td className="py-2 pr-2 text-right tabular-nums">{r.bonusPoints}</td>
                    <td className="py-2 text-right font-bold tabular-nums">{r.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Ties results={results} />
          {settings.publicVotePrize && favourite && favourite.audiencePoints > 0 && (
            <p className="mt-3 text-sm text-slate-700">
              {t.rich("results.favourite", { name: favourite.name, points: favourite.audiencePoints, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          )}
        </section>

        <section aria-labelledby="rules-heading" className="min-w-0 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          <h2 id="rules-heading" className="mb-3 text-lg font-bold">
            {t("rules.title")}
          </h2>
          {locked && <p className="mb-3 text-sm text-slate-600">{t("rules.locked")}</p>}
          <form action={saveSettings} className="space-y-3" key={JSON.stringify(settings)}>
            <fieldset disabled={locked} className="space-y-3">
              <legend className="sr-only">{t("rules.title")}</legend>
              <div role="radiogroup" aria-label={t("rules.method")} className="space-y-1">
                <label className="flex items-start gap-2">
                  <input type="radio" name="method" value="RANKED" defaultChecked={settings.method === "RANKED"} className="mt-1 size-4" />
                  <span>{t("rules.ranked")}</span>
                </label>
                <label className="flex items-start gap-2">
                  <input type="radio" name="method" value="APPROVAL" defaultChecked={settings.method === "APPROVAL"} className="mt-1 size-4" />
                  <span>{t("rules.approval")}</span>
                </label>
              </div>
              <label className="block text-sm font-semibold">
                {t("rules.picks")}
                <input name="picks" type="number" min={1} max={10} defaultValue={settings.picks} className={field} />
              </label>
              <div>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="requireSignIn"
                    defaultChecked={settings.requireSignIn}
                    aria-describedby={signInAdvice ? "sign-in-advice" : undefined}
                    className="size-4"
                  />
                  <span>{t("rules.requireSignIn")}</span>
                </label>
                {signInAdvice && (
                  <p id="sign-in-advice" className="mt-1 ml-6 text-sm text-indigo-900" data-testid="sign-in-advice">
                    {signInAdvice}
                  </p>
                )}
                <label className="mt-2 ml-6 flex items-start gap-2 text-sm">
                  <input type="checkbox" name="foldPlusAddresses" defaultChecked={settings.foldPlusAddresses} className="mt-0.5 size-4" />
                  <span>{t("rules.foldPlusAddresses")}</span>
                </label>
              </div>
              <div className="flex gap-4">
                <label className="block text-sm font-semibold">
                  {t("rules.audienceWeight")}
                  <input name="audienceWeight" type="number" min={0} max={100} defaultValue={settings.audienceWeight} className={field} />
                </label>
                <label className="block text-sm font-semibold">
                  {t("rules.bonusWeight")}
                  <input name="bonusWeight" type="number" min={0} max={100} defaultValue={settings.bonusWeight} className={field} />
                </label>
              </div>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="publicVotePrize" defaultChecked={settings.publicVotePrize} className="size-4" />
                <span>{t("rules.publicVotePrize")}</span>
              </label>
              <button type="submit" className={buttonClass("secondary")}>
                {t("rules.save")}
              </button>
            </fieldset>
          </form>
        </section>
      </div>

      <BallotAudit editionSlug={editionSlug} initialAudit={initialAudit} timeZone={timeZone} ballots={vote.ballots} />
    </div>
  );
}

/**
 * Under the results: which places are shared, which tie-break put a team
 * ahead on equal points (and by what figures), and the rule itself.
 */
function Ties({ results }: { results: Results }) {
  const t = useTranslations("vote.control.ties");
  const say = useSay();
  /** "A, B and C" */
  const listOf = (names: string[]) =>
    names.length <= 1 ? (names[0] ?? "") : t("list", { head: names.slice(0, -1).join(", "), last: names[names.length - 1] });
  // teams nobody voted for, with no bonus, share the last place: the table's "=" says enough
  const shared = [...new Set(results.ranking.filter((r) => r.tied && r.total > 0).map((r) => r.place))].map((place) => ({
    place,
    names: results.ranking.filter((r) => r.place === place).map((r) => r.name),
  }));
  // the teams of a shared place carry the same line: say it once, for all of them
  const decided = [...new Set(results.ranking.filter((r) => r.tieBreakNote).map((r) => r.place))].map((place) => {
    const teams = results.ranking.filter((r) => r.place === place);
    return { place, names: teams.map((r) => r.name), note: teams[0].tieBreakNote! };
  });
  return (
    <div className="mt-3 space-y-1 text-sm text-slate-700" data-testid="ties">
      {(shared.length > 0 || decided.length > 0) && (
        <ul className="space-y-1" aria-label={t("label")}>
          {shared.map((s) => (
            <li key={`shared-${s.place}`}>{t.rich("shared", { names: listOf(s.names), place: s.place, strong: (chunks) => <strong>{chunks}</strong> })}</li>
          ))}
          {decided.map((d) => (
            <li key={`decided-${d.place}`}>
              {t.rich("decided", {
                names: listOf(d.names),
                place: d.place,
                shared: d.names.length > 1 ? "yes" : "no",
                note: say(d.note).charAt(0).toLowerCase() + say(d.note).slice(1),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="text-slate-600">{say(results.tieBreakRule)}</p>
    </div>
  );
}
