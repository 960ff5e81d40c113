// The subscribers to domain events (lib/platform/events.ts), registered once
// when the server starts (app/_lib/start.ts): the one place where what
// happened in lib/ becomes work for the web side.
import { subscribe } from "@/lib/platform/events";
import { expireCachedPages } from "./revalidate";

export function registerSubscribers() {
  subscribe("cache expiry", expireCachedPages);
}
