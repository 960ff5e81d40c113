import { liveUpdates } from "@/app/_lib/live-updates";
import type { Db } from "@/lib/platform/db";
import { subscribe } from "@/lib/platform/events";

/** Open screens hear of the writes to `db`, as when the server runs (app/_lib/subscribers.ts). Returns the function that stops it. */
export const hearLiveUpdates = (db: Db) => subscribe("live updates", liveUpdates(db));
