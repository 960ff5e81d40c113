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
//
// Why a bot fails is a message of lib/ (lib/platform/messages.ts), in any
// reader's language; what the bot's engine said (the error it threw) is the
// program's own text, a value inside it.
import { newQuickJSWASMModule, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from "quickjs-emscripten";
import { CallClock } from "./thread-clock";
import { MESSAGE_MARK, msg } from "../../platform/messages";

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

/**
 * The engine's own stack limit. Deep recursion then ends in QuickJS's
 * "InternalError: stack overflow", which the bot can even catch, as long as
 * the thread's native stack is larger (the match workers have 64 MB: see
 * pool.ts); where it isn't, engineFailure() contains the damage.
 */
const MAX_STACK_BYTES = 512 * 1024;

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

let engine: Promise<QuickJSWASMModule> | null = null;

/**
 * The engine: one WebAssembly instance of QuickJS per process (per worker
 * thread), its memory grown once before any bot runs. Every sandbox shares
 * that memory, which never shrinks: the first bot that allocates a lot would
 * otherwise pay for growing it (tens of milliseconds) and could forfeit a
 * move that takes 10 ms afterwards.
 */
function warmEngine(): Promise<QuickJSWASMModule> {
  return (engine ??= newQuickJSWASMModule().then((QuickJS) => {
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

/**
 * An exception thrown on the host while the engine ran a bot: V8's own stack
 * overflowing under the engine's frames (a deeply nested source or value
 * blows it before QuickJS's own stack limit in a thread with a small stack),
 * or the engine aborting. It leaves that WebAssembly instance in an unknown
 * state (its stack pointer wherever the unwinding left it): it is dropped,
 * never used or freed again, and the next sandbox gets a fresh one.
 */
function engineFailure(error: unknown): string {
  engine = null;
  if (error instanceof RangeError) return msg("arena.forfeit.stackOverflow");
  return msg("arena.forfeit.engineCrashed", { error: String((error as Error)?.message ?? error).slice(0, 120) });
}

/** The bot's own words, never read as a message of lib/ (a bot can throw a text that starts with its mark). */
const ownWords = (text: string) => text.replaceAll(MESSAGE_MARK, "");

function describeError(vm: QuickJSContext, handle: QuickJSHandle): string {
  const error = vm.dump(handle) as { name?: string; message?: string } | string | null;
  if (handle.alive) handle.dispose(); // dump() disposes some values itself (a thrown promise)
  if (typeof error === "object" && error) {
    const message = typeof error.message === "string" ? error.message : "";
    if (message === "out of memory" && error.name === "InternalError") return OUT_OF_MEMORY;
    if (!message && !error.name) return msg("arena.forfeit.notAnError");
    return ownWords(`${error.name ?? "Error"}: ${message}`.slice(0, 300));
  }
  return ownWords(String(error).slice(0, 300));
}
const OUT_OF_MEMORY = "\0out of memory";

/** The memory limit in MB, as the reasons say it ("32"): a string, so that no language groups its digits. */
const megabytes = (limits: BotLimits) => String(Math.round(limits.memoryBytes / 1024 / 1024));

export class BotSandbox {
  private used = 0;
  /** the engine failed under this bot: its runtime can't even be freed */
  private broken = false;
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
  static async create(
    script: string,
    harness: string,
    limits: BotLimits = DEFAULT_LIMITS,
  ): Promise<{ ok: true; bot: BotSandbox } | { ok: false; reason: string }> {
    const QuickJS = await warmEngine();
    const runtime = QuickJS.newRuntime();
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    const vm = runtime.newContext();
    const loadMs = limits.moveMs * 4; // loading may build tables: a little more time
    const clock = new CallClock(loadMs);
    let interrupted = false;
    runtime.setInterruptHandler(() => (interrupted ||= clock.exceeded()));
    const fail = (reason: string) => {
      vm.dispose();
      runtime.dispose();
      return { ok: false as const, reason };
    };
    // the prelude, the bot, then the harness, whose value is the function each move calls
    const run = (code: string, file: string) => {
      const result = vm.evalCode(code, file);
      if (!result.error) return { value: result.value };
      const reason = describeError(vm, result.error);
      if (interrupted) return { failed: msg("arena.forfeit.loadTime", { ms: String(loadMs) }) };
      if (reason === OUT_OF_MEMORY) return { failed: msg("arena.forfeit.loadMemory", { mb: megabytes(limits) }) };
      return { failed: msg("arena.forfeit.loadFailed", { error: reason }) };
    };
    try {
      for (const [code, file] of [
        [PRELUDE, "prelude.js"],
        [script, "bot.js"],
      ]) {
        const loaded = run(code, file);
        if (loaded.failed !== undefined) return fail(loaded.failed);
        loaded.value.dispose();
      }
      const turn = run(harness, "harness.js");
      if (turn.failed !== undefined) return fail(turn.failed);
      return { ok: true, bot: new BotSandbox(runtime, vm, turn.value, limits) };
    } catch (error) {
      return { ok: false, reason: msg("arena.forfeit.loadFailed", { error: engineFailure(error) }) };
    }
  }

  /** Asks the bot for a move: the harness gets (round, rounds, random, ...the game's arguments). */
  move(round: number, rounds: number, random: number | undefined, gameArgs: (string | number)[]): MoveResult {
    if (this.broken) return { ok: false, reason: msg("arena.forfeit.engineFailed") };
    const { vm, runtime, limits } = this;
    const budget = Math.min(limits.moveMs, limits.matchMs - this.used);
    // written only when a bot is too slow, not on every move
    const tooSlow = () =>
      budget < limits.moveMs ? msg("arena.forfeit.matchTime", { ms: String(limits.matchMs) }) : msg("arena.forfeit.moveTime", { ms: String(limits.moveMs) });
    if (budget <= 0) return { ok: false, reason: tooSlow() };
    let interrupted = false;
    try {
      const args = [
        vm.newNumber(round),
        vm.newNumber(rounds),
        random === undefined ? vm.undefined : vm.newNumber(random),
        ...gameArgs.map((a) => (typeof a === "number" ? vm.newNumber(a) : vm.newString(a))),
      ];
      // judged on its thread's CPU time once past the budget: waiting for a busy machine isn't the bot's doing
      const clock = new CallClock(budget);
      runtime.setInterruptHandler(() => (interrupted ||= clock.exceeded()));
      const result = vm.callFunction(this.round, vm.undefined, ...args);
      const elapsed = clock.spentMs();
      this.used += elapsed;
      for (const a of args) if (a.alive && a !== vm.undefined) a.dispose();
      if (result.error) {
        const reason = describeError(vm, result.error);
        if (reason === OUT_OF_MEMORY) return { ok: false, reason: msg("arena.forfeit.memory", { mb: megabytes(limits) }) };
        // the engine checks the clock between bytecodes only: a single long native call (a huge sort) is caught here, after it
        if (interrupted || elapsed > budget) return { ok: false, reason: tooSlow() };
        return { ok: false, reason: msg("arena.forfeit.threw", { error: reason }) };
      }
      if (elapsed > budget) {
        result.value.dispose();
        return { ok: false, reason: tooSlow() };
      }
      const type = vm.typeof(result.value);
      if (type === "string") {
        // measured inside the engine: an enormous string is refused without being copied out
        const length = vm.getProp(result.value, "length").consume((h) => vm.getNumber(h));
        if (length > limits.outputChars) {
          result.value.dispose();
          return { ok: false, reason: msg("arena.forfeit.tooLong", { length: String(length) }) };
        }
      }
      const isNull = type === "object" && vm.sameValue(result.value, vm.null);
      const value = type === "string" || type === "number" ? vm.dump(result.value) : undefined;
      result.value.dispose();
      // what it returned, as a code word the message reads ("nothing", "null", "object", "function", …)
      if (value === undefined) return { ok: false, reason: msg("arena.forfeit.noMove", { what: type === "undefined" ? "nothing" : isNull ? "null" : type }) };
      return { ok: true, move: value };
    } catch (error) {
      this.broken = true;
      return { ok: false, reason: engineFailure(error) };
    }
  }

  /** CPU time used so far in this match, ms. */
  get timeUsed() {
    return this.used;
  }

  dispose() {
    if (this.broken) return; // freeing a runtime the engine failed under aborts: the whole instance is dropped instead
    try {
      if (this.round.alive) this.round.dispose();
      this.vm.dispose();
      this.runtime.dispose();
    } catch (error) {
      engineFailure(error);
    }
  }
}
