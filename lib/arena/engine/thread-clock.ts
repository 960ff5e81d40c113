// The time a bot's move is judged on. Wall-clock time charges a bot for
// whatever else the machine does: on a loaded host (a test run, a build) a
// well-behaved bot whose thread merely waited its turn for the CPU was
// forfeited. On Linux each thread's own CPU time is in
// /proc/thread-self/schedstat (nanoseconds; Node 20 has no per-thread CPU
// clock of its own), so a call that ran long on the wall clock is judged on
// the CPU its thread really used. Elsewhere, the wall clock, as before.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/**
 * How far the kernel's figure may lag behind the running thread (it is
 * brought up to date at the scheduler's ticks: 4 ms at 250 Hz, 10 ms at
 * 100 Hz): a call is charged this much more, so a bot can't win time from the
 * lag on the common kernels (on a 100 Hz one it may win up to 5 ms).
 */
export const CPU_CLOCK_LAG_MS = 5;
/** Calls shorter than this on the wall clock are charged their wall time (no system call): nearly every move. */
const CHECK_CPU_AFTER_MS = 1;
/** A call past this many times its budget on the wall clock fails whatever the CPU figure says (a backstop). */
const WALL_BACKSTOP = 20;
const SCHEDSTAT = "/proc/thread-self/schedstat";

function readCpuMs(): number | null {
  try {
    const text = readFileSync(SCHEDSTAT, "latin1");
    const ns = Number(text.slice(0, text.indexOf(" ")));
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null; // not Linux, or /proc not mounted
  }
}

// per thread (each worker has its own module instance): whether the figure can be trusted here
let available: boolean | undefined;

/** Once per thread: the figure exists and moves while the thread computes (some kernels report zeros). */
function checkAvailable(): boolean {
  const start = readCpuMs();
  if (start === null) return false;
  const giveUp = performance.now() + 50; // several scheduler ticks
  for (;;) {
    const now = readCpuMs();
    if (now === null) return false;
    if (now > start) return true;
    if (performance.now() > giveUp) return false;
  }
}

/** CPU time this thread has run, in ms; null where the system doesn't say. */
export function threadCpuMs(): number | null {
  available ??= checkAvailable();
  return available ? readCpuMs() : null;
}

/**
 * A reading of this thread's CPU time taken at most this long ago (wall
 * clock) stands for "now" at the start of a call: a system call per move
 * would cost the arena a tenth of its speed (moves take microseconds). The
 * CPU used since that reading is charged to the call too (at most 2 ms more,
 * and never more than its wall time): never less than it used.
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
  // the CPU reading first: the first one on a thread checks the figure (a few ms), which isn't the call's time
  private readonly cpuStart = cpuReference(performance.now());
  private readonly wallStart = performance.now();

  constructor(private readonly budgetMs: number) {}

  /** Time on the wall clock since the call began, ms. */
  get wallMs() {
    return performance.now() - this.wallStart;
  }

  /**
   * The time the call is charged (to its move and to the match's budget): the
   * wall clock for a short call (the common case: no system call); past that,
   * the CPU its thread used (plus the kernel's lag, at most the wall time),
   * so waiting for the CPU isn't charged.
   */
  spentMs(): number {
    const wall = this.wallMs;
    if (wall <= CHECK_CPU_AFTER_MS || this.cpuStart === null) return wall;
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
