// Hostile bots. Teams' bots are untrusted code run on the server: whatever a
// bot does, it may only lose its own match, by forfeit, with the exact round
// and reason; the honest opponent plays on unaffected (each bot has its own
// QuickJS runtime), and the host process (its globals, its file system) is
// untouched. Each hostile bot plays both seats against an honest bot that
// checks its own engine every round.
//
// The last block holds the containment bugs this suite found in the sandbox
// (a thrown promise, one long native call, V8's stack overflowing under the
// engine and leaving it unusable), now fixed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { compileBot } from "@/lib/arena/engine/compile";
import { RPS_BOTS } from "@/lib/arena/engine/games/rps-bots";
import { describeForfeit as forfeitMessage, runMatch, type Forfeit, type MatchRecord } from "@/lib/arena/engine/match";
import { standings, type PlayedMatch } from "@/lib/arena/engine/standings";
import { MatchPool } from "@/lib/arena/engine/pool";
import { translate } from "@/lib/platform/i18n";

// the engine's words are lib's messages: read here in English
const describeForfeit = (f: Forfeit) => translate(forfeitMessage(f), "en");

// files a bot would create or delete if it reached the host's file system
const SENTINEL = path.join(os.tmpdir(), `hexathon-arena-sentinel-${process.pid}.txt`);
const KEEP = path.join(os.tmpdir(), `hexathon-arena-keep-${process.pid}.txt`);
const FILE = JSON.stringify(SENTINEL);
const KEPT = JSON.stringify(KEEP);

// the host's own built-ins, to check that no bot reached them
const hostToString = Object.prototype.toString;
const hostPush = Array.prototype.push;
const hostExit = process.exit;

beforeAll(() => {
  fs.rmSync(SENTINEL, { force: true });
  fs.writeFileSync(KEEP, "a bot must not delete this file");
});
afterAll(() => {
  fs.rmSync(SENTINEL, { force: true });
  fs.rmSync(KEEP, { force: true });
});
afterEach(() => {
  expect(typeof process.exit).toBe("function");
  expect(process.exit).toBe(hostExit);
  expect(Object.prototype.toString).toBe(hostToString);
  expect(Array.prototype.push).toBe(hostPush);
  expect(Object.hasOwn(globalThis, "pwned")).toBe(false);
  expect(Object.hasOwn(Object.prototype, "pwned")).toBe(false);
  expect(fs.existsSync(SENTINEL)).toBe(false);
  expect(fs.existsSync(KEEP)).toBe(true);
});

async function compiled(source: string) {
  const result = await compileBot(source, "ts");
  if (!result.ok) throw new Error(translate(result.error, "en"));
  return result.script;
}

// The honest bot: rock, paper, scissors in turn, and it forfeits (throws) if
// anything in its own engine looks tampered with, so a hostile bot reaching
// across runtimes would show up as the honest bot's forfeit.
const HONEST = `
const push = Array.prototype.push;
const toString = Object.prototype.toString;
export default function play(state) {
  if (Array.prototype.push !== push || Object.prototype.toString !== toString) throw new Error('my built-ins changed');
  if (typeof globalThis.pwned !== 'undefined' || typeof ({}).pwned !== 'undefined') throw new Error('someone wrote to my globals');
  if (state.me.length !== state.round || state.opponent.length !== state.round) throw new Error('my history is wrong');
  for (const move of state.opponent) if (move !== 'R' && move !== 'P' && move !== 'S') throw new Error('their history holds ' + String(move));
  let random = true;
  try { Math.random(); } catch (e) { random = false; }
  if (random || typeof Date !== 'undefined') throw new Error('my engine lets me be random');
  return 'RPS'[state.round % 3];
}`;
let honest: string;
beforeAll(async () => {
  honest = await compiled(HONEST);
});
const honestMoves = (rounds: number) => Array.from({ length: rounds }, (_, r) => "RPS"[r % 3]);

/** A hostile bot against the honest one, in each seat; every match must end within `wallMs` (nothing hangs the host). */
async function bothSeats(source: string, { rounds = 20, wallMs = 3_000 } = {}) {
  const hostile = await compiled(source);
  const matches: { seat: 0 | 1; m: MatchRecord }[] = [];
  for (const seat of [0, 1] as const) {
    const started = performance.now();
    const m = await runMatch(seat === 0 ? [hostile, honest] : [honest, hostile], { rounds, seed: 7 });
    expect(performance.now() - started).toBeLessThan(wallMs);
    matches.push({ seat, m });
  }
  return matches;
}

