// The presentation timer, as pure functions of its state and the current
// instant. The server owns the state; every screen renders from it and from
// its estimate of the server's clock, never by counting ticks.
//
// While running, the state holds the instant the slot ends (endsAt), so any
// screen computes the same remaining time from the same clock; while paused or
// idle it holds the remaining time itself.

export type TimerStatus = "IDLE" | "RUNNING" | "PAUSED";

export type TimerState = {
  status: TimerStatus;
  /** the slot length, in ms (default 5 minutes) */
  slotMs: number;
  /** RUNNING: the instant (ms since epoch) the slot ends */
  endsAt: number | null;
  /** IDLE and PAUSED: what is left, in ms (negative once overrun) */
  remainingMs: number;
};

export const DEFAULT_SLOT_MS = 5 * 60_000;
/** A start is scheduled this far ahead, so that every screen flips at the same instant. */
export const START_LEAD_MS = 400;
/** The countdown turns amber when this much is left. */
export const WARNING_MS = 60_000;

export function idleTimer(slotMs = DEFAULT_SLOT_MS): TimerState {
  return { status: "IDLE", slotMs, endsAt: null, remainingMs: slotMs };
}

/** Remaining time at `now`, negative during overrun. */
export function remainingAt(state: TimerState, now: number): number {
  if (state.status !== "RUNNING" || state.endsAt === null) return state.remainingMs;
  // while running, remainingMs is what was left when it started: during the
  // start's lead time the display holds there instead of showing 5:01
  return Math.min(state.endsAt - now, state.remainingMs);
}

export type TimerCommand = "start" | "pause" | "resume" | "reset" | "add30";

/** The state after a command at `now`. Commands that make no sense in a state leave it as it is (a double click is harmless). */
export function applyTimerCommand(state: TimerState, command: TimerCommand, now: number): TimerState {
  switch (command) {
    case "start":
    case "resume":
      if (state.status === "RUNNING") return state;
      return { ...state, status: "RUNNING", endsAt: now + START_LEAD_MS + state.remainingMs, remainingMs: state.remainingMs };
    case "pause":
      if (state.status !== "RUNNING") return state;
      return { ...state, status: "PAUSED", endsAt: null, remainingMs: remainingAt(state, now) };
    case "reset":
      return idleTimer(state.slotMs);
    case "add30":
      return state.status === "RUNNING" && state.endsAt !== null
        ? { ...state, endsAt: state.endsAt + 30_000, remainingMs: state.remainingMs + 30_000 }
        : { ...state, remainingMs: state.remainingMs + 30_000 };
  }
}

export type TimerTone = "normal" | "warning" | "overrun";

export function timerTone(remainingMs: number): TimerTone {
  if (remainingMs <= 0) return "overrun";
  if (remainingMs <= WARNING_MS) return "warning";
  return "normal";
}

/**
 * "5:00", "0:07", and "+0:12" during overrun. Counting down rounds up, as
 * countdowns do: the display shows 0:00 exactly when time is up, then counts
 * the overrun.
 */
export function formatTimer(remainingMs: number): string {
  const overrun = remainingMs < 0;
  const totalSeconds = overrun ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const text = `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, "0")}`;
  return overrun ? `+${text}` : text;
}

/** How much of the slot is used, 0…1, for the progress bar. */
export function progress(state: TimerState, now: number): number {
  const used = state.slotMs - remainingAt(state, now);
  return Math.min(1, Math.max(0, used / state.slotMs));
}
