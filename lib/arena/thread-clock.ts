// The time a bot's move is judged on. Wall-clock time charges a bot for
// whatever else the machine does: on a loaded host (a test run, a build) a
// well-behaved bot whose thread merely waited its turn for the CPU was
// forfeited. On Linux each thread's own CPU time is in
// /proc/thread-self/schedstat (nanoseconds; Node 20 has no per-thread CPU
// clock of its own), so a move that overran the wall clock is judged on the
// CPU its thread really used. Elsewhere, the wall clock, as before.
import { openSync, readSync } from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * How far the kernel's figure may lag behind the running thread (it is
 * brought up to date at the scheduler's ticks: 4 ms at 250 Hz): a move is
 * charged this much more, so a bot can't win time from the lag.
 */
export const CPU_CLOCK_LAG_MS = 5;
/** A move past this many times its budget on the wall clock fails whatever the CPU figure says (a backstop, should that figure stall). */
const WALL_BACKSTOP = 20;

// one per thread (each worker has its own module instance): the file of the thread that opened it
let schedstat: number | null | undefined;
const buffer = Buffer.alloc(64);

/** CPU time this thread has run, in ms; null where the system doesn't say. */
export function threadCpuMs(): number | null {
  if (schedstat === undefined) {
    try {
      schedstat = openSync("/proc/thread-self/schedstat", "r");
    } catch {
      schedstat = null; // not Linux, or /proc not mounted: the wall clock alone
    }
  }
  if (schedstat === null) return null;
  try {
    const length = readSync(schedstat, buffer, 0, buffer.length, 0);
    const text = buffer.toString("latin1", 0, length);
    const ns = Number(text.slice(0, text.indexOf(" ")));
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/**
 * A reading of this thread's CPU time taken at most this long ago (wall
 * clock) stands for "now" at the start of a call: a system call per move
 * would cost the arena a tenth of its speed (moves take microseconds). The
 * CPU used since that reading is charged to the call too: never less than it
 * used, at most 2 ms more.
 */
const REFERENCE_MAX_AGE_MS = 2;
let reference: { wall: number; cpu: number } | null = null;

function cpuReference(now: number): number | null {
  if (reference && now - reference.wall <= REFERENCE_MAX_AGE_MS) return reference.cpu;
  const cpu = threadCpuMs();
  reference = cpu === null ? null : { wall: now, cpu };
  return cpu;
}

/** The clock of one call into a bot (loading it, or one move), against its budget. */
export class CallClock {
  private readonly wallStart = performance.now();
  private readonly cpuStart = cpuReference(this.wallStart);

  constructor(private readonly budgetMs: number) {}

  /** Time on the wall clock since the call began, ms. */
  get wallMs() {
    return performance.now() - this.wallStart;
  }

  /**
   * The time the call is charged: the wall clock while within the budget (the
   * cheap, common case: no system call); past it, the CPU its thread used
   * (plus the kernel's lag), so waiting for the CPU isn't charged.
   */
  spentMs(): number {
    const wall = this.wallMs;
    if (wall <= this.budgetMs || this.cpuStart === null) return wall;
    const cpu = threadCpuMs();
    if (cpu === null) return wall;
    return Math.min(wall, cpu - this.cpuStart + CPU_CLOCK_LAG_MS);
  }

  /** True once the call has used more than its budget. */
  exceeded(): boolean {
    const wall = this.wallMs;
    if (wall <= this.budgetMs) return false;
    if (wall > this.budgetMs * WALL_BACKSTOP) return true;
    return this.spentMs() > this.budgetMs;
  }
}
