import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BUILTIN_BOTS, STARTER_BOT } from "@/lib/arena/builtin-bots";
import { playingVersions, submitBot, teamBotVersions } from "@/lib/arena/bots";
import { runTournament, startTournament, tournamentMatch, tournamentView } from "@/lib/arena/tournament";
import { DomainError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeTeam, makeUser } from "../helpers/factories";

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => { await t?.drop(); });

const source = (id: string) => BUILTIN_BOTS.find((b) => b.id === id)!.source;

type Setup = { game?: string; matchRounds?: number; matchesPerPair?: number; format?: string; swissRounds?: number | null };

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
  await vi.waitFor(async () => expect((await tournamentView(t.db, challengeId))?.tournament.status).toBe("DONE"), { timeout: 30_000, interval: 100 });
  return (await tournamentView(t.db, challengeId))!;
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
    expect(refused.message).toMatch(/^Your bot doesn't compile: line 1, column \d+: /);
    expect((await teamBotVersions(t.db, member, challenge.id)).map((v) => v.version)).toEqual([2, 1]);
    const late = await submitBot(t.db, member, challenge.id, source("copycat"), "ts", new Date("2030-01-02T00:00:01Z")).catch((e) => e);
    expect(late.message).toBe("The deadline for bots has passed.");
    expect((await playingVersions(t.db, challenge.id)).map((p) => p.version.version)).toEqual([2]);
    const outsider = await makeUser(t.db);
    expect((await submitBot(t.db, outsider, challenge.id, source("rock"), "ts", before).catch((e) => e)).code).toBe("FORBIDDEN");
  });
});

describe("a tournament", () => {
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
    await t.db.tournamentMatch.updateMany({ where: { tournamentId: tournament.id, number: { gt: 0 } }, data: { status: "PENDING", record: null, finishedAt: null } });
    await runTournament(t.db, tournament.id);
    const view = await finished(challenge.id);
    expect(view.done).toBe(3);
    expect((await t.db.tournamentMatch.findUniqueOrThrow({ where: { id: kept.id } })).finishedAt).toEqual(kept.finishedAt);
  });
});