/** The hostile bot forfeits (in either seat) with exactly this reason; the honest bot wins, having played every round before unaffected. */
async function expectForfeit(source: string, expected: string | RegExp, options?: { rounds?: number; wallMs?: number }) {
  for (const { seat, m } of await bothSeats(source, options)) {
    expect(m.forfeits, `seat ${seat}`).toHaveLength(1);
    const [forfeit] = m.forfeits;
    expect(forfeit.player, `seat ${seat}: ${describeForfeit(forfeit)}`).toBe(seat);
    if (typeof expected === "string") expect(describeForfeit(forfeit)).toBe(expected);
    else expect(describeForfeit(forfeit)).toMatch(expected);
    expect(m.winner).toBe(1 - seat);
    expect(m.moves[1 - seat]).toEqual(honestMoves(forfeit.round));
  }
}

/** The bot's trick only concerns itself: the match is played out and the honest bot is unaffected. */
async function expectPlaysOn(source: string, rounds = 20) {
  for (const { seat, m } of await bothSeats(source, { rounds })) {
    expect(m.forfeits.map(describeForfeit), `seat ${seat}`).toEqual([]);
    expect(m.moves[seat]).toHaveLength(rounds);
    expect(m.moves[1 - seat]).toEqual(honestMoves(rounds));
  }
}

describe("a bot that goes over its limits forfeits", () => {
  it("loops forever on round 0, on round 10, or while loading", async () => {
    await expectForfeit("export default function play() { for (;;) {} }", "round 0: exceeded 50 ms");
    await expectForfeit("export default function play(s) { if (s.round === 10) while (true) {} return 'R'; }", "round 10: exceeded 50 ms");
    await expectForfeit("while (true) {} export default function play() { return 'R'; }", "round 0: took more than 200 ms to load");
    // the interruption can't be caught to keep going
    await expectForfeit(
      "export default function play(s) { if (s.round === 3) for (;;) { try { for (;;) {} } catch (e) {} } return 'R'; }",
      "round 3: exceeded 50 ms",
    );
  });

  it("blows up its memory: growing arrays, doubling strings, huge buffers", async () => {
    await expectForfeit(
      "export default function play(s) { if (s.round === 2) { let a = [1, 2, 3]; for (;;) a = a.concat(a); } return 'R'; }",
      "round 2: ran out of memory (32 MB)",
    );
    // a push loop is slow to fill 32 MB: the clock may stop it first
    await expectForfeit(
      "export default function play(s) { if (s.round === 2) { const a = []; for (;;) a.push(a.length, [a.length]); } return 'R'; }",
      /^round 2: (exceeded 50 ms|ran out of memory \(32 MB\))$/,
    );
    // doubling a string that is read (so really built) runs out of memory...
    await expectForfeit(
      "export default function play(s) { if (s.round === 3) { let x = 'ab'; for (;;) { x += x; x.charCodeAt(x.length - 1); } } return 'R'; }",
      "round 3: ran out of memory (32 MB)",
    );
    // ...while one never read stays a cheap rope until it is too long to exist
    await expectForfeit(
      "export default function play(s) { if (s.round === 3) { let x = 'ab'; for (;;) x += x; } return 'R'; }",
      "round 3: threw InternalError: string too long",
    );
    await expectForfeit("export default function play() { new ArrayBuffer(1e9); return 'R'; }", "round 0: ran out of memory (32 MB)");
    await expectForfeit("export default function play() { return 'x'.repeat(2 ** 29)[0] ? 'R' : 'P'; }", "round 0: ran out of memory (32 MB)");
    await expectForfeit(
      "const big = 'x'.repeat(2 ** 26); export default function play() { return big[0] === 'x' ? 'R' : 'P'; }",
      "round 0: ran out of memory while loading (32 MB)",
    );
  });

  it("returns a huge string: refused without copying it out of the engine", async () => {
    await expectForfeit(
      "export default function play() { let x = 'R'; for (let i = 0; i < 23; i++) x += x; return x; }",
      "round 0: returned 8388608 characters instead of a move",
    );
  });

  it("reaches for randomness after round 0, however it tries to get Math.random back", async () => {
    const random = "export default function play(s) { return s.round < 7 ? 'R' : 'RPS'[Math.floor(Math.random() * 3)]; }";
    const refused = (round: number) => `round ${round}: threw Error: randomness is only allowed on round 0: use state.random`;
    await expectForfeit(random, refused(7));
    await expectForfeit(`Math.random = () => 0.5; ${random}`, refused(7));
    await expectForfeit(`delete Math.random; ${random}`, refused(7));
    await expectForfeit(`Object.setPrototypeOf(Math, { random() { return 0.5; } }); ${random}`, refused(7));
    await expectForfeit(
      `Object.defineProperty(Math, 'random', { value: () => 0.5 }); ${random}`,
      "round 0: failed to load: TypeError: property is not configurable",
    );
  });

  it("reaches for the clock", async () => {
    await expectForfeit(
      "export default function play(s) { return s.round < 7 ? 'R' : (new Date().getTime() % 2 ? 'R' : 'P'); }",
      "round 7: threw ReferenceError: 'Date' is not defined",
    );
    await expectForfeit(
      "export default function play(s) { return s.round < 4 ? 'R' : (performance.now() % 2 ? 'R' : 'P'); }",
      "round 4: threw ReferenceError: 'performance' is not defined",
    );
    // a Date of its own making is no clock: deterministic, so allowed
    await expectPlaysOn("globalThis.Date = class { static now() { return 1; } }; export default function play() { return Date.now() ? 'R' : 'P'; }");
  });
});

