import { describe, expect, it } from "vitest";
import {
  DEFAULT_SLOT_MS,
  START_LEAD_MS,
  applyTimerCommand,
  formatTimer,
  idleTimer,
  progress,
  remainingAt,
  timerTone,
  type TimerState,
} from "@/lib/stage/rules";

const T0 = Date.UTC(2030, 0, 17, 15, 0, 0); // Friday 16:00 in Paris
const s = (seconds: number) => seconds * 1000;

/** Applies commands in turn, each at its own instant. */
function run(state: TimerState, ...steps: [Parameters<typeof applyTimerCommand>[1], number][]): TimerState {
  return steps.reduce((current, [command, now]) => applyTimerCommand(current, command, now), state);
}

describe("starting the countdown", () => {
  it("begins with a full five-minute slot, idle", () => {
    const timer = idleTimer();
    expect(timer).toEqual({ status: "IDLE", slotMs: DEFAULT_SLOT_MS, endsAt: null, remainingMs: DEFAULT_SLOT_MS });
    expect(remainingAt(timer, T0 + s(999))).toBe(DEFAULT_SLOT_MS); // an idle timer doesn't move
  });

  it("schedules the start a little ahead so every screen flips at the same instant", () => {
    const running = applyTimerCommand(idleTimer(), "start", T0);
    expect(running.status).toBe("RUNNING");
    expect(running.endsAt).toBe(T0 + START_LEAD_MS + DEFAULT_SLOT_MS);
    // during the lead the screens still show the full slot
    expect(remainingAt(running, T0 + START_LEAD_MS)).toBe(DEFAULT_SLOT_MS);
    expect(remainingAt(running, T0 + START_LEAD_MS + s(60))).toBe(s(240));
  });

  // during the 400 ms lead, endsAt − now exceeds the slot; the display must not show 5:01
  it("keeps showing 5:00 during the start lead instead of jumping to 5:01", () => {
    const running = applyTimerCommand(idleTimer(), "start", T0);
    for (const now of [T0, T0 + 100, T0 + START_LEAD_MS - 1]) expect(formatTimer(remainingAt(running, now))).toBe("5:00");
  });

  it("ignores a second press on start: the countdown is not pushed back", () => {
    const once = applyTimerCommand(idleTimer(), "start", T0);
    const twice = applyTimerCommand(once, "start", T0 + s(3));
    expect(twice).toEqual(once);
    expect(applyTimerCommand(once, "resume", T0 + s(3))).toEqual(once);
  });
});

describe("pausing and resuming", () => {
  it("keeps exactly the time that was left when paused, however long the pause", () => {
    const paused = run(idleTimer(), ["start", T0], ["pause", T0 + START_LEAD_MS + s(100) + 250]);
    expect(paused).toMatchObject({ status: "PAUSED", endsAt: null, remainingMs: s(200) - 250 });
    expect(remainingAt(paused, T0 + s(3600))).toBe(s(200) - 250);
  });

  it("continues from the paused time on resume", () => {
    const pausedAt = T0 + START_LEAD_MS + s(100);
    const resumedAt = pausedAt + s(45);
    const resumed = run(idleTimer(), ["start", T0], ["pause", pausedAt], ["resume", resumedAt]);
    expect(resumed.status).toBe("RUNNING");
    expect(resumed.endsAt).toBe(resumedAt + START_LEAD_MS + s(200));
    expect(remainingAt(resumed, resumedAt + START_LEAD_MS)).toBe(s(200));
  });

  it("ignores a second press on pause", () => {
    const paused = run(idleTimer(), ["start", T0], ["pause", T0 + s(10)]);
    expect(applyTimerCommand(paused, "pause", T0 + s(50))).toEqual(paused);
  });

  it("ignores pause on a timer that was never started", () => {
    const idle = idleTimer();
    expect(applyTimerCommand(idle, "pause", T0)).toEqual(idle);
  });
});

describe("resetting", () => {
  it("returns to a full, idle slot from any state, keeping the slot length", () => {
    const slot = s(420);
    const running = applyTimerCommand(idleTimer(slot), "start", T0);
    const paused = applyTimerCommand(running, "pause", T0 + s(30));
    const overrun = applyTimerCommand(running, "pause", T0 + s(500));
    for (const state of [running, paused, overrun, idleTimer(slot)]) {
      expect(applyTimerCommand(state, "reset", T0 + s(600))).toEqual(idleTimer(slot));
    }
  });
});

