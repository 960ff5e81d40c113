import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/platform/log";
import { InProcessBus, channels, liveBus, type LiveEvent } from "@/lib/platform/live/bus";
import { coalesce } from "@/lib/platform/live/coalesce";
import { HEARTBEAT_MS, RETRY_MS, closeAllStreams, formatEvent, sseResponse } from "@/lib/platform/live/sse";

const decoder = new TextDecoder();

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the live bus", () => {
  it("delivers an event to every subscriber of its channel, and only of its channel", () => {
    const bus = new InProcessBus();
    const [a, b, other] = [vi.fn(), vi.fn(), vi.fn()];
    bus.subscribe("edition:1:stage", a);
    bus.subscribe("edition:1:stage", b);
    bus.subscribe("edition:2:stage", other);
    const event: LiveEvent = { type: "stage", id: 4, data: { hello: "world" } };
    bus.publish("edition:1:stage", event);
    expect(a).toHaveBeenCalledExactlyOnceWith(event);
    expect(b).toHaveBeenCalledExactlyOnceWith(event);
    expect(other).not.toHaveBeenCalled();
  });

  it("publishing to a channel nobody follows is harmless", () => {
    expect(() => new InProcessBus().publish("nobody", { type: "stage", data: null })).not.toThrow();
  });

  it("stops delivering after unsubscribe, and unsubscribing twice is harmless", () => {
    const bus = new InProcessBus();
    const [gone, stays] = [vi.fn(), vi.fn()];
    const unsubscribe = bus.subscribe("c", gone);
    bus.subscribe("c", stays);
    unsubscribe();
    unsubscribe();
    expect(bus.subscriberCount("c")).toBe(1);
    bus.publish("c", { type: "x", data: 1 });
    expect(gone).not.toHaveBeenCalled();
    expect(stays).toHaveBeenCalledOnce();
  });

  it("a late second unsubscribe doesn't remove someone who subscribed since", () => {
    const bus = new InProcessBus();
    const unsubscribe = bus.subscribe("c", vi.fn());
    unsubscribe();
    const newcomer = vi.fn();
    bus.subscribe("c", newcomer);
    unsubscribe();
    bus.publish("c", { type: "x", data: 1 });
    expect(newcomer).toHaveBeenCalledOnce();
  });

  it("keeps serving the other pages when one page's listener throws", () => {
    const logged = vi.spyOn(log(), "error").mockImplementation(() => {});
    const bus = new InProcessBus();
    const [before, after] = [vi.fn(), vi.fn()];
    bus.subscribe("c", before);
    bus.subscribe("c", () => {
      throw new Error("this phone's tab is broken");
    });
    bus.subscribe("c", after);
    bus.publish("c", { type: "x", data: 1 });
    expect(before).toHaveBeenCalledOnce();
    expect(after).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalledOnce();
  });

  it("lets a listener unsubscribe itself while an event is being delivered", () => {
    const bus = new InProcessBus();
    const second = vi.fn();
    const unsubscribe = bus.subscribe("c", () => unsubscribe());
    bus.subscribe("c", second);
    bus.publish("c", { type: "x", data: 1 });
    expect(second).toHaveBeenCalledOnce();
    expect(bus.subscriberCount("c")).toBe(1);
  });

  it("counts subscribers per channel and in total, and forgets channels that empty", () => {
    const bus = new InProcessBus();
    const a1 = bus.subscribe("a", vi.fn());
    const a2 = bus.subscribe("a", vi.fn());
    const b1 = bus.subscribe("b", vi.fn());
    expect(bus.subscriberCount("a")).toBe(2);
    expect(bus.subscriberCount("b")).toBe(1);
    expect(bus.subscriberCount("nobody")).toBe(0);
    expect(bus.subscriberCount()).toBe(3);
    a1();
    a2();
    expect(bus.subscriberCount("a")).toBe(0);
    expect(bus.subscriberCount()).toBe(1);
    expect((bus as unknown as { channels: Map<string, unknown> }).channels.has("a")).toBe(false);
    b1();
    expect(bus.subscriberCount()).toBe(0);
    expect((bus as unknown as { channels: Map<string, unknown> }).channels.size).toBe(0);
  });

  it("is one bus per process, with one channel per edition and feature", () => {
    expect(liveBus()).toBe(liveBus());
    expect(channels.stage("e1")).not.toBe(channels.stage("e2"));
    expect(channels.stage("e1")).not.toBe(channels.vote("e1"));
  });
});