describe("a bot can't reach the host", () => {
  it("through the Function constructor, from `this`, the state, or generator and async functions", async () => {
    await expectForfeit(
      "export default function play() { return this.constructor.constructor('return process')() ? 'R' : 'P'; }",
      "round 0: threw ReferenceError: 'process' is not defined",
    );
    await expectForfeit(
      "export default function play(s) { return s.constructor.constructor('return process')() ? 'R' : 'P'; }",
      "round 0: threw ReferenceError: 'process' is not defined",
    );
    await expectForfeit(
      "export default function play() { const G = (function* () {}).constructor; G('yield process')().next(); return 'R'; }",
      "round 0: threw ReferenceError: 'process' is not defined",
    );
    await expectForfeit(
      "export default function play() { return Function('return this')().process.exit(1); }",
      "round 0: threw TypeError: cannot read property 'exit' of undefined",
    );
    // an async function's failure would surface in a job the sandbox never runs: nothing happens at all
    await expectPlaysOn("export default function play() { const A = (async () => {}).constructor; A('return process.exit(1)')(); return 'R'; }");
  });

  it("by looking for host globals on the global object", async () => {
    // SharedArrayBuffer exists but is harmless: there is no Atomics and no other thread to share with
    const names = [
      "process",
      "require",
      "module",
      "exports",
      "Buffer",
      "global",
      "fetch",
      "XMLHttpRequest",
      "WebSocket",
      "setTimeout",
      "setInterval",
      "setImmediate",
      "queueMicrotask",
      "performance",
      "console",
      "print",
      "std",
      "os",
      "scriptArgs",
      "WebAssembly",
      "Atomics",
      "Deno",
      "Bun",
      "importScripts",
      "Worker",
      "Date",
      "WeakRef",
      "FinalizationRegistry",
    ];
    await expectPlaysOn(`export default function play() {
      const g = Function('return this')();
      const found = ${JSON.stringify(names)}.filter((n) => typeof g[n] !== 'undefined' || typeof globalThis[n] !== 'undefined');
      if (found.length) throw new Error('found ' + found.join(' '));
      return 'R';
    }`);
  });

  it("through eval", async () => {
    await expectForfeit("export default function play() { return eval('process').exit(1); }", "round 0: threw ReferenceError: 'process' is not defined");
    await expectForfeit(
      `export default function play() { eval('require("fs")').writeFileSync(${FILE}, 'pwned'); return 'R'; }`,
      "round 0: threw ReferenceError: 'require' is not defined",
    );
  });

  it("through require or a static import, to write or delete files", async () => {
    await expectForfeit(
      `export default function play() { require('fs').writeFileSync(${FILE}, 'pwned'); return 'R'; }`,
      "round 0: threw ReferenceError: 'require' is not defined",
    );
    await expectForfeit(
      `export default function play(s) { if (s.round === 2) require('fs').unlinkSync(${KEPT}); return 'R'; }`,
      "round 2: threw ReferenceError: 'require' is not defined",
    );
    // esbuild turns a static import into require() in the IIFE: it fails while loading
    await expectForfeit(
      `import fs from 'fs'; fs.writeFileSync(${FILE}, 'pwned'); export default function play() { return 'R'; }`,
      "round 0: failed to load: ReferenceError: 'require' is not defined",
    );
    await expectForfeit(
      `import { unlinkSync } from 'node:fs'; export default function play() { unlinkSync(${KEPT}); return 'R'; }`,
      "round 0: failed to load: ReferenceError: 'require' is not defined",
    );
  });

  it("through a dynamic import(): it never resolves, the sandbox sets no module loader and runs no pending jobs", async () => {
    await expectPlaysOn(
      `export default function play() { import('fs').then((fs) => fs.writeFileSync(${FILE}, 'pwned'), () => {}); import('node:fs').then((fs) => fs.unlinkSync(${KEPT})); return 'R'; }`,
    );
    await expectForfeit(
      `export default async function play() { const fs = await import('fs'); fs.writeFileSync(${FILE}, 'pwned'); return 'R'; }`,
      /^round 0: returned an? object instead of a move$/,
    );
  });
});

