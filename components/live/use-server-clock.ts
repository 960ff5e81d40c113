"use client";
// This device's estimate of the server's clock: at least five round trips to
// /api/time, the slow ones dropped (lib/stage/clock-sync.ts). Re-estimated when the
// page becomes visible again (a laptop waking up) and when asked (after a
// reconnection), since clocks drift and networks change.
import { useCallback, useEffect, useRef, useState } from "react";
import { estimateOffset, MIN_SAMPLES, type ClockSample } from "@/lib/stage/clock-sync";

const ROUND_TRIPS = 7;

async function sample(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const response = await fetch("/api/time", { cache: "no-store" });
    const { now } = (await response.json()) as { now?: unknown };
    // a refusal in JSON (503 while the server is unwell) has no time: this sample is lost, not NaN
    if (!response.ok || typeof now !== "number") return null;
    return { sentAt, serverTime: now, receivedAt: Date.now() };
  } catch {
    return null;
  }
}

export function useServerClock() {
  const [offsetMs, setOffsetMs] = useState(0);
  const [synced, setSynced] = useState(false);
  const running = useRef(false);

  const resync = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      const samples: ClockSample[] = [];
      for (let i = 0; i < ROUND_TRIPS; i++) {
        const s = await sample();
        if (s) samples.push(s);
      }
      const estimate = estimateOffset(samples, MIN_SAMPLES);
      if (estimate) {
        setOffsetMs(estimate.offsetMs);
        setSynced(true);
      }
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    void resync();
    const onVisible = () => document.visibilityState === "visible" && void resync();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onVisible);
    };
  }, [resync]);

  return { offsetMs, synced, resync };
}
