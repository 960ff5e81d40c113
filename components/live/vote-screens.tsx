"use client";
// What the projector (and the live page) shows around the vote: how to join
// while it is open, with the live ballot count but never the results; then the
// podium, revealed from third to first, with audience and bonus points apart.
import { useTranslations } from "next-intl";
import { useSay } from "@/components/say";
import type { RevealedPlace, VoteSnapshot } from "@/lib/votes/queries";

export function VoteOpenScreen({ vote, voteUrl, qrSvg, projector }: { vote: VoteSnapshot; voteUrl: string; qrSvg?: string; projector: boolean }) {
  const t = useTranslations("display");
  if (!projector) {
    return (
      <div className="space-y-4 text-center">
        <h2 className="text-3xl font-bold">{t("open.title")}</h2>
        <a href={voteUrl} className="inline-flex min-h-14 items-center rounded-xl bg-amber-300 px-8 text-xl font-bold text-slate-950">
          {t("open.voteNow")}
        </a>
        <p className="text-slate-300" data-testid="ballot-count">
          {t("ballotCount", { count: vote.ballots })}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-1 flex-wrap items-center justify-center gap-[4vw]">
      {qrSvg && (
        <div
          className="rounded-2xl bg-white p-[1.5vw] [&_svg]:h-[32vw] [&_svg]:w-[32vw]"
          role="img"
          aria-label={t("open.qrCode", { url: voteUrl })}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
      )}
      <div className="space-y-[1.5vw]">
        <h1 className="text-[5vw] font-bold leading-tight">{t("open.projectorTitle")}</h1>
        <p className="text-[2.2vw] text-slate-300">{t("open.scan")}</p>
        <p className="font-mono text-[2.6vw] font-semibold text-white">{voteUrl.replace(/^https?:\/\//, "").replace(/\/vote\/.*$/, "/vote")}</p>
        <p className="text-[2.2vw] text-slate-300">
          {t.rich("open.typeCode", {
            joinCode: vote.joinCode,
            code: (chunks) => (
              <span className="font-mono text-[4vw] font-bold tracking-widest text-amber-200" data-testid="join-code">
                {chunks}
              </span>
            ),
          })}
        </p>
        <p className="text-[3vw] font-bold" data-testid="ballot-count" aria-live="polite">
          {t("ballotCount", { count: vote.ballots })}
        </p>
      </div>
    </div>
  );
}

export function VoteClosedScreen({ vote, projector }: { vote: VoteSnapshot; projector: boolean }) {
  const t = useTranslations("display");
  if (vote.revealed.length === 0) {
    return (
      <div className="text-center">
        <h1 className={projector ? "text-[5vw] font-bold" : "text-3xl font-bold"}>{t("closed.title")}</h1>
        <p className={projector ? "mt-4 text-[2.5vw] text-slate-300" : "mt-2 text-slate-300"} data-testid="ballot-count">
          {t("closed.ballots", { count: vote.ballots })}
        </p>
      </div>
    );
  }
  return <Podium places={vote.revealed} more={vote.nextRevealPlace !== null} sharedNote={vote.sharedNote ?? null} projector={projector} />;
}

/**
 * The revealed places, first on top, each appearing as it is revealed. Teams
 * sharing a place appear together under it; a team a tie-break put ahead on
 * equal points says which rule decided.
 */
export function Podium({ places, more, sharedNote, projector }: { places: RevealedPlace[]; more: boolean; sharedNote: string | null; projector: boolean }) {
  const t = useTranslations("display.podium");
  const say = useSay();
  const max = Math.max(1, ...places.map((p) => p.total));
  const groups = [...new Set(places.map((p) => p.place))].sort((a, b) => a - b).map((place) => places.filter((p) => p.place === place));
  return (
    <div className="w-full">
      <h1 className={projector ? "mb-[1.5vw] text-[3.5vw] font-bold" : "mb-4 text-3xl font-bold"}>{t("title")}</h1>
      <ol className={projector ? "space-y-[1.2vw]" : "space-y-4"} aria-label={t("label")} data-testid="podium">
        {groups.map((teams) => {
          const { place } = teams[0];
          const shared = teams.length > 1;
          // equal on the whole chain, the teams of a shared place are ahead of the next place by the same rule
          const tieBreakNote = teams[0].tieBreakNote;
          return (
            <li key={place} className="animate-[fadein_0.8s_ease-out]" data-testid={`podium-place-${place}`}>
              <p className={projector ? "text-[2vw] font-semibold text-amber-200" : "text-sm font-semibold text-amber-200"}>
                {t("place", { place, shared: shared ? "yes" : "no", teams: teams.length })}
              </p>
              <ul className={shared ? (projector ? "space-y-[0.6vw]" : "space-y-2") : undefined}>
                {teams.map((p) => (
                  <li key={p.teamId}>
                    <p className={projector ? "text-[3.6vw] font-bold leading-tight" : "text-2xl font-bold"} data-testid={`place-${p.place}`}>
                      {p.name}
                    </p>
                    <div className={`mt-1 flex items-center gap-3 ${projector ? "text-[1.6vw]" : "text-sm"}`}>
                      <div className="flex h-[1.2em] flex-1 overflow-hidden rounded bg-white/10" aria-hidden="true">
                        <div className="h-full bg-indigo-400" style={{ width: `${(p.audiencePoints / max) * 100}%` }} />
                        <div className="h-full bg-amber-300" style={{ width: `${(p.bonusPoints / max) * 100}%` }} />
                      </div>
                      <span className="shrink-0 whitespace-nowrap tabular-nums text-slate-200">
                        {t("points", { total: p.total, audience: p.audiencePoints, bonus: p.bonusPoints })}
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
              {tieBreakNote && (
                <p className={projector ? "mt-[0.4vw] text-[1.6vw] text-amber-100" : "mt-1 text-sm text-amber-100"} data-testid="tie-break">
                  {say(tieBreakNote)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {more && <p className={projector ? "mt-[1.5vw] text-[2vw] text-slate-400" : "mt-4 text-slate-400"}>{t("more")}</p>}
      {sharedNote && (
        <p className={projector ? "mt-[1.5vw] text-[1.6vw] text-slate-200" : "mt-4 text-sm text-slate-200"} data-testid="shared-note">
          {say(sharedNote)}
        </p>
      )}
      <p className={projector ? "mt-[1.5vw] flex gap-6 text-[1.4vw] text-slate-300" : "mt-3 flex flex-wrap gap-4 text-xs text-slate-300"}>
        <span>
          <span className="mr-2 inline-block size-3 rounded-sm bg-indigo-400" aria-hidden="true" />
          {t("audienceVote")}
        </span>
        <span>
          <span className="mr-2 inline-block size-3 rounded-sm bg-amber-300" aria-hidden="true" />
          {t("bonus")}
        </span>
      </p>
    </div>
  );
}
