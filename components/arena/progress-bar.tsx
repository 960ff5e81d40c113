// A tournament's progress: matches played of the total, and the time left.
import { useTranslations } from "next-intl";

/** Words the time left in the reader's language: one of the "arena.progress" messages with its count. */
type EtaText = (key: "etaSeconds" | "etaMinutes", count: number) => string;

/** "about 40 s left", "about 3 min left" */
export function formatEta(ms: number | null, text: EtaText) {
  if (ms === null || ms <= 0) return "";
  const s = Math.ceil(ms / 1000);
  return s < 90 ? text("etaSeconds", s) : text("etaMinutes", Math.round(s / 60));
}

export function TournamentProgressBar({
  done,
  total,
  etaMs,
  label,
  testId,
}: {
  done: number;
  total: number;
  etaMs: number | null;
  label: string;
  testId?: string;
}) {
  const t = useTranslations("arena.progress");
  const eta = done < total ? formatEta(etaMs, (key, count) => t(key, { count })) : "";
  return (
    <div>
      <p className="text-sm font-semibold" data-testid={testId}>
        {t("played", { done, total })}
        {eta && ` · ${eta}`}
      </p>
      <div
        className="mt-1 h-3 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={label}
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
    </div>
  );
}
