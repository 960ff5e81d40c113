// A Server-Sent Events response fed by the live bus. Framework-free (web
// streams), so it is tested without a server.
//
// Designed against the usual traps: proxies and compression buffering the
// stream (no-transform, X-Accel-Buffering), idle connections cut by proxies
// (a comment line every 20 s), and subscriptions leaked by phones that vanish
// (cleanup on abort and on cancel, idempotent).
import type { LiveBus, LiveEvent } from "./bus";
import { log } from "../log";

export const HEARTBEAT_MS = 20_000;
/** How long a browser waits before reconnecting after the stream drops: a restarted server's countdown is back within about a second. */
export const RETRY_MS = 750;

export function formatEvent(event: LiveEvent): string {
  const lines = [`event: ${event.type}`];
  if (event.id !== undefined) lines.push(`id: ${event.id}`);
  for (const line of JSON.stringify(event.data).split("\n")) lines.push(`data: ${line}`);
  return lines.join("\n") + "\n\n";
}

type Options = {
  bus: LiveBus;
  channels: string[];
  /** the current state, sent first: a (re)connecting page is right at once, whatever it missed */
  snapshot: () => Promise<LiveEvent[]>;
  signal: AbortSignal;
  heartbeatMs?: number;
};

// The streams open in this process, closed all at once when it stops.
const OPEN = Symbol.for("hexathon.openStreams");
const openStreams = () => ((globalThis as { [OPEN]?: Set<() => void> })[OPEN] ??= new Set());

/** How many streams are open in this process now (the metrics' gauge). */
export function openStreamCount(): number {
  return openStreams().size;
}

/**
 * Ends every open stream (the server is stopping): each browser reconnects
 * after `retry` (RETRY_MS), through the load balancer to another instance,
 * and gets the state there. Returns how many were ended.
 */
export function closeAllStreams(): number {
  const all = [...openStreams()];
  for (const close of all) close();
  return all.length;
}

export function sseResponse({ bus, channels, snapshot, signal, heartbeatMs = HEARTBEAT_MS }: Options): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the stream is gone
        }
      };
      const unsubscribes = channels.map((channel) => bus.subscribe(channel, (event) => send(formatEvent(event))));
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), heartbeatMs);
      cleanup = () => {
        if (closed) return;
        closed = true;
        openStreams().delete(cleanup);
        clearInterval(heartbeat);
        for (const unsubscribe of unsubscribes) unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed or errored
        }
      };
      if (signal.aborted) return cleanup();
      signal.addEventListener("abort", cleanup);
      openStreams().add(cleanup);
      send(`retry: ${RETRY_MS}\n\n`);
      try {
        for (const event of await snapshot()) send(formatEvent(event));
      } catch (error) {
        log().error({ err: error }, "live snapshot failed");
        cleanup();
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
