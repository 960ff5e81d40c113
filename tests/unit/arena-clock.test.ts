// A bot's move is judged on its thread's CPU time once past its budget: a
// thread that merely waited (a loaded machine) isn't charged for it; one that
// computed is.
import { describe, expect, it } from "vitest";
import { CallClock, CPU_CLOCK_LAG_MS, threadCpuMs } from "@/lib/arena/engine/thread-clock";

/** Computes until this thread has used `ms` of CPU (however long a loaded machine makes that take, up to 10 s). */
const computeFor = (ms: number) => {
  const start = threadCpuMs()!;
  const giveUp = performance.now() + 10_000;
  for (;;) if (threadCpuMs()! - start >= ms || performance.now() >= giveUp) return threadCpuMs()! - start;
};
/** Blocks this thread without using the CPU, as a thread waiting for a busy machine would. */
const blocked = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe.runIf(process.platform === "linux")("the move clock, on Linux", () => {
  it("reads this thread's CPU time, growing as it computes", () => {
    expect(threadCpuMs()).not.toBeNull();
    const wallStart = performance.now();
    expect(computeFor(30)).toBeGreaterThanOrEqual(30);
    // the figure doesn't run ahead of the wall clock
    expect(performance.now() - wallStart).toBeGreaterThanOrEqual(30 - CPU_CLOCK_LAG_MS);
  });

  it("charges a call that computed past its budget", () => {
    const clock = new CallClock(20);
    computeFor(30);
    expect(clock.exceeded()).toBe(true);
    expect(clock.spentMs()).toBeGreaterThan(20);
  });

  it("doesn't charge a call for time its thread spent waiting", () => {
    const clock = new CallClock(20);
    computeFor(2);
    blocked(80);
    expect(clock.wallMs).toBeGreaterThan(80);
    expect(clock.exceeded()).toBe(false);
    expect(clock.spentMs()).toBeLessThan(20);
  });

  it("charges a call that waited within its budget its CPU too, not its wait (the match's budget adds them up)", () => {
    const clock = new CallClock(1_000);
    blocked(30);
    expect(clock.exceeded()).toBe(false);
    expect(clock.spentMs()).toBeLessThan(15);
  });
});

describe("the move clock, anywhere", () => {
  it("fails a call far past its budget on the wall clock, whatever the CPU figure says", () => {
    const clock = new CallClock(2);
    blocked(60); // more than 20 times the budget
    expect(clock.exceeded()).toBe(true);
  });
});