describe("coalescing bursts", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2030-01-17T15:00:00Z") });
  });

  it("delivers a single update right away", () => {
    const deliver = vi.fn();
    const push = coalesce(deliver, 1000);
    push(1);
    vi.advanceTimersByTime(0);
    expect(deliver).toHaveBeenCalledExactlyOnceWith(1);
  });

  it("turns 100 updates within one interval into at most two, ending with the latest", () => {
    const deliver = vi.fn();
    const push = coalesce(deliver, 1000);
    for (let i = 1; i <= 100; i++) {
      push(i);
      vi.advanceTimersByTime(9); // 100 ballots in 0.9 s
    }
    vi.advanceTimersByTime(1000);
    expect(deliver.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(deliver.mock.calls.length).toBeLessThanOrEqual(2);
    expect(deliver).toHaveBeenLastCalledWith(100);
  });

  it("delivers a burst pushed all at once as one update with the latest value", () => {
    const deliver = vi.fn();
    const push = coalesce(deliver, 500);
    for (let i = 1; i <= 100; i++) push(i);
    vi.advanceTimersByTime(500);
    expect(deliver).toHaveBeenCalledExactlyOnceWith(100);
  });

  it("under a steady stream, delivers at most once per interval and never loses the last value", () => {
    const deliver = vi.fn();
    const times: number[] = [];
    const push = coalesce((value: number) => {
      times.push(Date.now());
      deliver(value);
    }, 250);
    for (let i = 1; i <= 1000; i++) {
      push(i);
      vi.advanceTimersByTime(3);
    }
    vi.advanceTimersByTime(250);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(250);
    expect(deliver.mock.calls.length).toBeLessThanOrEqual(Math.ceil(3000 / 250) + 1);
    expect(deliver).toHaveBeenLastCalledWith(1000);
    expect(vi.getTimerCount()).toBe(0); // nothing left pending once quiet
  });
});

// ---- Server-Sent Events ----------------------------------------------------

async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string | null> {
  const { value, done } = await reader.read();
  return done ? null : decoder.decode(value);
}

const stageEvent = (version: number, data: unknown = { version }): LiveEvent => ({ type: "stage", id: version, data });

describe("formatting Server-Sent Events", () => {
  it("writes the event name, the id and the JSON data, ending with a blank line", () => {
    expect(formatEvent({ type: "stage", id: 3, data: { current: "Laws of the Universe" } })).toBe(
      'event: stage\nid: 3\ndata: {"current":"Laws of the Universe"}\n\n',
    );
  });

  it("omits the id when there is none, and keeps line breaks inside the data escaped", () => {
    expect(formatEvent({ type: "ballots", data: { note: "two\nlines" } })).toBe('event: ballots\ndata: {"note":"two\\nlines"}\n\n');
  });
});

