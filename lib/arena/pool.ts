// A pool of worker threads playing matches, one per core. Jobs queue when
// every worker is busy; a worker that dies or hangs (it shouldn't: the
// sandbox enforces the bots' limits) is replaced and its job fails cleanly.
import os from "node:os";
import path from "node:path";
import type { Worker as WorkerType } from "node:worker_threads";
import type { MatchOptions, MatchRecord } from "./match";
import type { MatchJob } from "./match-worker";

type Pending = { job: MatchJob; resolve: (r: MatchRecord) => void; reject: (e: Error) => void };
type Slot = { worker: WorkerType; busy: Pending | null; timer: NodeJS.Timeout | null };

// Turbopack turns `new Worker(...)` of "node:worker_threads" into a bundled
// worker chunk, but the match worker must run from the sources through tsx:
// the constructor is looked up at run time, out of the bundler's sight.
const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");

/** A match can't take longer than both bots' budgets plus loading; past this the worker is presumed stuck. */
const HANG_MS = 60_000;

// The worker runs the TypeScript sources through tsx, from the project's root:
// outside the bundler, the same in development, production and tests.
const workerFile = () => path.join(process.env.HEXATHON_ROOT ?? process.cwd(), "lib", "arena", "match-worker.mjs");

export class MatchPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) {}

  run(scripts: [string, string], options: MatchOptions): Promise<MatchRecord> {
    if (this.closed) return Promise.reject(new Error("the match pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, scripts, options }, resolve, reject });
      this.dispatch();
    });
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

  private dispatch() {
    while (this.queue.length) {
      const slot = this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      slot.timer = setTimeout(() => void slot.worker.terminate(), HANG_MS);
      slot.worker.postMessage(pending.job);
    }
  }

  async close() {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

const globalForPool = globalThis as unknown as { hexathonMatchPool?: MatchPool };
/** The server's one pool. */
export function matchPool(): MatchPool {
  return (globalForPool.hexathonMatchPool ??= new MatchPool());
}