describe("a bot polluting its own engine only harms itself", () => {
  it("replaces Object.prototype.toString, String's methods, or writes globals: it plays on, the other bot never sees it", async () => {
    await expectPlaysOn("Object.prototype.toString = () => { while (true) {} }; export default function play() { return 'R'; }");
    await expectPlaysOn("String.prototype.toString = () => 'X'; String.prototype.valueOf = () => 'X'; export default function play() { return 'R'; }");
    await expectPlaysOn("globalThis.pwned = true; Object.prototype.pwned = true; export default function play() { return 'R'; }");
    // the harness captured play() at load: replacing the module's export later changes nothing
    await expectPlaysOn("export default function play() { __hexathonBot = { default: () => 'X' }; return 'R'; }");
  });

  it("replaces Array.prototype.push, which the harness uses for its history: it forfeits or blinds itself", async () => {
    await expectForfeit("Array.prototype.push = function () { while (true) {} }; export default function play() { return 'R'; }", "round 1: exceeded 50 ms");
    await expectForfeit(
      "Array.prototype.push = function () { throw new Error('pwned'); }; export default function play() { return 'R'; }",
      "round 1: threw Error: pwned",
    );
    await expectForfeit(
      "Object.defineProperty(Array.prototype, '1', { set(v) { throw new Error('hooked ' + v); }, configurable: true }); export default function play() { return 'R'; }",
      "round 2: threw Error: hooked R",
    );
    // a push that does nothing: the bot no longer sees the history, nobody else is affected
    await expectPlaysOn(
      "Array.prototype.push = function () { return 0; }; export default function play(s) { if (s.opponent.length !== 0) throw new Error('saw ' + s.opponent.length); return 'R'; }",
    );
  });

  it("rewrites or freezes the history it's given: the match record, kept by the host, is unaffected", async () => {
    await expectPlaysOn("export default function play(s) { s.opponent.length = 0; s.opponent.push('X'); s.me.push('Q'); return 'R'; }");
    await expectForfeit(
      "export default function play(s) { Object.defineProperty(s.me, 'length', { value: 0, writable: false }); return 'R'; }",
      "round 1: threw TypeError: 'length' is read-only",
    );
  });
});

