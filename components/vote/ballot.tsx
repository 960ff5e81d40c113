"use client";
// The phone ballot: tap your favourite three teams in order (or up to N for
// approval voting), send, done. One-handed: big targets, the send button in
// the thumb's reach at the bottom. On a bad network the choice stays on
// screen (and survives a reload) and the page retries until the server says
// it has the ballot.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useEventStream } from "@/components/live/use-event-stream";

type Team = { id: string; name: string; topic: string | null };
type Status = "NOT_OPEN" | "OPEN" | "CLOSED";
type Props = {
  code: string;
  teams: Team[];
  method: "RANKED" | "APPROVAL";
  picks: number;
  initialStatus: Status;
  requireSignIn: boolean;
  signedIn: boolean;
};
type Sending =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "saved"; teamIds: string[] }
  | { state: "retrying"; message: string }
  | { state: "refused"; message: string };

const draftKey = (code: string) => `hexathon-ballot-${code}`;

export function Ballot({ code, teams, method, picks: maxPicks, initialStatus, requireSignIn, signedIn }: Props) {
  const t = useTranslations("ballot");
  const [picks, setPicks] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>(initialStatus);
  const [ballots, setBallots] = useState<number | null>(null);
  const [sending, setSending] = useState<Sending>({ state: "idle" });
  const [ready, setReady] = useState(false);
  // a tap before the stored ballot arrives wins over it
  const touched = useRef(false);
  const retry = useRef<{ timer: ReturnType<typeof setTimeout> | null; delay: number }>({ timer: null, delay: 1000 });
  const names = new Map(teams.map((t) => [t.id, t.name]));

  // the stored ballot (or an unsent draft) comes back after a reload; this also sets the voting cookie
  useEffect(() => {
    let cancelled = false;
    const draft = localStorage.getItem(draftKey(code));
    fetch(`/api/vote/${code}`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: { status: Status; myBallot: string[] | null; ballots: number } | null) => {
        if (cancelled || !data) return;
        setStatus(data.status);
        setBallots(data.ballots);
        if (touched.current) return;
        if (draft) setPicks(JSON.parse(draft));
        else if (data.myBallot) {
          setPicks(data.myBallot);
          setSending({ state: "saved", teamIds: data.myBallot });
        }
      })
      .catch(() => draft && !cancelled && !touched.current && setPicks(JSON.parse(draft)))
      .finally(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, [code]);

  // the vote's status and the count, live
  useEventStream(`/api/vote/${code}/events`, {
    vote: (data: { status: Status; ballots: number }) => {
      setStatus(data.status);
      setBallots(data.ballots);
    },
  });

  const sendLatest = useRef<(teamIds: string[]) => Promise<void>>(async () => {});
  const send = useCallback(
    async (teamIds: string[]) => {
      if (retry.current.timer) clearTimeout(retry.current.timer);
      setSending({ state: "sending" });
      try {
        const put = () =>
          fetch(`/api/vote/${code}/ballot`, {
            method: "PUT",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ teamIds }),
          });
        let response = await put();
        if (response.status === 403 && !requireSignIn) {
          // no voter card yet (the page's first request was lost) or an outdated one: get one, then send again, once
          const card = await fetch(`/api/vote/${code}`, { cache: "no-store" });
          if (card.status === 429 || card.status >= 500) throw new Error("server busy");
          if (card.ok) response = await put();
        }
        const data = await response.json().catch(() => ({}));
        if (response.ok) {
          localStorage.removeItem(draftKey(code));
          retry.current.delay = 1000;
          setSending({ state: "saved", teamIds: data.ballot?.teamIds ?? teamIds });
          return;
        }
        if (response.status >= 500 || response.status === 429) throw new Error("server busy");
        setSending({ state: "refused", message: data?.error?.message ?? t("refused") });
        // refused: perhaps the vote closed meanwhile (the refusal is in the reader's language: ask the vote itself)
        void fetch(`/api/vote/${code}`, { cache: "no-store" })
          .then((r) => (r.ok ? r.json() : null))
          .then((vote: { status: Status } | null) => vote && setStatus(vote.status))
          .catch(() => {});
      } catch {
        // the network (or the server) is away: keep the choice and try again, a little later each time
        const delay = retry.current.delay;
        retry.current.delay = Math.min(delay * 2, 10_000);
        setSending({ state: "retrying", message: t("retrying", { seconds: Math.round(delay / 1000) }) });
        retry.current.timer = setTimeout(() => void sendLatest.current(teamIds), delay);
      }
    },
    [code, requireSignIn, t],
  );

  useEffect(() => {
    sendLatest.current = send;
  }, [send]);

  useEffect(() => {
    const onOnline = () => {
      const draft = localStorage.getItem(draftKey(code));
      if (draft && retry.current.timer) void send(JSON.parse(draft));
    };
    window.addEventListener("online", onOnline);
    return () => window.removeEventListener("online", onOnline);
  }, [code, send]);

  function toggle(teamId: string) {
    if (status !== "OPEN") return;
    touched.current = true;
    setPicks((current) => {
      const next = current.includes(teamId) ? current.filter((id) => id !== teamId) : current.length < maxPicks ? [...current, teamId] : current;
      localStorage.setItem(draftKey(code), JSON.stringify(next));
      return next;
    });
    setSending((s) => (s.state === "saved" || s.state === "refused" ? { state: "idle" } : s));
  }

  if (requireSignIn && !signedIn) {
    return (
      <p className="rounded-xl bg-white p-5 text-lg ring-1 ring-slate-200">
        {t.rich("signInNeeded", {
          link: (chunks) => (
            <a href={`/signin?callbackUrl=${encodeURIComponent(`/vote/${code}`)}`} className="font-semibold text-indigo-800 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    );
  }

  const full = picks.length >= maxPicks;
  const saved = sending.state === "saved";
  return (
    <div className="pb-40">
      <p className="mb-3 text-slate-700" id="how">
        {status === "OPEN"
          ? method === "RANKED"
            ? t("howRanked", { picks: maxPicks })
            : t("howApproval", { picks: maxPicks })
          : status === "CLOSED"
            ? t("closed")
            : t("notOpen")}
      </p>
      <ul className="space-y-2" aria-describedby="how" aria-label={t("teams")} data-ready={ready}>
        {teams.map((team) => {
          const rank = picks.indexOf(team.id);
          const picked = rank >= 0;
          return (
            <li key={team.id}>
              <button
                type="button"
                onClick={() => toggle(team.id)}
                disabled={status !== "OPEN" || (!picked && full)}
                aria-pressed={picked}
                className={`flex min-h-16 w-full items-center gap-3 rounded-xl px-4 py-3 text-left ring-2 transition-colors disabled:opacity-60 ${picked ? "bg-indigo-700 text-white ring-indigo-700" : "bg-white text-slate-900 ring-slate-200 active:bg-indigo-50"}`}
              >
                <span
                  aria-hidden="true"
                  className={`flex size-10 shrink-0 items-center justify-center rounded-full text-sm font-bold ${picked ? "bg-white text-indigo-800" : "bg-slate-100 text-slate-500"}`}
                >
                  {picked ? (method === "RANKED" ? t("ordinal", { rank: rank + 1 }) : "✓") : ""}
                </span>
                <span className="min-w-0">
                  <span className="block text-lg font-semibold">{team.name}</span>
                  {team.topic && <span className={`block truncate text-sm ${picked ? "text-indigo-100" : "text-slate-600"}`}>{team.topic}</span>}
                </span>
                {picked && method === "RANKED" && <span className="sr-only">{t("yourPick", { rank: rank + 1 })}</span>}
              </button>
            </li>
          );
        })}
      </ul>

      <div className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur">
        <div className="mx-auto max-w-lg space-y-2">
          <div aria-live="polite" className="min-h-6 text-sm">
            {sending.state === "saved" && (
              <p className="font-semibold text-green-800" role="status">
                {t("saved", {
                  ranked: method === "RANKED" ? "yes" : "no",
                  list: sending.teamIds.map((id, i) => t("pickItem", { rank: i + 1, name: names.get(id) ?? "?" })).join(", "),
                })}
              </p>
            )}
            {sending.state === "retrying" && <p className="font-medium text-amber-800">{sending.message}</p>}
            {sending.state === "refused" && (
              <p className="font-medium text-red-700" role="alert">
                {sending.message}
              </p>
            )}
            {sending.state === "idle" && status === "OPEN" && (
              <p className="text-slate-600">
                {t("progress", { picked: picks.length, picks: maxPicks, hasCount: ballots !== null ? "yes" : "no", ballots: ballots ?? 0 })}
              </p>
            )}
          </div>
          <button
            type="button"
            onClick={() => void send(picks)}
            disabled={status !== "OPEN" || picks.length === 0 || sending.state === "sending" || saved}
            className="min-h-14 w-full rounded-xl bg-indigo-700 text-lg font-bold text-white disabled:bg-slate-300 disabled:text-slate-600"
          >
            {sending.state === "sending" ? t("sending") : saved ? t("sent") : sending.state === "retrying" ? t("retryingButton") : t("send")}
          </button>
        </div>
      </div>
    </div>
  );
}
