import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RPS_BOTS as BUILTIN_BOTS, RPS_STARTER_BOT as STARTER_BOT } from "@/lib/arena/engine/games/rps-bots";
import { practiceMatch, submitBot, startTournament } from "@/lib/arena/commands";
import { playingVersions, teamBotVersions, runningTournaments, tournamentMatch, tournamentView } from "@/lib/arena/queries";
import { resumeTournaments, runTournament } from "@/lib/arena/runner";
import { CONNECT_FOUR_BOTS } from "@/lib/arena/engine/games/connect-four-bots";
import { runArenaCli, type CliRow } from "../helpers/arena-cli";
import { DomainError } from "@/lib/platform/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeChallenge, makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { hearLiveUpdates } from "../helpers/live-updates";
import { expectDomainError } from "../helpers/expect-domain-error";
import type { Actor } from "@/lib/people/rules";
import { channels, liveBus, type LiveEvent } from "@/lib/platform/live/bus";
import { readMetrics } from "../helpers/metrics";
import { translate } from "@/lib/platform/i18n";

let t: TestDatabase;
let stopLiveUpdates: (() => void) | undefined;
/** An organizer, who sees every tournament. */
let watcher: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  watcher = await makeUser(t.db, "ORGANIZER");
  stopLiveUpdates = hearLiveUpdates(t.db);
});
afterAll(async () => {
  stopLiveUpdates?.();
  await t?.drop();
});

const source = (id: string) => BUILTIN_BOTS.find((b) => b.id === id)!.source;

type Setup = { game?: string; matchRounds?: number; matchesPerPair?: number; format?: string; swissRounds?: number | null; hiddenUntilOpen?: boolean };

async function arena(teamCount: number, setup: Setup = {}) {
  const edition = await makeEdition(t.db, "HACKING");
  const organizer = await makeUser(t.db, "ORGANIZER");
  const challenge = await t.db.challenge.create({
    data: {
      editionId: edition.id,
      kind: "TOURNAMENT",
      title: "Bots",
      statement: "Play.",
      opensAt: new Date("2030-01-01T00:00:00Z"),
      closesAt: new Date("2030-01-02T00:00:00Z"),
      scoring: "JUDGE",
      rankPoints: "10,7,5,3,1",
      matchRounds: 200,
      matchesPerPair: 2,
      ...setup,
    },
  });
  const members = [];
  for (let i = 0; i < teamCount; i++) {
    const team = await makeTeam(t.db, edition.id, `Team ${i + 1}`);
    const member = await makeUser(t.db);
    await t.db.teamMember.create({ data: { teamId: team.id, userId: member.id, editionId: edition.id } });
    members.push({ team, member });
  }
  return { edition, organizer, challenge, members };
}

async function finished(challengeId: string) {
  await vi.waitFor(async () => expect((await tournamentView(t.db, watcher, challengeId))?.tournament.status).toBe("DONE"), { timeout: 30_000, interval: 100 });
  return (await tournamentView(t.db, watcher, challengeId))!;
}