describe("a bot that throws something hostile forfeits, and never hangs the host", () => {
  it("an object whose getters loop forever: reading the error is cut off at the move's deadline", async () => {
    // the time spent reading what it threw is its move's time
    await expectForfeit(
      "export default function play(s) { if (s.round === 5) throw { get message() { while (true) {} } }; return 'R'; }",
      "round 5: exceeded 50 ms",
      { wallMs: 1_000 },
    );
    await expectForfeit(
      "export default function play(s) { if (s.round === 5) throw { get name() { while (true) {} } }; return 'R'; }",
      "round 5: exceeded 50 ms",
      { wallMs: 1_000 },
    );
    await expectForfeit(
      "export default function play(s) { if (s.round === 5) throw { toJSON() { while (true) {} } }; return 'R'; }",
      "round 5: exceeded 50 ms",
      { wallMs: 1_000 },
    );
  });

  it("a Proxy whose every trap loops forever", async () => {
    const traps =
      "{ get() { for (;;) {} }, ownKeys() { for (;;) {} }, getOwnPropertyDescriptor() { for (;;) {} }, getPrototypeOf() { for (;;) {} }, has() { for (;;) {} } }";
    await expectForfeit(`export default function play(s) { if (s.round === 5) throw new Proxy({}, ${traps}); return 'R'; }`, "round 5: exceeded 50 ms", {
      wallMs: 1_000,
    });
  });

  it("plain values, cycles and enormous strings", async () => {
    await expectForfeit("export default function play(s) { if (s.round === 5) throw null; return 'R'; }", "round 5: threw null");
    await expectForfeit("export default function play(s) { if (s.round === 5) throw Symbol('x'); return 'R'; }", "round 5: threw Symbol(x)");
    await expectForfeit(
      "export default function play(s) { if (s.round === 5) { const o = {}; o.o = o; throw o; } return 'R'; }",
      "round 5: threw [object Object]",
    );
    await expectForfeit("export default function play(s) { if (s.round === 5) throw 'x'.repeat(1e6); return 'R'; }", `round 5: threw ${"x".repeat(300)}`);
  });

  it("an error that claims to be the sandbox's own: still a forfeit on that round (the reason is the bot's word)", async () => {
    // sandbox.ts recognises its interruptions by the message alone, so a bot can
    // make its throw read as a timeout or lack of memory; it loses all the same
    await expectForfeit(
      "export default function play(s) { if (s.round === 5) throw { message: 'interrupted' }; return 'R'; }",
      /^round 5: (exceeded 50 ms|threw .*interrupted)$/,
    );
    await expectForfeit(
      "export default function play(s) { if (s.round === 5) throw { message: 'out of memory' }; return 'R'; }",
      /^round 5: (ran out of memory \(32 MB\)|threw .*out of memory)$/,
    );
  });
});

describe("a bot that returns something other than a move forfeits, without the host coercing it", () => {
  it("objects that would turn into 'R' if converted: Symbol.toPrimitive, toString, a String object, an array", async () => {
    // were the host to convert them, the bot would run code in the host's
    // conversion and would play 'R'; it is refused as it is
    const object = /^round 0: returned an? object instead of a move$/;
    await expectForfeit("export default function play() { return { [Symbol.toPrimitive]() { return 'R'; } }; }", object);
    await expectForfeit("export default function play() { return { toString() { return 'R'; }, valueOf() { return 'R'; } }; }", object);
    await expectForfeit("export default function play() { return new String('R'); }", object);
    await expectForfeit("export default function play() { return ['R']; }", object);
    await expectForfeit("export default function play() { return new Proxy({}, { get() { for (;;) {} } }); }", object, { wallMs: 1_000 });
    await expectForfeit("export default function* play() { yield 'R'; }", object);
    await expectForfeit("export default async function play() { return 'R'; }", object);
  });

  it("numbers, null, nothing, symbols, bigints, functions, near-misses", async () => {
    await expectForfeit("export default function play() { return 42; }", "round 0: played 42, which is not 'R', 'P' or 'S'");
    await expectForfeit("export default function play() { return NaN; }", "round 0: played NaN, which is not 'R', 'P' or 'S'");
    await expectForfeit("export default function play() { return null; }", /^round 0: returned (an? object|null) instead of a move$/);
    await expectForfeit("export default function play() {}", "round 0: returned nothing instead of a move");
    await expectForfeit("export default function play() { return Symbol('R'); }", "round 0: returned a symbol instead of a move");
    await expectForfeit("export default function play() { return 1n; }", "round 0: returned a bigint instead of a move");
    await expectForfeit("export default function play() { return () => 'R'; }", "round 0: returned a function instead of a move");
    await expectForfeit("export default function play(s) { return s.round === 3 ? 'r' : 'R'; }", `round 3: played "r", which is not 'R', 'P' or 'S'`);
    await expectForfeit("export default function play(s) { return s.round === 3 ? 'R ' : 'R'; }", `round 3: played "R ", which is not 'R', 'P' or 'S'`);
  });
});

