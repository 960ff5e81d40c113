"use client";
// A live countdown to an instant. It renders from the clock on every tick,
// never by counting ticks, so a throttled background tab is right again as
// soon as it is shown.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { formatCountdown } from "@/lib/editions/rules";

export function Countdown({ to, label }: { to: string; label: string }) {
  const t = useTranslations("countdown");
  const target = new Date(to).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const remaining = Math.max(0, target - now);
  return (
    <p className="flex flex-wrap items-baseline gap-x-3">
      <span className="text-sm font-semibold text-indigo-100">{t("in", { label })}</span>
      <time dateTime={to} className="font-mono text-3xl font-bold tabular-nums text-white" suppressHydrationWarning>
        {formatCountdown(remaining)}
      </time>
    </p>
  );
}