describe("adding thirty seconds", () => {
  it("pushes the end of a running slot back by 30 s", () => {
    const running = applyTimerCommand(idleTimer(), "start", T0);
    const later = applyTimerCommand(running, "add30", T0 + s(100));
    expect(later.status).toBe("RUNNING");
    expect(later.endsAt).toBe(running.endsAt! + s(30));
    expect(remainingAt(later, T0 + START_LEAD_MS + s(100))).toBe(s(230));
  });

  it("adds 30 s to a paused timer, which resumes with them", () => {
    const paused = run(idleTimer(), ["start", T0], ["pause", T0 + START_LEAD_MS + s(290)]);
    const more = applyTimerCommand(paused, "add30", T0 + s(400));
    expect(more).toMatchObject({ status: "PAUSED", remainingMs: s(40) });
    const resumed = applyTimerCommand(more, "resume", T0 + s(500));
    expect(remainingAt(resumed, T0 + s(500) + START_LEAD_MS)).toBe(s(40));
  });

  it("adds 30 s to an idle slot before it starts", () => {
    expect(applyTimerCommand(idleTimer(), "add30", T0)).toMatchObject({ status: "IDLE", remainingMs: s(330) });
  });

  it("can bring an overrunning presenter back into their time", () => {
    const running = applyTimerCommand(idleTimer(s(60)), "start", T0);
    const at = T0 + START_LEAD_MS + s(70); // 10 s over
    expect(remainingAt(running, at)).toBe(-s(10));
    expect(remainingAt(applyTimerCommand(running, "add30", at), at)).toBe(s(20));
  });
});

describe("overrun", () => {
  it("counts below zero once the slot is over, running or paused", () => {
    const running = applyTimerCommand(idleTimer(), "start", T0);
    const over = T0 + START_LEAD_MS + DEFAULT_SLOT_MS + s(12);
    expect(remainingAt(running, over)).toBe(-s(12));
    expect(applyTimerCommand(running, "pause", over).remainingMs).toBe(-s(12));
  });
});

describe("formatting the countdown", () => {
  it("shows minutes and seconds", () => {
    expect(formatTimer(s(300))).toBe("5:00");
    expect(formatTimer(s(299))).toBe("4:59");
    expect(formatTimer(s(7))).toBe("0:07");
    expect(formatTimer(s(60))).toBe("1:00");
  });

  it("rounds up while counting down, like countdowns do", () => {
    expect(formatTimer(s(299) + 1)).toBe("5:00"); // 4:59.001 left still reads 5:00
    expect(formatTimer(s(299) + 999)).toBe("5:00");
    expect(formatTimer(s(59) + 1)).toBe("1:00");
    expect(formatTimer(1)).toBe("0:01");
  });

  it("reads 0:00 exactly when time is up", () => {
    expect(formatTimer(0)).toBe("0:00");
  });

  it("counts the overrun with a plus sign, in whole seconds past the end", () => {
    expect(formatTimer(-12_400)).toBe("+0:12");
    expect(formatTimer(-s(12))).toBe("+0:12");
    expect(formatTimer(-s(75))).toBe("+1:15");
    expect(formatTimer(-1)).toBe("+0:00");
  });

  it("shows minutes above ten as they are", () => {
    expect(formatTimer(s(12 * 60))).toBe("12:00");
    expect(formatTimer(s(10 * 60 + 5))).toBe("10:05");
    expect(formatTimer(s(61 * 60))).toBe("61:00");
    expect(formatTimer(-s(11 * 60 + 3))).toBe("+11:03");
  });
});

describe("the countdown's colour", () => {
  it("turns amber at one minute left and red when time is up", () => {
    expect(timerTone(s(300))).toBe("normal");
    expect(timerTone(s(60) + 1)).toBe("normal");
    expect(timerTone(s(60))).toBe("warning");
    expect(timerTone(1)).toBe("warning");
    expect(timerTone(0)).toBe("overrun");
    expect(timerTone(-s(12))).toBe("overrun");
  });

  it("is amber exactly when the display reads 1:00 or less", () => {
    // the colour and the digits agree: "1:00" is amber, "1:01" is not
    expect(formatTimer(s(60))).toBe("1:00");
    expect(timerTone(s(60))).toBe("warning");
    expect(formatTimer(s(60) + 1)).toBe("1:01");
    expect(timerTone(s(60) + 1)).toBe("normal");
  });
});

describe("the progress bar", () => {
  it("is empty before the start, full at the end, and never beyond", () => {
    const idle = idleTimer();
    expect(progress(idle, T0)).toBe(0);
    const running = applyTimerCommand(idle, "start", T0);
    const start = T0 + START_LEAD_MS;
    expect(progress(running, T0)).toBe(0); // during the lead, not below 0
    expect(progress(running, start)).toBe(0);
    expect(progress(running, start + s(150))).toBeCloseTo(0.5);
    expect(progress(running, start + DEFAULT_SLOT_MS)).toBe(1);
    expect(progress(running, start + DEFAULT_SLOT_MS + s(90))).toBe(1); // overrun doesn't overflow
  });

  it("stays at 0 when extra time makes more left than the slot", () => {
    const extended = applyTimerCommand(idleTimer(), "add30", T0);
    expect(progress(extended, T0)).toBe(0);
  });

  it("holds still while paused", () => {
    const paused = run(idleTimer(), ["start", T0], ["pause", T0 + START_LEAD_MS + s(75)]);
    expect(progress(paused, T0 + s(1000))).toBeCloseTo(0.25);
  });
});
