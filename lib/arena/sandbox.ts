// One bot, running in its own QuickJS engine compiled to WebAssembly: no
// Node.js, no host object, no I/O, no clock, no timers. A fresh runtime per
// bot per match, so module-level variables last one match, and one bot's
// crash, infinite loop or memory blow-up can't touch the other bot, the
// tournament or the server.
//
// Why QuickJS and not V8 isolates (isolated-vm): see README → "The bot arena".
//
// Determinism: `Date` and the `FinalizationRegistry`/`WeakRef` pair (whose
// timing depends on garbage collection) are removed, and `Math.random`
// throws; the only randomness is `state.random`, on round 0, drawn from the
// match's seed. So a match is fully determined by its seed and its bots.
import { getQuickJS, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from "quickjs-emscripten";

export type BotLimits = {
  /** CPU time for one move, ms */
  moveMs: number;
  /** CPU time for all the moves of a match, ms */
  matchMs: number;
  /** memory of the bot's engine, bytes */
  memoryBytes: number;
  /** the longest value a move may be, characters */
  outputChars: number;
};

export const DEFAULT_LIMITS: BotLimits = { moveMs: 50, matchMs: 5_000, memoryBytes: 32 * 1024 * 1024, outputChars: 64 };

export type MoveResult = { ok: true; move: unknown } | { ok: false; reason: string };

// Runs before the bot's code: what it may not use is gone, or explains itself.
const PRELUDE = `
"use strict";
(() => {
  const noRandom = function random() { throw new Error("randomness is only allowed on round 0: use state.random"); };
  Object.defineProperty(Math, "random", { value: noRandom, writable: false, configurable: false });
  delete globalThis.Date;
  delete globalThis.WeakRef;
  delete globalThis.FinalizationRegistry;
})();
`;

let warmed: ReturnType<typeof getQuickJS> | null = null;

/**
 * The engine, its memory grown once per process before any bot runs. Every
 * sandbox shares the WebAssembly module's memory, which never shrinks: the
 * first bot that allocates a lot would otherwise pay for growing it (tens of
 * milliseconds) and could forfeit a move that takes 10 ms afterwards.
 */
function warmQuickJS() {
  return (warmed ??= getQuickJS().then((QuickJS) => {
    const runtime = QuickJS.newRuntime();
    runtime.setMemoryLimit(DEFAULT_LIMITS.memoryBytes * 2);
    const vm = runtime.newContext();
    const result = vm.evalCode("{ const keep = []; for (let i = 0; i < 200000; i++) keep.push([i, i + 1, { i }]); keep.length; }");
    if (result.error) result.error.dispose();
    else result.value.dispose();
    vm.dispose();
    runtime.dispose();
    return QuickJS;
  }));
}

function describeError(vm: QuickJSContext, handle: QuickJSHandle): string {
  const error = vm.dump(handle) as { name?: string; message?: string } | string;
  handle.dispose();
  if (typeof error === "object" && error) {
    if (error.message === "interrupted") return "interrupted";
    if (error.message === "out of memory") return "out of memory";
    return `${error.name ?? "Error"}: ${error.message ?? String(error)}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}

export class BotSandbox {
  private used = 0;
  private constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly vm: QuickJSContext,
    private readonly round: QuickJSHandle,
    private readonly limits: BotLimits,
  ) {}

  /**
   * Loads a compiled bot, then the game's harness (see games/types.ts), which
   * keeps the game's history inside the engine and calls the bot; a bot that
   * throws while loading fails here with the reason.
   */
  static async create(script: string, harness: string, limits: BotLimits = DEFAULT_LIMITS): Promise<{ ok: true; bot: BotSandbox } | { ok: false; reason: string }> {
    const QuickJS = await warmQuickJS();
    const runtime = QuickJS.newRuntime();
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(512 * 1024);
    const vm = runtime.newContext();
    const deadline = Date.now() + limits.moveMs * 4; // loading may build tables: a little more time
    runtime.setInterruptHandler(() => Date.now() > deadline);
    const fail = (reason: string) => {
      vm.dispose();
      runtime.dispose();
      return { ok: false as const, reason };
    };
    for (const code of [PRELUDE, script]) {
      const result = vm.evalCode(code, "bot.js");
      if (result.error) return fail(loadReason(describeError(vm, result.error), limits));
      result.value.dispose();
    }
    const turn = vm.evalCode(harness, "harness.js");
    if (turn.error) return fail(loadReason(describeError(vm, turn.error), limits));
    return { ok: true, bot: new BotSandbox(runtime, vm, turn.value, limits) };
  }

  /** Asks the bot for a move: the harness gets (round, rounds, random, ...the game's arguments). */
  move(round: number, rounds: number, random: number | undefined, gameArgs: (string | number)[]): MoveResult {
    const { vm, runtime, limits } = this;
    const budget = Math.min(limits.moveMs, limits.matchMs - this.used);
    if (budget <= 0) return { ok: false, reason: `exceeded the match time budget of ${limits.matchMs} ms` };
    const started = performance.now();
    const deadline = Date.now() + budget;
    runtime.setInterruptHandler(() => Date.now() > deadline);
    const args = [
      vm.newNumber(round),
      vm.newNumber(rounds),
      random === undefined ? vm.undefined : vm.newNumber(random),
      ...gameArgs.map((a) => (typeof a === "number" ? vm.newNumber(a) : vm.newString(a))),
    ];
    const result = vm.callFunction(this.round, vm.undefined, ...args);
    for (const a of args) if (a.alive && a !== vm.undefined) a.dispose();
    this.used += performance.now() - started;
    if (result.error) {
      const reason = describeError(vm, result.error);
      if (reason === "interrupted") {
        return { ok: false, reason: budget < limits.moveMs ? `exceeded the match time budget of ${limits.matchMs} ms` : `exceeded ${limits.moveMs} ms` };
      }
      if (reason === "out of memory") return { ok: false, reason: `ran out of memory (${Math.round(limits.memoryBytes / 1024 / 1024)} MB)` };
      return { ok: false, reason: `threw ${reason}` };
    }
    const type = vm.typeof(result.value);
    if (type === "string") {
      // measured inside the engine: an enormous string is refused without being copied out
      const length = vm.getProp(result.value, "length").consume((h) => vm.getNumber(h));
      if (length > limits.outputChars) {
        result.value.dispose();
        return { ok: false, reason: `returned ${length} characters instead of a move` };
      }
    }
    const value = type === "string" || type === "number" ? vm.dump(result.value) : undefined;
    result.value.dispose();
    if (value === undefined) return { ok: false, reason: `returned ${type === "undefined" ? "nothing" : `a ${type}`} instead of a move` };
    return { ok: true, move: value };
  }

  /** CPU time used so far in this match, ms. */
  get timeUsed() {
    return this.used;
  }

  dispose() {
    if (this.round.alive) this.round.dispose();
    this.vm.dispose();
    this.runtime.dispose();
  }
}

function loadReason(reason: string, limits: BotLimits) {
  if (reason === "interrupted") return `took more than ${limits.moveMs * 4} ms to load`;
  if (reason === "out of memory") return `ran out of memory while loading (${Math.round(limits.memoryBytes / 1024 / 1024)} MB)`;
  return `failed to load: ${reason}`;
}
