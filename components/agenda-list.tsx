// The edition's agenda, by day, in the edition's timezone, with what is on now
// and what comes next highlighted.
import { useLocale, useTranslations } from "next-intl";
import { agendaStatuses, type AgendaStatus } from "@/lib/editions/rules";
import { dayKeyInZone, formatInZone, formatTime } from "@/lib/platform/time";
import { Badge, EmptyState, cx } from "./ui";

type Item = { id: string; title: string; startsAt: Date; endsAt: Date | null; location: string; description: string };

const rowStyle: Record<AgendaStatus, string> = {
  past: "text-slate-600",
  now: "bg-amber-50 ring-2 ring-amber-400",
  next: "bg-indigo-50 ring-1 ring-indigo-300",
  later: "",
};

export function AgendaList({ items, timezone, now }: { items: Item[]; timezone: string; now: Date }) {
  const t = useTranslations("agenda");
  const locale = useLocale();
  if (items.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  const statuses = agendaStatuses(items, now);
  const days = new Map<string, Item[]>();
  for (const item of items) {
    const key = dayKeyInZone(item.startsAt, timezone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return (
    <div className="space-y-4">
      {[...days.entries()].map(([day, dayItems]) => (
        <section key={day} aria-label={formatInZone(dayItems[0].startsAt, timezone, { hour: undefined, minute: undefined, weekday: "long" }, locale)}>
          <h3 className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
            {formatInZone(dayItems[0].startsAt, timezone, { hour: undefined, minute: undefined, weekday: "long" }, locale)}
          </h3>
          <ol className="space-y-1">
            {dayItems.map((item) => {
              const status = statuses.get(item.id) ?? "later";
              return (
                <li
                  key={item.id}
                  // the time in its own column: on a phone, the title, place and description wrap beside it, never under it
                  className={cx("grid grid-cols-[3.5rem_minmax(0,1fr)] items-baseline gap-x-3 rounded-lg px-3 py-2", rowStyle[status])}
                  aria-current={status === "now" ? "true" : undefined}
                >
                  <time dateTime={item.startsAt.toISOString()} className="font-mono text-sm font-semibold tabular-nums">
                    {formatTime(item.startsAt, timezone, { locale })}
                  </time>
                  <div className="min-w-0">
                    <span className="font-medium">{item.title}</span>
                    {item.location && <span className="ml-2 text-sm text-slate-600">· {item.location}</span>}
                    {status === "now" && (
                      <span className="ml-2">
                        <Badge tone="amber">{t("now")}</Badge>
                      </span>
                    )}
                    {status === "next" && (
                      <span className="ml-2">
                        <Badge tone="indigo">{t("next")}</Badge>
                      </span>
                    )}
                    {item.description && <p className="text-sm text-slate-700">{item.description}</p>}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <p className="text-xs text-slate-600">{t("timezone", { timezone: timezone.replace(/_/g, " ") })}</p>
    </div>
  );
}
