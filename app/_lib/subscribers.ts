// The subscribers to domain events (lib/platform/events.ts), registered once
// when the server starts (app/_lib/start.ts): the one place where what
// happened in lib/ becomes work for the web side.
import { queueNewsOfEvent } from "@/lib/notifications/commands";
import { outboxWorker } from "@/lib/notifications/outbox";
import { getDb } from "@/lib/platform/db";
import { subscribe, type Subscriber } from "@/lib/platform/events";
import { liveUpdates } from "./live-updates";
import { expireCachedPages } from "./revalidate";

export function registerSubscribers() {
  // open pages first: a projector shouldn't wait for the cache
  subscribe("live updates", liveUpdates(getDb()));
  subscribe("cache expiry", expireCachedPages);
  subscribe("notifications", notifications(getDb()));
}

/** News to chat channels and webhooks, queued once by the instance where it happened, then sent at once. */
function notifications(db: ReturnType<typeof getDb>): Subscriber {
  const outbox = outboxWorker(db);
  const subscriber: Subscriber = async (event) => {
    if ((await queueNewsOfEvent(db, event)) > 0) outbox.kick();
  };
  subscriber.hereOnly = true;
  return subscriber;
}
