// Live updates: the domain events that change what open pages show become
// messages on the live bus (lib/platform/live/bus.ts), which the pages' event
// streams relay to projectors and phones. What changes with every ballot,
// score or match goes out at most four times a second per edition, with the
// latest value, however many arrive.
import { bonusLeaderboard } from "@/lib/challenges/leaderboard";
import { editionOrNotFound } from "@/lib/editions/queries";
import type { Db } from "@/lib/platform/db";
import type { DomainEvent, Subscriber } from "@/lib/platform/events";
import { channels, liveBus, parseChannel, type LiveEvent } from "@/lib/platform/live/bus";
import { coalesce } from "@/lib/platform/live/coalesce";
import { metrics } from "@/lib/platform/metrics";
import { stageEvent, stageSnapshot, type EditionLike } from "@/lib/stage/queries";
import { voteEvent, voteSnapshot } from "@/lib/votes/queries";
import { log } from "@/lib/platform/log";

/** The live feeds of an edition: each has its channel on the bus. */
export type LiveFeed = keyof typeof channels;

/** Which live feeds an event changes, and whether it comes in bursts (then coalesced): a plain function a test holds every event to. */
export function liveFeedFor(event: DomainEvent): { feed: LiveFeed; burst: boolean } | null {
  switch (event.type) {
    case "stage.changed":
      return { feed: "stage", burst: false };
    case "vote.opened":
    case "vote.closed":
    case "podium.revealed":
    case "ballots.voided":
      return { feed: "vote", burst: false };
    case "ballot.cast":
      return { feed: "vote", burst: true };
    // scores, answers and a tournament's points: judges and teams in a hurry
    case "challenges.changed":
      return { feed: "leaderboard", burst: true };
    case "tournament.progressed":
      return { feed: "arena", burst: true };
    case "judging.changed":
      return { feed: "judging", burst: true };
    default:
      return null;
  }
}

const BURST_INTERVAL_MS = 250;

/** The feeds whose events carry what changed rather than a state to read. */
type StatefulFeed = Exclude<LiveFeed, "arena" | "judging">;

/**
 * A feed's state as it is now: the first message of every stream (and of
 * every reconnection), and each update. A tournament's progress has no state
 * to start from: it comes with its events.
 */
export async function liveState(db: Db, feed: StatefulFeed, edition: string | EditionLike): Promise<LiveEvent> {
  const editionId = typeof edition === "string" ? edition : edition.id;
  switch (feed) {
    case "stage":
      return stageEvent(await stageSnapshot(db, typeof edition === "string" ? await editionOrNotFound(db, edition) : edition));
    case "vote":
      return voteEvent(await voteSnapshot(db, editionId));
    case "leaderboard":
      return { type: "leaderboard", data: await bonusLeaderboard(db, editionId) };
  }
}

/** The subscriber that tells open pages, reading from `db`. */
export function liveUpdates(db: Db): Subscriber {
  const bursts = new Map<string, (event: DomainEvent) => void>();

  // reads of a feed's state may finish out of order (a slow one under load after a quick later one):
  // a state older than one already published is dropped, or screens would go back to a stale count
  const started = new Map<string, number>();
  const published = new Map<string, number>();
  const publishState = async (feed: StatefulFeed, editionId: string) => {
    const channel = channels[feed](editionId);
    const ticket = (started.get(channel) ?? 0) + 1;
    started.set(channel, ticket);
    const state = await liveState(db, feed, editionId);
    if (ticket < (published.get(channel) ?? 0)) return;
    published.set(channel, ticket);
    liveBus().publish(channel, state);
  };
  const send = async (feed: LiveFeed, event: DomainEvent) => {
    if (feed === "judging") liveBus().publish(channels.judging(event.editionId), { type: "judging", data: { at: event.at ?? Date.now() } });
    else if (feed !== "arena") await publishState(feed, event.editionId);
    else if (event.type === "tournament.progressed") liveBus().publish(channels.arena(event.editionId), { type: "arena", data: event.progress });
    // a burst's update carries its latest event: the delay of the one that waited least
    if (event.at) metrics().liveDelay.observe({ feed }, Math.max(0, Date.now() - event.at) / 1000);
  };

  const subscriber: Subscriber = async (event) => {
    const target = liveFeedFor(event);
    if (!target) return;
    if (!target.burst) return send(target.feed, event);
    // one coalescer per feed and edition (per tournament: two may run at once)
    const key = `${target.feed}:${event.type === "tournament.progressed" ? event.progress.tournamentId : event.editionId}`;
    let deliver = bursts.get(key);
    if (!deliver) {
      deliver = coalesce((latest: DomainEvent) => {
        void send(target.feed, latest).catch((error) => log().error({ err: error }, `could not update the live ${target.feed}`));
      }, BURST_INTERVAL_MS);
      bursts.set(key, deliver);
    }
    deliver(event);
  };
  // events from the other instances may have been missed: every open page hears its feed's state as it is now
  subscriber.missed = async () => {
    for (const channel of liveBus().activeChannels()) {
      const open = parseChannel(channel);
      if (!open) continue;
      // a tournament's next match tells; judging pages hear that something changed
      if (open.feed === "arena") continue;
      if (open.feed === "judging") liveBus().publish(channel, { type: "judging", data: { at: Date.now() } });
      else await publishState(open.feed, open.editionId);
    }
  };
  return subscriber;
}
