"use client";
// One of the server's live streams (Server-Sent Events), for as long as the
// component is mounted.
//
// EventSource reconnects by itself when a stream drops (after the server's
// `retry`), but gives up for good when an answer isn't a stream: a 502 from
// the load balancer while an instance restarts, a 503 while the database is
// away. A screen left on a projector must always come back, so a stream given
// up is opened again after a back-off (with jitter, so a room of phones
// doesn't knock all at once). Every (re)connection starts with the state as
// it is, so nothing missed meanwhile stays missed.
import { useEffect, useRef } from "react";

/** What to do with each event type's data (parsed JSON). */
// `never` lets each handler name its own data type
export type StreamHandlers = Record<string, (data: never) => void>;
export type StreamOptions = {
  /** the stream is (again) open */
  onOpen?: () => void;
  /** the stream dropped; it is being opened again */
  onError?: () => void;
};

export const REOPEN_MS = { first: 1_000, max: 15_000 };

export function useEventStream(url: string, handlers: StreamHandlers, options: StreamOptions = {}): void {
  // the latest handlers without opening the stream again at each render
  const latest = useRef({ handlers, options });
  useEffect(() => {
    latest.current = { handlers, options };
  });
  const types = Object.keys(handlers).sort().join(" ");

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let backoff = REOPEN_MS.first;
    let unmounted = false;
    const open = () => {
      const current = new EventSource(url);
      source = current;
      for (const type of types.split(" ").filter(Boolean))
        current.addEventListener(type, (event) => latest.current.handlers[type]?.(JSON.parse((event as MessageEvent<string>).data) as never));
      current.onopen = () => {
        backoff = REOPEN_MS.first;
        latest.current.options.onOpen?.();
      };
      current.onerror = () => {
        latest.current.options.onError?.();
        if (unmounted || current.readyState !== EventSource.CLOSED) return; // the browser is reconnecting by itself
        timer = setTimeout(open, backoff * (0.75 + Math.random() / 2));
        backoff = Math.min(backoff * 2, REOPEN_MS.max);
      };
    };
    open();
    return () => {
      unmounted = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [url, types]);
}