describe("bot submissions", () => {
  it("keeps every version, refuses bots that don't compile, and plays the last one before the deadline", async () => {
    const { challenge, members } = await arena(2);
    const [{ member }] = members;
    const before = new Date("2030-01-01T10:00:00Z");
    await submitBot(t.db, member, challenge.id, source("rock"), "ts", before);
    await submitBot(t.db, member, challenge.id, source("cycler"), "ts", new Date("2030-01-01T11:00:00Z"));
    const refused = await submitBot(t.db, member, challenge.id, "export default function play( {", "ts", before).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(translate(refused.message, "en")).toMatch(/^Your bot doesn't compile: line 1, column \d+: /);
    expect(refused).toMatchObject({ field: "source", at: { line: 1, column: expect.any(Number) } });
    expect((await teamBotVersions(t.db, member, challenge.id)).map((v) => v.version)).toEqual([2, 1]);
    const late = await submitBot(t.db, member, challenge.id, source("copycat"), "ts", new Date("2030-01-02T00:00:01Z")).catch((e) => e);
    expect(translate(late.message, "en")).toBe("The deadline for bots has passed.");
    expect((await playingVersions(t.db, challenge.id)).map((p) => p.version.version)).toEqual([2]);
    const outsider = await makeUser(t.db);
    expect((await submitBot(t.db, outsider, challenge.id, source("rock"), "ts", before).catch((e) => e)).code).toBe("FORBIDDEN");
  });
});

describe("the check match on submission (issue 11)", () => {
  const when = new Date("2030-01-01T10:00:00Z");

  it("refuses a bot that forfeits its first move, with the round and the reason, stores it only when forced, and takes a good bot", async () => {
    const { challenge, members } = await arena(1);
    const [{ member }] = members;
    const endless = "export default function play() { for (;;) {} }";
    const refused = await submitBot(t.db, member, challenge.id, endless, "js", when).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused.code).toBe("INVALID");
    expect(refused.field).toBe("check");
    expect(translate(refused.message, "en")).toBe(
      "Your bot forfeited a 10-round check match against the starter bot, in round 0: exceeded 50 ms. A bot that forfeits loses every match: fix it and submit again (nothing was stored).",
    );
    expect(await teamBotVersions(t.db, member, challenge.id)).toEqual([]);

    // a later round, another reason
    const late = await submitBot(
      t.db,
      member,
      challenge.id,
      "export default function play(s) { if (s.round === 3) throw new Error('oops'); return 'R'; }",
      "js",
      when,
    ).catch((e) => e);
    expect(translate(late.message, "en")).toMatch(/^Your bot forfeited a 10-round check match against the starter bot, in round 3: threw Error: oops\. /);

    await submitBot(t.db, member, challenge.id, STARTER_BOT, "ts", when);
    expect((await submitBot(t.db, member, challenge.id, endless, "js", when, { force: true })).version).toBe(2);
    expect((await teamBotVersions(t.db, member, challenge.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it("checks a Connect Four bot against Connect Four's starter bot", async () => {
    const { challenge, members } = await arena(1, { game: "connect4", matchRounds: 6 });
    const [{ member }] = members;
    const refused = await submitBot(t.db, member, challenge.id, "export default function play() { return 9; }", "js", when).catch((e) => e);
    expect(translate(refused.message, "en")).toMatch(/^Your bot forfeited a 6-game check match against the starter bot, in round 0(, move \d+)?: played 9, /);
    const leftmost = CONNECT_FOUR_BOTS.find((b) => b.id === "leftmost")!.source;
    expect((await submitBot(t.db, member, challenge.id, leftmost, "ts", when)).version).toBe(1);
  });
});

describe("practice matches", () => {
  it("are one at a time per person (the second is refused with a message), while a teammate may practise", async () => {
    const { challenge, members } = await arena(1, { hiddenUntilOpen: false });
    const [{ team, member }] = members;
    const mate = await makeUser(t.db);
    await t.db.teamMember.create({ data: { teamId: team.id, userId: mate.id, editionId: challenge.editionId } });
    const slow = "export default function play() { let x = 0; for (let i = 0; i < 3e4; i++) x += i; return x > 0 ? 'R' : 'P'; }";
    const request = { source: slow, language: "js" as const, opponent: "rock", seed: 1 };
    const [first, second, teammate] = await Promise.allSettled([
      practiceMatch(t.db, member, challenge.id, request),
      practiceMatch(t.db, member, challenge.id, request),
      practiceMatch(t.db, mate, challenge.id, request),
    ]);
    // the two of one person were sent together: whichever reaches the limiter first plays, the other is refused
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = ([first, second].find((r) => r.status === "rejected") as PromiseRejectedResult).reason as DomainError;
    expect(refusal.code).toBe("RATE_LIMITED");
    expect(translate(refusal.message, "en")).toMatch(/^You already have a match running/);
    expect(teammate.status).toBe("fulfilled");
    // once it is over, the next one plays
    expect((await practiceMatch(t.db, member, challenge.id, request)).forfeits).toEqual([]);
  });

  it("belong to a tournament that the person may see", async () => {
    const { challenge, members } = await arena(1, { hiddenUntilOpen: true });
    const request = { source: STARTER_BOT, language: "ts" as const, opponent: "rock", seed: 1 };
    await expectDomainError(practiceMatch(t.db, members[0].member, challenge.id, request), "NOT_FOUND");
    const riddle = await makeChallenge(t.db, challenge.editionId, { hiddenUntilOpen: false });
    await expectDomainError(practiceMatch(t.db, members[0].member, riddle.id, request), "INVALID", "Practice matches belong to a tournament.");
  });
});

describe("a tournament", () => {
  it("is taken over by another instance when the one playing it dies, and ends with the standings of an uninterrupted run", async () => {
    const { challenge, members, organizer } = await arena(5, { matchRounds: 1000, matchesPerPair: 2 });
    const bots = ["starter", "rock", "cycler", "copycat", "beat-last"].map(source);
    for (const [i, { member }] of members.entries()) await submitBot(t.db, member, challenge.id, bots[i], "ts", new Date("2030-01-01T10:00:00Z"));
    const outcome = (view: Awaited<ReturnType<typeof finished>>) => ({
      standings: view.standings.map((s) => [s.name, s.place, s.matchPoints, s.won, s.drawn, s.lost]),
      matches: view.matches.map((m) => [m.number, m.winner, m.winsA, m.winsB, m.seed]),
    });
    await startTournament(t.db, organizer, challenge.id, { seed: 4242 });
    const uninterrupted = outcome(await finished(challenge.id));

    // another instance (a process of its own) runs it again with the same seed, and is killed mid-run
    const other = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "-e",
        // tsx loads these modules as CommonJS: their exports may come as the default export
        `const load = (file) => import(${JSON.stringify(path.resolve("lib"))} + file).then((m) => m.default ?? m);
         Promise.all([load("/platform/db.ts"), load("/arena/commands.ts")]).then(async ([{ createDb }, { startTournament }]) => {
           await startTournament(createDb(${JSON.stringify(t.url)}), ${JSON.stringify({ id: organizer.id, role: "ORGANIZER" })}, ${JSON.stringify(challenge.id)}, { seed: 4242 });
           setInterval(() => {}, 1000);
         });`,
      ],
      { env: { ...process.env, HEXATHON_TOURNAMENT_LEASE_SECONDS: "2" }, stdio: "inherit" },
    );
    const done = () => t.db.tournamentMatch.count({ where: { tournament: { challengeId: challenge.id }, status: "DONE" } });
    await vi.waitFor(
      async () => {
        const tournament = await t.db.tournament.findUniqueOrThrow({ where: { challengeId: challenge.id } });
        expect(tournament.status).toBe("RUNNING");
        expect(tournament.leaseOwner).toContain(`:${other.pid}:`);
        expect(await done()).toBeGreaterThan(0);
      },
      { timeout: 30_000, interval: 10 },
    );
    other.kill("SIGKILL");
    await new Promise((resolve) => other.on("exit", resolve));
    expect(await done()).toBeLessThan(20); // of 5 × 4 / 2 pairs × 2 matches

    // this instance picks it up once the dead one's lease has run out, not before
    await resumeTournaments(t.db);
    expect((await t.db.tournament.findUniqueOrThrow({ where: { challengeId: challenge.id } })).leaseOwner).toContain(`:${other.pid}:`);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await resumeTournaments(t.db);
    const takenOver = await finished(challenge.id);
    expect(outcome(takenOver)).toEqual(uninterrupted);
    expect(await t.db.tournament.findUniqueOrThrow({ where: { challengeId: challenge.id } })).toMatchObject({ status: "DONE", leaseOwner: null });
  }, 120_000);

  it("plays every pair off the request path, ranks the bots and turns the standings into challenge points; the same seed gives the same results", async () => {
    const { challenge, members, organizer } = await arena(3);
    const when = new Date("2030-01-01T10:00:00Z");
    const bots = [STARTER_BOT, source("rock"), source("cycler")];
    for (const [i, { member }] of members.entries()) await submitBot(t.db, member, challenge.id, bots[i], "ts", when);

    expect((await startTournament(t.db, members[0].member, challenge.id).catch((e) => e)).code).toBe("FORBIDDEN");
    await startTournament(t.db, organizer, challenge.id, { seed: 1234 });
    const first = await finished(challenge.id);
    expect(first.done).toBe(6);
    expect(first.standings[0].name).toBe("Team 1"); // the starter bot learns to beat a rock and a cycle
    expect(first.standings[0].matchPoints).toBeGreaterThan(first.standings[2].matchPoints);
    const scores = await t.db.score.findMany({ where: { challengeId: challenge.id } });
    expect(scores.find((s) => s.teamId === members[0].team.id)?.points).toBe(10);
    const replay = await tournamentMatch(t.db, organizer, first.matches[0].id);
    expect(replay.record.moves[0]).toHaveLength(200);

    await startTournament(t.db, organizer, challenge.id, { seed: 1234 });
    const second = await finished(challenge.id);
    const outcome = (v: typeof first) => v.matches.map((m) => [m.number, m.winner, m.winsA, m.winsB, m.seed]);
    expect(outcome(second)).toEqual(outcome(first));

    // the command line, given the same bots in the teams' order and the same seed, gives the same standings
    const files = members.map((m, i) => ({ file: `${m.team.name}.ts`, source: bots[i] }));
    const cli = await runArenaCli(files, ["--rounds", "200", "--per-pair", "2", "--seed", "1234", "--json"]);
    expect(cli.code).toBe(0);
    expect((JSON.parse(cli.stdout) as CliRow[]).map((r) => [r.bot, r.rank, r.points, r.wins, r.draws, r.losses])).toEqual(
      first.standings.map((s) => [`${s.name}.ts`, s.place, s.matchPoints, s.won, s.drawn, s.lost]),
    );
  }, 60_000);

  it("tells the open pages how far it is, and the leaderboard its points once it is over", async () => {
    const { edition, challenge, members, organizer } = await arena(3, { matchRounds: 50, matchesPerPair: 2 });
    for (const [i, { member }] of members.entries())
      await submitBot(t.db, member, challenge.id, source(["starter", "rock", "cycler"][i]), "ts", new Date("2030-01-01T10:00:00Z"));
    const progress: LiveEvent[] = [];
    const boards: LiveEvent[] = [];
    const stops = [
      liveBus().subscribe(channels.arena(edition.id), (event) => progress.push(event)),
      liveBus().subscribe(channels.leaderboard(edition.id), (event) => boards.push(event)),
    ];
    try {
      await startTournament(t.db, organizer, challenge.id, { seed: 7 });
      await finished(challenge.id);
      await vi.waitFor(() => expect(progress.at(-1)?.data).toMatchObject({ status: "DONE", done: 6, total: 6, etaMs: 0 }), { timeout: 2000, interval: 50 });
      // coalesced: fewer messages than matches, each counting up
      const done = progress.map((e) => (e.data as { done: number }).done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      await vi.waitFor(() => expect((boards.at(-1)?.data as { rows: { total: number }[] } | undefined)?.rows.some((r) => r.total === 10)).toBe(true), {
        timeout: 2000,
        interval: 50,
      });
    } finally {
      for (const stop of stops) stop();
    }
  }, 60_000);

  it("plays a Swiss tournament round by round, without rematches, a bye for the odd team out, and resumes between rounds", async () => {
    const { challenge, members, organizer } = await arena(5, { format: "SWISS", matchRounds: 60, matchesPerPair: 1 });
    const bots = ["starter", "rock", "cycler", "copycat", "beat-last"].map(source);
    for (const [i, { member }] of members.entries()) await submitBot(t.db, member, challenge.id, bots[i], "ts", new Date("2030-01-01T10:00:00Z"));
    const started = await startTournament(t.db, organizer, challenge.id, { seed: 5 });
    expect(started.swissRounds).toBe(4); // ⌈log2 5⌉ + 1
    const view = await finished(challenge.id);
    expect(view.matches).toHaveLength(4 * 2); // two pairs a round, one team sits out
    expect(new Set(view.matches.map((m) => m.round))).toEqual(new Set([0, 1, 2, 3]));
    const pairs = view.matches.map((m) => [m.teamAId, m.teamBId].sort().join());
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(view.standings.reduce((n, s) => n + s.byes, 0)).toBe(4);
    expect(view.standings.every((s) => s.byes <= 1)).toBe(true);
    expect(view.tournament.total).toBe(8);

    // a crash between rounds: the last round's matches gone, as if never paired
    await t.db.tournamentMatch.deleteMany({ where: { tournamentId: view.tournament.id, round: 3 } });
    const byes = JSON.parse(view.tournament.byes) as { round: number }[];
    await t.db.tournament.update({ where: { id: view.tournament.id }, data: { status: "RUNNING", byes: JSON.stringify(byes.filter((b) => b.round < 3)) } });
    await runTournament(t.db, view.tournament.id);
    const resumed = await finished(challenge.id);
    expect(resumed.matches.map((m) => [m.round, m.teamAId, m.teamBId, m.winner])).toEqual(view.matches.map((m) => [m.round, m.teamAId, m.teamBId, m.winner]));
  }, 60_000);

  it("plays Connect Four, and shows each forfeit with its reason in the standings", async () => {
    const { challenge, members, organizer } = await arena(3, { game: "connect4", matchRounds: 4, matchesPerPair: 1 });
    const c4 = (id: string) => CONNECT_FOUR_BOTS.find((b) => b.id === id)!.source;
    const bots = [c4("lookahead"), c4("leftmost"), "export default function play() { return 7; }"];
    // the third forfeits every match: stored all the same (its check match would refuse it)
    for (const [i, { member }] of members.entries())
      await submitBot(t.db, member, challenge.id, bots[i], "ts", new Date("2030-01-01T10:00:00Z"), { force: i === 2 });
    const before = await readMetrics();
    await startTournament(t.db, organizer, challenge.id, { seed: 11 });
    const view = await finished(challenge.id);
    // what an operator watches: matches played, forfeits by reason, moves played in the sandbox
    const after = await readMetrics();
    expect(after.value("hexathon_tournament_matches_total") - before.value("hexathon_tournament_matches_total")).toBe(3);
    expect(
      after.value("hexathon_tournament_forfeits_total", { reason: "illegal" }) - before.value("hexathon_tournament_forfeits_total", { reason: "illegal" }),
    ).toBe(2);
    const records = await t.db.tournamentMatch.findMany({ where: { tournamentId: view.tournament.id }, select: { record: true } });
    const moves = records.reduce((n, m) => n + (JSON.parse(m.record!) as { moves: unknown[][] }).moves.flat().length, 0);
    expect(moves).toBeGreaterThan(0);
    expect(after.value("hexathon_sandbox_moves_total") - before.value("hexathon_sandbox_moves_total")).toBe(moves);
    expect(view.tournament.game).toBe("connect4");
    expect(view.standings.map((s) => [s.name, s.place, s.forfeits])).toEqual([
      ["Team 1", 1, 0],
      ["Team 2", 2, 0],
      ["Team 3", 3, 2],
    ]);
    const forfeited = view.matches.filter((m) => m.forfeitA || m.forfeitB);
    expect(forfeited).toHaveLength(2);
    expect(forfeited.map((m) => translate((m.forfeitA ?? m.forfeitB)!, "en"))).toEqual([
      expect.stringMatching(/^round 0, move [01]: played 7, which is not a column from 0 to 6$/),
      expect.stringMatching(/^round 0, move [01]: played 7/),
    ]);
    const replay = await tournamentMatch(t.db, organizer, view.matches.find((m) => !m.forfeitA && !m.forfeitB)!.id);
    expect(replay.record.game).toBe("connect4");
  }, 60_000);

  it("shows its progress to whoever may see it while it runs", async () => {
    const { challenge, members, organizer } = await arena(2, { hiddenUntilOpen: true });
    // a tournament caught mid-run (nobody plays it here): 1 of 3 matches done, started a minute ago
    const now = new Date("2029-12-31T00:01:00Z"); // before the challenge opens: hidden from teams
    const tournament = await t.db.tournament.create({ data: { challengeId: challenge.id, seed: 1, total: 3, startedAt: new Date("2029-12-31T00:00:00Z") } });
    const team = members[0].team.id;
    const other = members[1].team.id;
    await t.db.tournamentMatch.createMany({
      data: [0, 1, 2].map((number) => ({
        tournamentId: tournament.id,
        number,
        teamAId: team,
        teamBId: other,
        versionAId: "v",
        versionBId: "w",
        seed: number,
        status: number === 0 ? "DONE" : "PENDING",
      })),
    });
    expect(await runningTournaments(t.db, organizer, now)).toContainEqual({
      tournamentId: tournament.id,
      challengeId: challenge.id,
      title: "Bots",
      editionNumber: expect.any(Number),
      done: 1,
      total: 3,
      etaMs: 120_000, // a minute a match so far, two to go
    });
    expect((await runningTournaments(t.db, members[0].member, now)).map((r) => r.tournamentId)).not.toContain(tournament.id);
    expect(await runningTournaments(t.db, null, now)).toEqual([]);
    // its standings and matches alike
    expect((await tournamentView(t.db, organizer, challenge.id))?.tournament.id).toBe(tournament.id);
    await expectDomainError(tournamentView(t.db, members[0].member, challenge.id), "NOT_FOUND");
    await t.db.tournament.update({ where: { id: tournament.id }, data: { status: "DONE" } });
    expect((await runningTournaments(t.db, organizer, now)).map((r) => r.tournamentId)).not.toContain(tournament.id);
  });

  it("resumes after a crash without replaying finished matches", async () => {
    const { challenge, members, organizer } = await arena(3, { matchRounds: 50, matchesPerPair: 1 });
    for (const { member } of members) await submitBot(t.db, member, challenge.id, source("cycler"), "ts", new Date("2030-01-01T10:00:00Z"));
    await startTournament(t.db, organizer, challenge.id, { seed: 9 });
    await finished(challenge.id);
    // pretend the server died after the first match
    const tournament = (await t.db.tournament.findUnique({ where: { challengeId: challenge.id } }))!;
    const [kept] = await t.db.tournamentMatch.findMany({ where: { tournamentId: tournament.id }, orderBy: { number: "asc" } });
    await t.db.tournament.update({ where: { id: tournament.id }, data: { status: "RUNNING", finishedAt: null } });
    await t.db.tournamentMatch.updateMany({
      where: { tournamentId: tournament.id, number: { gt: 0 } },
      data: { status: "PENDING", record: null, finishedAt: null },
    });
    await runTournament(t.db, tournament.id);
    const view = await finished(challenge.id);
    expect(view.done).toBe(3);
    expect((await t.db.tournamentMatch.findUniqueOrThrow({ where: { id: kept.id } })).finishedAt).toEqual(kept.finishedAt);
  });
});
