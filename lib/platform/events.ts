// Domain events: what happened, said once by the command that did it, after
// its transaction committed. Commands don't know who listens. Subscribers are
// registered at the server's start-up in one place of app/ (app/_lib/
// subscribers.ts), which turns events into live updates and cache expiry
// today, and later into notifications and webhooks, without touching lib/.
//
// The registry lives on globalThis: Next.js bundles the start-up hook and the
// routes separately, and both must see the same subscribers.

import { randomUUID } from "node:crypto";
import { log } from "./log";

/** The events, by name. Each says which edition it concerns (its pages show the change). */
export const EVENT_TYPES = [
  "edition.created",
  /** title, number, dates, settings */
  "edition.updated",
  "phase.changed",
  "agenda.changed",
  /** proposed, edited, approved, rejected, merged, interest shown */
  "topics.changed",
  /** formed, joined, left, renamed, people moved */
  "teams.changed",
  /** set up, opened, closed, answered, scored */
  "challenges.changed",
  /** defined, deleted, voted by the jury, awarded */
  "prizes.changed",
  /** the vote opened or closed (the phase changes with it) */
  "vote.opened",
  "vote.closed",
  /** the podium revealed (or hidden again) step by step */
  "podium.revealed",
  /** ballots voided, or a void restored: revealed results change */
  "ballots.voided",
  "article.published",
  "article.unpublished",
  /** the timer, the team on stage, the running order or the slot's length (open screens only: no cached page shows it) */
  "stage.changed",
  /** a ballot was cast or replaced: the count changes (open screens only) */
  "ballot.cast",
  /** tracks set up, opened, paused; judges seated; judgments recorded or withdrawn (organizers' and judges' screens only) */
  "judging.changed",
  /** a track's results published or hidden again: the edition's pages show them */
  "judging.published",
  /** a tournament played matches, or finished (open screens only; its points come with challenges.changed) */
  "tournament.progressed",
  /** an article sent to the organizers for review, or sent back to its authors (no public page shows it: notifications only) */
  "article.review",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Events that change no page anyone keeps open or cached: they are news for notifications alone. */
export const NOTIFICATION_EVENTS: readonly EventType[] = ["article.review"];

/** Who changed which teams, and how: the members of those teams hear of it. */
export type TeamChange = {
  what: "formed" | "joined" | "left" | "moved" | "renamed";
  /** who did it */
  actorId: string;
  /** who joined, left or was moved (formed: the people brought along) */
  personIds: string[];
  /** the teams concerned: the one formed, joined, left, renamed; moved: from and to */
  teamIds: string[];
};

/** Where a published article is (and was, when it replaced or left an address). */
export type ArticlePage = { slug: string; editionNumber: number };

/** How far a running tournament is: matches played of those scheduled so far, and the time left at the pace so far. */
export type TournamentProgress = { tournamentId: string; status: string; done: number; total: number; etaMs: number | null };

export type DomainEvent = (
  | {
      type: Exclude<
        EventType,
        | "article.published"
        | "article.unpublished"
        | "tournament.progressed"
        | "phase.changed"
        | "topics.changed"
        | "teams.changed"
        | "article.review"
        | "challenges.changed"
      >;
      editionId: string;
    }
  | { type: "article.published" | "article.unpublished"; editionId: string; pages: ArticlePage[] }
  | { type: "tournament.progressed"; editionId: string; progress: TournamentProgress }
  | { type: "phase.changed"; editionId: string; phase: string }
  /**
   * `proposed`: the topic a person just proposed; `interest`: someone showed interest in a topic;
   * `reviewed`: an organizer approved, rejected or merged a topic. Each is news for someone; other changes are not.
   */
  | {
      type: "topics.changed";
      editionId: string;
      proposed?: string;
      interest?: { topicId: string; userId: string };
      reviewed?: { topicId: string; actorId: string };
    }
  | { type: "teams.changed"; editionId: string; change?: TeamChange }
  /** `opened`: a challenge an organizer opened by hand (one opening at its time is the clock's news) */
  | { type: "challenges.changed"; editionId: string; opened?: string }
  | { type: "article.review"; editionId: string; articleId: string; step: "SUBMITTED" | "CHANGES_REQUESTED"; actorId: string }
) & {
  /** when it was announced (epoch ms, set by announce): how late its live update reaches the pages is measured from it */
  at?: number;
  /** set by announce, the same on every instance that hears it: what is sent about it once is keyed by it */
  id?: string;
};

/**
 * Hears each event; `missed`, if given, catches up when events may have been
 * missed (the connection to the other instances dropped a while).
 */
export type Subscriber = ((event: DomainEvent) => void | Promise<void>) & {
  missed?: () => void | Promise<void>;
  /** hears only the events announced in this process: work done once for the whole cluster (notifications) */
  hereOnly?: boolean;
};

/** Where announced events also go: the other instances sharing the database (lib/platform/cluster.ts). */
export type Relay = (event: DomainEvent) => void;

const REGISTRY = Symbol.for("hexathon.domainEvents");
const RELAY = Symbol.for("hexathon.eventRelay");
type Holder = { [REGISTRY]?: Map<string, Subscriber>; [RELAY]?: Relay | null };
const subscribers = () => ((globalThis as Holder)[REGISTRY] ??= new Map());

/** Sends every event announced in this process to `relay` as well (null: no more). */
export function relayEvents(relay: Relay | null): void {
  (globalThis as Holder)[RELAY] = relay;
}

/**
 * Subscribes under a name: subscribing again under the same name replaces the
 * subscriber (start-up may run twice in development). Returns the function
 * that unsubscribes it, unless it was replaced meanwhile.
 */
export function subscribe(name: string, subscriber: Subscriber): () => void {
  subscribers().set(name, subscriber);
  return () => {
    if (subscribers().get(name) === subscriber) subscribers().delete(name);
  };
}

/**
 * Announces what happened, to the other instances and to every subscriber
 * here in turn. The write it reports has committed: a failing subscriber is
 * logged, never the caller's failure.
 */
export async function announce(event: DomainEvent): Promise<void> {
  const stamped = { ...event, at: event.at ?? Date.now(), id: event.id ?? randomUUID() };
  (globalThis as Holder)[RELAY]?.(stamped);
  await eachSubscriber(`failed on ${event.type}`, (subscriber) => subscriber(stamped));
}

/** Hands another instance's event to this process's subscribers, except those that hear only their own process's. */
export function deliver(event: DomainEvent): Promise<void> {
  return eachSubscriber(`failed on ${event.type}`, (subscriber) => (subscriber.hereOnly ? undefined : subscriber(event)));
}

/** Every subscriber catches up: events from the other instances may have been missed. */
export function eventsMissed(): Promise<void> {
  return eachSubscriber("could not catch up", (subscriber) => subscriber.missed?.());
}

/** Runs `work` for each subscriber in turn; a failing one is logged, and the others still run. */
async function eachSubscriber(failure: string, work: (subscriber: Subscriber) => void | Promise<void>): Promise<void> {
  for (const [name, subscriber] of subscribers()) {
    try {
      await work(subscriber);
    } catch (error) {
      log().error({ err: error }, `the ${name} subscriber ${failure}`);
    }
  }
}
