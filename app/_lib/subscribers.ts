// The subscribers to domain events (lib/platform/events.ts), registered once
// when the server starts (app/_lib/start.ts): the one place where what
// happened in lib/ becomes work for the web side.
import { getDb } from "@/lib/platform/db";
import { subscribe } from "@/lib/platform/events";
import { liveUpdates } from "./live-updates";
import { expireCachedPages } from "./revalidate";

export function registerSubscribers() {
  // open pages first: a projector shouldn't wait for the cache
  subscribe("live updates", liveUpdates(getDb()));
  subscribe("cache expiry", expireCachedPages);
}
