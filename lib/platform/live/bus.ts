// The one publish/subscribe module for live updates (the stage timer, the
// ballot count, the results, the leaderboard, a tournament's progress), which
// app/_lib/live-updates.ts publishes from the domain events. In-process: every page
// of one server process subscribes here. A multi-instance deployment swaps in
// a backend with the same interface (PostgreSQL LISTEN/NOTIFY: publish =
// NOTIFY, one LISTEN connection per process fanning out to local
// subscribers) without touching pages or routes.

import { log } from "../log";

export type LiveEvent = {
  /** the SSE event name, e.g. "stage" or "ballots" */
  type: string;
  /** increases per channel, so a reconnecting page can tell what it missed */
  id?: number;
  data: unknown;
};

export type Listener = (event: LiveEvent) => void;

export interface LiveBus {
  publish(channel: string, event: LiveEvent): void;
  /** Returns the function that unsubscribes; calling it twice is harmless. */
  subscribe(channel: string, listener: Listener): () => void;
  /** Live subscriptions, on one channel or in all: what leak tests and benchmarks watch. */
  subscriberCount(channel?: string): number;
  /** The channels someone listens on now. */
  activeChannels(): string[];
}

export class InProcessBus implements LiveBus {
  private channels = new Map<string, Set<Listener>>();

  publish(channel: string, event: LiveEvent) {
    const listeners = this.channels.get(channel);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        log().error({ err: error }, "live listener failed"); // one broken page must not stop the others
      }
    }
  }

  subscribe(channel: string, listener: Listener) {
    let listeners = this.channels.get(channel);
    if (!listeners) this.channels.set(channel, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      const current = this.channels.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.channels.delete(channel);
    };
  }

  activeChannels() {
    return [...this.channels.keys()];
  }

  subscriberCount(channel?: string) {
    if (channel) return this.channels.get(channel)?.size ?? 0;
    let total = 0;
    for (const listeners of this.channels.values()) total += listeners.size;
    return total;
  }
}

// One bus per process, whichever bundle (route handler, server action) asks.
const globalForBus = globalThis as unknown as { hexathonLiveBus?: LiveBus };
export function liveBus(): LiveBus {
  return (globalForBus.hexathonLiveBus ??= new InProcessBus());
}

/** "edition:<id>:<feed>" → its edition and feed (null for another kind of channel). */
export function parseChannel(channel: string): { editionId: string; feed: keyof typeof channels } | null {
  const match = /^edition:(.+):(stage|vote|leaderboard|arena|judging)$/.exec(channel);
  return match ? { editionId: match[1], feed: match[2] as keyof typeof channels } : null;
}

export const channels = {
  stage: (editionId: string) => `edition:${editionId}:stage`,
  vote: (editionId: string) => `edition:${editionId}:vote`,
  leaderboard: (editionId: string) => `edition:${editionId}:leaderboard`,
  arena: (editionId: string) => `edition:${editionId}:arena`,
  /** "judging changed": judges' and organizers' pages read again (what changed is theirs to see, not the stream's) */
  judging: (editionId: string) => `edition:${editionId}:judging`,
};
