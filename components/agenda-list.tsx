// The edition's agenda, by day, in the edition's timezone, with what is on now
// and what comes next highlighted.
import { agendaStatuses, type AgendaStatus } from "@/lib/agenda";
import { dayKeyInZone, formatInZone, formatTime } from "@/lib/time";
import { Badge, EmptyState, cx } from "./ui";

type Item = { id: string; title: string; startsAt: Date; endsAt: Date | null; location: string; description: string };

const rowStyle: Record<AgendaStatus, string> = {
  past: "text-slate-600",
  now: "bg-amber-50 ring-2 ring-amber-400",
  next: "bg-indigo-50 ring-1 ring-indigo-300",
  later: "",
};

export function AgendaList({ items, timezone, now }: { items: Item[]; timezone: string; now: Date }) {
  if (items.length === 0) return <EmptyState>The organizers have not published the agenda yet.</EmptyState>;
  const statuses = agendaStatuses(items, now);
  const days = new Map<string, Item[]>();
  for (const item of items) {
    const key = dayKeyInZone(item.startsAt, timezone);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  return (
    <div className="space-y-4">
      {[...days.entries()].map(([day, dayItems]) => (
        <section key={day} aria-label={formatInZone(dayItems[0].startsAt, timezone, { hour: undefined, minute: undefined, weekday: "long" })}>
          <h3 className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
            {formatInZone(dayItems[0].startsAt, timezone, { hour: undefined, minute: undefined, weekday: "long" })}
          </h3>
          <ol className="space-y-1">
            {dayItems.map((item) => {
              const status = statuses.get(item.id) ?? "later";
              return (
                <li
                  key={item.id}
                  className={cx("flex flex-wrap items-baseline gap-x-3 rounded-lg px-3 py-2", rowStyle[status])}
                  aria-current={status === "now" ? "true" : undefined}
                >
                  <time dateTime={item.startsAt.toISOString()} className="w-14 font-mono text-sm font-semibold tabular-nums">
                    {formatTime(item.startsAt, timezone)}
                  </time>
                  <span className="font-medium">{item.title}</span>
                  {item.location && <span className="text-sm text-slate-600">· {item.location}</span>}
                  {status === "now" && <Badge tone="amber">Now</Badge>}
                  {status === "next" && <Badge tone="indigo">Next</Badge>}
                  {item.description && <p className="basis-full pl-[4.25rem] text-sm text-slate-700">{item.description}</p>}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <p className="text-xs text-slate-600">Times are in {timezone.replace(/_/g, " ")} time.</p>
    </div>
  );
}
