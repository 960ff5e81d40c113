// What is happening now and what comes next, for the agenda and the edition
// page's countdown. Pure functions of the items and the current instant.

export type AgendaEntry = { id: string; title: string; startsAt: Date; endsAt: Date | null };
export type AgendaStatus = "past" | "now" | "next" | "later";

/**
 * An item is "now" from its start until its end (or, without an end, until the
 * next item starts; a last item without an end lasts an hour). The first item
 * starting after `now` is "next".
 */
export function agendaStatuses<T extends AgendaEntry>(items: T[], now: Date): Map<string, AgendaStatus> {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const result = new Map<string, AgendaStatus>();
  let nextFound = false;
  sorted.forEach((item, i) => {
    const start = item.startsAt.getTime();
    const end = effectiveEnd(sorted, i).getTime();
    const t = now.getTime();
    if (t >= start && t < end) result.set(item.id, "now");
    else if (t >= end) result.set(item.id, "past");
    else if (!nextFound) {
      result.set(item.id, "next");
      nextFound = true;
    } else result.set(item.id, "later");
  });
  return result;
}

function effectiveEnd(sorted: AgendaEntry[], i: number): Date {
  const item = sorted[i];
  if (item.endsAt) return item.endsAt;
  const following = sorted.slice(i + 1).find((o) => o.startsAt.getTime() > item.startsAt.getTime());
  return following ? following.startsAt : new Date(item.startsAt.getTime() + 60 * 60 * 1000);
}

export type Milestone = { label: string; at: Date };

/** The edition's next milestone after `now`: hacking starts, presentations start, the end. */
export function nextMilestone(
  edition: { hackingStartsAt: Date; presentationsStartAt: Date; endsAt: Date },
  now: Date,
): Milestone | null {
  const milestones: Milestone[] = [
    { label: "Hacking starts", at: edition.hackingStartsAt },
    { label: "Presentations start", at: edition.presentationsStartAt },
    { label: "The hackathon ends", at: edition.endsAt },
  ];
  return milestones.find((m) => m.at.getTime() > now.getTime()) ?? null;
}

/** "1 d 02:03:04" / "02:03:04" / "03:04": a countdown that reads well on a wall and in a screen reader. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (days > 0) return `${days} d ${pad(h)}:${pad(m)}:${pad(s)}`;
  if (h > 0) return `${pad(h)}:${pad(m)}:${pad(s)}`;
  return `${pad(m)}:${pad(s)}`;
}