describe("a live stream", () => {
  it("is served uncached and unbuffered, as an event stream", () => {
    const abort = new AbortController();
    const response = sseResponse({ bus: new InProcessBus(), channels: ["c"], snapshot: async () => [], signal: abort.signal });
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("Cache-Control")).toContain("no-transform");
    expect(response.headers.get("X-Accel-Buffering")).toBe("no");
    abort.abort();
  });

  it("starts with the reconnect delay and the current state, then forwards what is published", async () => {
    const bus = new InProcessBus();
    const abort = new AbortController();
    const response = sseResponse({
      bus,
      channels: ["edition:e:stage", "edition:e:vote"],
      snapshot: async () => [stageEvent(3, { current: "Red" }), { type: "ballots", id: 7, data: { count: 12 } }],
      signal: abort.signal,
    });
    const reader = response.body!.getReader();
    expect(await nextChunk(reader)).toBe(`retry: ${RETRY_MS}\n\n`);
    expect(await nextChunk(reader)).toBe('event: stage\nid: 3\ndata: {"current":"Red"}\n\n');
    expect(await nextChunk(reader)).toBe('event: ballots\nid: 7\ndata: {"count":12}\n\n');
    expect(bus.subscriberCount()).toBe(2);

    bus.publish("edition:e:stage", stageEvent(4, { current: "Blue" }));
    expect(await nextChunk(reader)).toBe('event: stage\nid: 4\ndata: {"current":"Blue"}\n\n');
    bus.publish("edition:e:vote", { type: "ballots", id: 8, data: { count: 13 } });
    expect(await nextChunk(reader)).toBe('event: ballots\nid: 8\ndata: {"count":13}\n\n');
    bus.publish("edition:other:stage", stageEvent(99));

    abort.abort();
    expect(await nextChunk(reader)).toBeNull(); // the edition:other event never came through
    expect(bus.subscriberCount()).toBe(0);
  });

  it("sends a heartbeat comment while nothing happens, so proxies keep the connection", async () => {
    vi.useFakeTimers();
    const bus = new InProcessBus();
    const abort = new AbortController();
    const response = sseResponse({ bus, channels: ["c"], snapshot: async () => [], signal: abort.signal });
    const reader = response.body!.getReader();
    expect(await nextChunk(reader)).toMatch(/^retry:/);
    vi.advanceTimersByTime(HEARTBEAT_MS - 1);
    bus.publish("c", stageEvent(1));
    expect(await nextChunk(reader)).toMatch(/^event: stage/); // nothing else came before
    vi.advanceTimersByTime(1);
    expect(await nextChunk(reader)).toBe(": heartbeat\n\n");
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(await nextChunk(reader)).toBe(": heartbeat\n\n");
    abort.abort();
    expect(await nextChunk(reader)).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("honours a custom heartbeat period", async () => {
    vi.useFakeTimers();
    const abort = new AbortController();
    const response = sseResponse({ bus: new InProcessBus(), channels: ["c"], snapshot: async () => [], signal: abort.signal, heartbeatMs: 50 });
    const reader = response.body!.getReader();
    await nextChunk(reader);
    vi.advanceTimersByTime(50);
    expect(await nextChunk(reader)).toBe(": heartbeat\n\n");
    abort.abort();
  });

  it("subscribes nothing for a request that was already gone", async () => {
    vi.useFakeTimers();
    const bus = new InProcessBus();
    const snapshot = vi.fn(async () => [stageEvent(1)]);
    const abort = new AbortController();
    abort.abort();
    const response = sseResponse({ bus, channels: ["c"], snapshot, signal: abort.signal });
    expect(await nextChunk(response.body!.getReader())).toBeNull();
    expect(bus.subscriberCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(snapshot).not.toHaveBeenCalled();
  });

  it("sends nothing more when the phone leaves while the state is still loading", async () => {
    vi.useFakeTimers();
    const bus = new InProcessBus();
    const abort = new AbortController();
    let answer!: (events: LiveEvent[]) => void;
    const response = sseResponse({ bus, channels: ["c"], snapshot: () => new Promise((resolve) => (answer = resolve)), signal: abort.signal });
    const reader = response.body!.getReader();
    expect(await nextChunk(reader)).toMatch(/^retry:/);
    abort.abort();
    answer([stageEvent(1)]);
    expect(await nextChunk(reader)).toBeNull();
    expect(bus.subscriberCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("closes the stream and unsubscribes when the state can't be loaded", async () => {
    vi.useFakeTimers();
    vi.spyOn(log(), "error").mockImplementation(() => {});
    const bus = new InProcessBus();
    const response = sseResponse({
      bus,
      channels: ["c"],
      snapshot: async () => {
        throw new Error("database down");
      },
      signal: new AbortController().signal,
    });
    const reader = response.body!.getReader();
    expect(await nextChunk(reader)).toMatch(/^retry:/);
    expect(await nextChunk(reader)).toBeNull(); // the browser reconnects after `retry`
    expect(bus.subscriberCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("ends every open stream when the server stops, so each browser reconnects to another instance", async () => {
    const bus = new InProcessBus();
    const readers = Array.from({ length: 3 }, () =>
      sseResponse({ bus, channels: ["c"], snapshot: async () => [], signal: new AbortController().signal }).body!.getReader(),
    );
    for (const reader of readers) expect(await nextChunk(reader)).toBe(`retry: ${RETRY_MS}\n\n`); // how soon they come back
    expect(closeAllStreams()).toBe(3);
    for (const reader of readers) expect(await nextChunk(reader)).toBeNull();
    expect(bus.subscriberCount()).toBe(0);
    expect(closeAllStreams()).toBe(0);
  });

  it("leaks nothing when 5,000 phones connect and leave, by abort or by cancel", async () => {
    vi.useFakeTimers();
    const bus = new InProcessBus();
    const channel = channels.stage("final");
    const count = 5_000;
    const connections = Array.from({ length: count }, (_, i) => {
      const abort = new AbortController();
      const response = sseResponse({ bus, channels: [channel], snapshot: async () => [stageEvent(1)], signal: abort.signal });
      return { i, abort, response };
    });
    expect(bus.subscriberCount(channel)).toBe(count);
    expect(vi.getTimerCount()).toBe(count); // one heartbeat each

    // some phones have read the start of their stream before leaving
    for (const { i, response } of connections) {
      if (i % 10 > 1) continue; // one in five, from both halves
      const reader = response.body!.getReader();
      expect(await nextChunk(reader)).toMatch(/^retry:/);
      reader.releaseLock();
    }
    bus.publish(channel, stageEvent(2));

    // half the connections drop (the request's signal aborts), the other half are cancelled by the reader
    await Promise.all(
      connections.map(async ({ i, abort, response }) => {
        if (i % 2 === 0) abort.abort();
        else await response.body!.cancel();
      }),
    );
    expect(bus.subscriberCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);

    // and nothing wakes up or throws later: publishing and time passing reach no one
    const listener = vi.fn();
    bus.subscribe("other", listener);
    bus.publish(channel, stageEvent(3));
    vi.advanceTimersByTime(HEARTBEAT_MS * 3);
    expect(listener).not.toHaveBeenCalled();
    // cleanup is idempotent: aborting after a cancel changes nothing
    for (const { abort } of connections) abort.abort();
    expect(bus.subscriberCount(channel)).toBe(0);

    // a stream that was aborted reads as finished, with what it had been sent
    const aborted = connections[2].response.body!.getReader();
    let text = "";
    for (let chunk = await nextChunk(aborted); chunk !== null; chunk = await nextChunk(aborted)) text += chunk;
    expect(text).not.toContain(": heartbeat");
    expect(text).toContain("id: 2\n");
    expect(text).not.toContain("id: 3\n");
  }, 10_000);
});
