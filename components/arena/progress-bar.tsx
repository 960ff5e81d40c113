// A tournament's progress: matches played of the total, and the time left.
export function formatEta(ms: number | null) {
  if (ms === null || ms <= 0) return "";
  const s = Math.ceil(ms / 1000);
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
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
  const eta = done < total ? formatEta(etaMs) : "";
  return (
    <div>
      <p className="text-sm font-semibold" data-testid={testId}>
        {done} of {total} matches played{eta && ` · ${eta}`}
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