describe("a tournament with hostile bots", () => {
  // every hostile bot misbehaves on round 0, so it forfeits against the other hostile ones too
  const HOSTILE: Record<string, string> = {
    "hostile-loop": "export default function play() { for (;;) {} }",
    "hostile-memory": "export default function play() { let x = 'ab'; for (;;) { x += x; x.charCodeAt(x.length - 1); } }",
    "hostile-fs": `export default function play() { require('fs').writeFileSync(${FILE}, 'pwned'); return 'R'; }`,
    "hostile-escape": "export default function play() { return Function('return this')().process.exit(1); }",
    "hostile-getter": "export default function play() { throw new Proxy({}, { get() { for (;;) {} } }); }",
    "hostile-value": "Array.prototype.push = () => 0; export default function play() { return { [Symbol.toPrimitive]() { return 'R'; } }; }",
  };
  const HONEST_IDS = ["cycler", "frequency", "iocaine"];

  // each pair's seed depends on the pair only, so the honest bots' matches are the same with or without the hostile ones
  const seedOf = (a: string, b: string) => [...`${a}|${b}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

  async function tournament(ids: string[], sources: Map<string, string>) {
    const matches: (PlayedMatch & { record: MatchRecord })[] = [];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i], ids[j]];
        const record = await runMatch([sources.get(a)!, sources.get(b)!], { rounds: 300, seed: seedOf(a, b) });
        const forfeit = (player: 0 | 1) => record.forfeits.filter((f) => f.player === player).map(describeForfeit)[0] ?? null;
        matches.push({
          teamAId: a,
          teamBId: b,
          winner: record.winner,
          winsA: record.wins[0],
          winsB: record.wins[1],
          forfeitA: forfeit(0),
          forfeitB: forfeit(1),
          record,
        });
      }
    }
    return {
      matches,
      table: standings(
        ids.map((id) => ({ id, name: id })),
        matches,
      ),
    };
  }

  it("completes; every hostile bot forfeits every match and wins none; the honest bots rank as they would without them", { timeout: 60_000 }, async () => {
    const sources = new Map<string, string>();
    for (const id of HONEST_IDS) sources.set(id, await compiled(RPS_BOTS.find((b) => b.id === id)!.source));
    for (const [id, source] of Object.entries(HOSTILE)) sources.set(id, await compiled(source));
    const hostileIds = Object.keys(HOSTILE);

    const full = await tournament([...HONEST_IDS, ...hostileIds], sources);
    expect(full.matches).toHaveLength(36);
    for (const m of full.matches) {
      for (const [seat, id] of [m.teamAId, m.teamBId].entries()) {
        if (!hostileIds.includes(id)) continue;
        expect(
          m.record.forfeits.some((f) => f.player === seat && f.round === 0),
          `${id} in ${m.teamAId} vs ${m.teamBId}`,
        ).toBe(true);
        expect(m.winner).not.toBe(seat);
      }
      // an honest bot never forfeits, and beats every hostile one
      for (const [seat, id] of [m.teamAId, m.teamBId].entries()) {
        if (HONEST_IDS.includes(id)) expect(m.record.forfeits.some((f) => f.player === seat)).toBe(false);
      }
      if (HONEST_IDS.includes(m.teamAId) !== HONEST_IDS.includes(m.teamBId)) expect(m.winner).toBe(HONEST_IDS.includes(m.teamAId) ? 0 : 1);
    }
    for (const id of hostileIds) {
      const row = full.table.find((r) => r.teamId === id)!;
      expect(row.won, id).toBe(0);
      expect(row.forfeits, id).toBe(8);
      expect(row.lost, id).toBe(8); // a double forfeit is lost by both
      expect(row.matchPoints, id).toBe(0);
    }
    // the honest bots take the first three places, in the order of a tournament among themselves
    const alone = await tournament(HONEST_IDS, sources);
    const honestOrder = (table: { teamId: string }[]) => table.map((r) => r.teamId).filter((id) => HONEST_IDS.includes(id));
    expect(honestOrder(full.table)).toEqual(honestOrder(alone.table));
    expect(full.table.slice(0, 3).map((r) => r.teamId)).toEqual(honestOrder(alone.table));
    expect(honestOrder(alone.table)).toEqual(["iocaine", "frequency", "cycler"]);
  });
});

// Containment bugs the suite found, fixed in lib/arena/engine/sandbox.ts and pool.ts.
describe("the sandbox contains what once escaped it", () => {
  it("a bot that throws a Promise forfeits", async () => {
    await expectForfeit("export default function play(s) { if (s.round === 5) throw Promise.resolve('R'); return 'R'; }", /^round 5: threw /);
    await expectForfeit("throw Promise.resolve('R'); export default function play() { return 'R'; }", /^round 0: failed to load: /);
  });

  // QuickJS checks the clock between bytecodes only: one long native call is measured after it returns
  it("a move that spends far more than 50 ms inside one native call forfeits", async () => {
    await expectForfeit(
      "const a = []; for (let i = 0; i < 400000; i++) a.push(i * 7919 % 400009); export default function play(s) { if (s.round === 1) a.slice().sort(); return 'R'; }",
      "round 1: exceeded 50 ms",
    );
  });

  it("a bot can't pass itself off as timed out or out of memory", async () => {
    await expectForfeit("export default function play() { throw { message: 'interrupted' }; }", "round 0: threw Error: interrupted");
    await expectForfeit("export default function play() { return null; }", "round 0: returned null instead of a move");
    await expectForfeit("export default function play() { return {}; }", "round 0: returned an object instead of a move");
  });

  // In a thread with a small native stack (a process's main thread: these
  // tests), deep recursion overflows V8's stack under the engine's frames
  // before QuickJS's own limit: the bot forfeits, and the engine instance is
  // dropped for a fresh one.
  it("a bot that recurses without end forfeits with a stack overflow", async () => {
    const m = await runMatch([await compiled("function f(n) { return f(n + 1) + 1; } export default function play() { return f(0) ? 'R' : 'P'; }"), honest], {
      rounds: 5,
      seed: 1,
    });
    expect(m.forfeits.map(describeForfeit)).toEqual([
      expect.stringMatching(/^round 0: (threw InternalError: stack overflow|overflowed the engine's stack \(recursion or nesting too deep\))$/),
    ]);
    expect(m.winner).toBe(1);
  });

  it("the engine still works after a dozen bots overflowed their stack", { timeout: 30_000 }, async () => {
    const overflow = await compiled(
      "function f(n) { return f(n + 1) + 1; } export default function play(s) { if (s.round === 1) { try { f(0); } catch (e) { return 'P'; } } return 'R'; }",
    );
    const nested = await compiled(
      "export default function play() { return new Function('return ' + '('.repeat(50000) + '1' + ')'.repeat(50000))() ? 'R' : 'P'; }",
    );
    for (let i = 0; i < 12; i++) {
      const m = await runMatch([i % 2 ? overflow : nested, honest], { rounds: 3, seed: i });
      expect(m.winner).toBe(1);
    }
    const m = await runMatch([honest, honest], { rounds: 3, seed: 1 });
    expect(m.forfeits.map(describeForfeit)).toEqual([]);
  });

  it("in the match workers, whose stack is large, QuickJS's own limit stops deep recursion, and the worker plays on", { timeout: 60_000 }, async () => {
    const pool = new MatchPool(1);
    try {
      const overflow = await compiled("function f(n) { return f(n + 1) + 1; } export default function play() { return f(0) ? 'R' : 'P'; }");
      const caught = await compiled(
        "function f(n) { return f(n + 1) + 1; } export default function play() { try { f(0); } catch (e) { return 'P'; } return 'R'; }",
      );
      const json = await compiled(
        "export default function play() { let o = {}; for (let i = 0; i < 100000; i++) o = { o }; return JSON.stringify(o).length ? 'R' : 'P'; }",
      );
      const first = await pool.run([overflow, honest], { rounds: 3, seed: 1 });
      expect(first.forfeits.map(describeForfeit)).toEqual(["round 0: threw InternalError: stack overflow"]);
      expect((await pool.run([caught, honest], { rounds: 3, seed: 1 })).forfeits).toEqual([]); // the bot caught its own overflow and played on
      // a deeply nested value for JSON.stringify: one native call, not interruptible, seconds long; measured after it, a forfeit
      expect((await pool.run([json, honest], { rounds: 3, seed: 1 })).forfeits.map(describeForfeit)).toEqual(["round 0: exceeded 50 ms"]);
      for (let i = 0; i < 20; i++) expect((await pool.run([overflow, honest], { rounds: 3, seed: i })).winner).toBe(1);
      expect((await pool.run([honest, honest], { rounds: 3, seed: 1 })).forfeits).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});
