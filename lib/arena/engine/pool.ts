// A pool of worker threads playing matches, one per core. Jobs queue when
// every worker is busy; a worker that dies or hangs (it shouldn't: the
// sandbox enforces the bots' limits) is replaced and its job fails cleanly.
//
// Two classes of jobs share the workers, so that twenty practice matches at
// once can't make everyone wait. A tournament's matches always go before queued
// practice matches (and a bot's check on submission, which is practice too),
// and practice may hold at most `practiceShare` workers (about half, at least
// one), so with two cores or more a tournament always has a worker of its own
// and never waits behind practice. A practice match that can't get a worker
// for `practiceMaxWaitMs` (a tournament running, many people practising) is
// refused with a message instead of holding its request open.
import os from "node:os";
import path from "node:path";
import type { Worker as WorkerType } from "node:worker_threads";
import { DomainError } from "../../platform/errors";
import { msg } from "../../platform/messages";
import type { MatchOptions, MatchRecord } from "./match";
import type { MatchJob } from "./match-worker";

/** "tournament" jobs go first and may use every worker; "practice" jobs (practice matches, submission checks) a bounded share. */
export type MatchPriority = "tournament" | "practice";

type Pending = { job: MatchJob; priority: MatchPriority; resolve: (r: MatchRecord) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | null };
type Slot = { worker: WorkerType; busy: Pending | null; timer: NodeJS.Timeout | null };

/** The most workers practice may hold at once: half the pool, rounded up, at least one (with one worker, a tournament waits for one practice match at most). */
export const practiceShareOf = (size: number) => Math.max(1, Math.ceil(size / 2));
/** How long a practice match may wait for a worker before it is refused with a message. */
export const PRACTICE_MAX_WAIT_MS = 30_000;

export type PoolSettings = { practiceShare?: number; practiceMaxWaitMs?: number };

// Turbopack turns `new Worker(...)` of "node:worker_threads" into a bundled
// worker chunk, but the match worker must run from the sources through tsx:
// the constructor is looked up at run time, out of the bundler's sight.
const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");

/** A match can't take longer than both bots' budgets plus loading; past this the worker is presumed stuck. */
const HANG_MS = 60_000;

// The worker runs the TypeScript sources through tsx, from the project's root:
// outside the bundler, the same in development, production and tests.
const workerFile = () => path.join(process.env.HEXATHON_ROOT ?? process.cwd(), "lib", "arena", "engine", "match-worker.mjs");

export class MatchPool {
  private slots: Slot[] = [];
  private queues: Record<MatchPriority, Pending[]> = { tournament: [], practice: [] };
  private nextId = 1;
  private closed = false;
  private readonly practiceShare: number;
  private readonly practiceMaxWaitMs: number;

  constructor(
    private readonly size = Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
    { practiceShare = practiceShareOf(size), practiceMaxWaitMs = PRACTICE_MAX_WAIT_MS }: PoolSettings = {},
  ) {
    this.practiceShare = Math.max(1, Math.min(size, practiceShare));
    this.practiceMaxWaitMs = practiceMaxWaitMs;
  }

  /** Plays a match on a worker: tournament matches (the default, also the command line's and the benchmark's) before practice. */
  run(scripts: [string, string], options: MatchOptions, priority: MatchPriority = "tournament"): Promise<MatchRecord> {
    if (this.closed) return Promise.reject(new Error("the match pool is closed"));
    return new Promise((resolve, reject) => {
      const pending: Pending = { job: { id: this.nextId++, scripts, options }, priority, resolve, reject, timer: null };
      this.queues[priority].push(pending);
      if (priority === "practice") {
        pending.timer = setTimeout(() => {
          const queue = this.queues.practice;
          if (!queue.includes(pending)) return;
          queue.splice(queue.indexOf(pending), 1);
          reject(new DomainError("RATE_LIMITED", msg("arena.practice.workersBusy")));
        }, this.practiceMaxWaitMs);
        pending.timer.unref();
      }
      this.dispatch();
    });
  }

  /** What the workers are doing: matches running and waiting, by class. */
  load() {
    const running = (priority: MatchPriority) => this.slots.filter((s) => s.busy?.priority === priority).length;
    return {
      running: { tournament: running("tournament"), practice: running("practice") },
      queued: { tournament: this.queues.tournament.length, practice: this.queues.practice.length },
    };
  }

  private spawn(): Slot {
    // a native stack far larger than the engine's own limit: a bot recursing without end hits QuickJS's "stack overflow", not V8's
    const worker = new Worker(workerFile(), { resourceLimits: { stackSizeMb: 64 } });
    const slot: Slot = { worker, busy: null, timer: null };
    worker.on("message", (message: { id: number; record?: MatchRecord; error?: string }) => {
      const pending = slot.busy;
      if (!pending || pending.job.id !== message.id) return;
      this.release(slot);
      if (message.record) pending.resolve(message.record);
      else pending.reject(new Error(message.error ?? "the match failed"));
    });
    const fail = (error: Error) => {
      const pending = slot.busy;
      this.slots = this.slots.filter((s) => s !== slot);
      if (slot.timer) clearTimeout(slot.timer);
      pending?.reject(error);
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => code !== 0 && fail(new Error(`a match worker stopped (exit code ${code})`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private release(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    this.dispatch();
  }

  /** The next job to start: a tournament's first, then practice while it holds fewer than its share of the workers. */
  private next(): Pending | undefined {
    if (this.queues.tournament.length) return this.queues.tournament.shift();
    if (this.queues.practice.length && this.load().running.practice < this.practiceShare) return this.queues.practice.shift();
    return undefined;
  }

  private dispatch() {
    while (!this.closed && (this.queues.tournament.length || this.queues.practice.length)) {
      const free = this.slots.find((s) => !s.busy);
      if (!free && this.slots.length >= this.size) return;
      const pending = this.next();
      if (!pending) return;
      if (pending.timer) clearTimeout(pending.timer);
      const slot = free ?? this.spawn();
      slot.busy = pending;
      slot.timer = setTimeout(() => void slot.worker.terminate(), HANG_MS);
      slot.worker.postMessage(pending.job);
    }
  }

  async close() {
    this.closed = true;
    for (const pending of [...this.queues.tournament, ...this.queues.practice]) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.reject(new Error("the match pool is closed"));
    }
    this.queues = { tournament: [], practice: [] };
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

const globalForPool = globalThis as unknown as { hexathonMatchPool?: MatchPool };
/** The server's one pool. */
export function matchPool(): MatchPool {
  return (globalForPool.hexathonMatchPool ??= new MatchPool());
}
