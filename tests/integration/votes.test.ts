import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { translate } from "@/lib/platform/i18n";
import { channels, liveBus, type LiveEvent } from "@/lib/platform/live/bus";
import type { Actor } from "@/lib/people/rules";
import {
  ballotCount,
  ballotOptions,
  ballotOf,
  ballotsCsv,
  computeResults,
  resultsCsv,
  resultsSaid,
  resultsFor,
  voteByJoinCode,
  voteSnapshot,
  announcedPrizes,
  signInRecommendation,
  ensureVote,
  type VoteSettings,
  type VoteSnapshot,
  voteAudit,
} from "@/lib/votes/queries";
import { castBallot, castBallotByCode, closeVote, openVote, revealStep, updateVoteSettings, restoreVoid, voidBallots } from "@/lib/votes/commands";
import { voterKeyFor, mailboxOf, type Voter, type VoterRequest } from "@/lib/votes/rules";
import { newVoterId } from "@/lib/votes/voter-id";
import { voteSettingsSchema } from "@/lib/votes/schemas";
import { csvLine } from "@/lib/platform/csv";
import { seededRandom } from "@/lib/platform/random";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeChallenge, makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { hearLiveUpdates } from "../helpers/live-updates";

/** lib's sentences (tie-breaks, shared places) in English, as an English reader gets them. */
const en = (text: string) => translate(text, "en");

let t: TestDatabase;
let organizer: Actor;
let judge: Actor;
let employee: Actor;
let stopLiveUpdates: (() => void) | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  stopLiveUpdates = hearLiveUpdates(t.db);
  [organizer, judge, employee] = [await makeUser(t.db, "ORGANIZER"), await makeUser(t.db, "JUDGE"), await makeUser(t.db, "EMPLOYEE")];
});
afterAll(async () => {
  stopLiveUpdates?.();
  // let the coalesced ballot-count announcements (250 ms) finish before the database goes
  await new Promise((resolve) => setTimeout(resolve, 400));
  await t?.drop();
});

const DEFAULTS: VoteSettings = {
  method: "RANKED",
  picks: 3,
  requireSignIn: false,
  audienceWeight: 1,
  bonusWeight: 1,
  publicVotePrize: true,
  foldPlusAddresses: false,
};

/** An edition right after the presentations, with `count` teams "Team 01", "Team 02"… and its vote set up (not opened). */
async function finalWith(count: number, settings: Partial<VoteSettings> = {}) {
  const edition = await makeEdition(t.db, "PRESENTATIONS");
  const teams = [];
  for (let i = 1; i <= count; i++) teams.push(await makeTeam(t.db, edition.id, `Team ${String(i).padStart(2, "0")}`));
  await updateVoteSettings(t.db, organizer, edition.id, { ...DEFAULTS, ...settings });
  return { edition, teams, teamIds: teams.map((team) => team.id) };
}

/** The same, with the vote open. */
async function openFinalWith(count: number, settings: Partial<VoteSettings> = {}) {
  const final = await finalWith(count, settings);
  await openVote(t.db, organizer, final.edition.id);
  return final;
}

/** An anonymous phone: one ballot per device cookie. */
const phone = (): Voter => voterKeyFor({ requireSignIn: false }, newVoterId(), null);

/** 1 to `max` distinct teams in a random order. */
function randomPicks(random: () => number, teamIds: string[], max = 3): string[] {
  const shuffled = [...teamIds];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, 1 + Math.floor(random() * max));
}

/** Ranked points per team, computed here without lib/vote-rules: 3, 2, 1. */
function expectedPoints(ballots: string[][], teamIds: string[]) {
  const points = new Map(teamIds.map((id) => [id, 0]));
  for (const picks of ballots) picks.forEach((teamId, i) => points.set(teamId, points.get(teamId)! + (3 - i)));
  return points;
}

const pointsOf = (results: Awaited<ReturnType<typeof computeResults>>) => new Map(results.ranking.map((r) => [r.teamId, r.audiencePoints]));

describe("setting up the vote", () => {
  it("creates the edition's vote once, with one join code, even when several screens ask at the same moment", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const votes = await Promise.all(Array.from({ length: 8 }, () => ensureVote(t.db, edition.id)));
    expect(new Set(votes.map((v) => v.joinCode)).size).toBe(1);
    expect(new Set(votes.map((v) => v.editionId))).toEqual(new Set([edition.id]));
    expect(await t.db.vote.count({ where: { editionId: edition.id } })).toBe(1);
    expect(votes[0].joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect((await ensureVote(t.db, edition.id)).joinCode).toBe(votes[0].joinCode);
    expect(votes[0]).toMatchObject({ status: "NOT_OPEN", method: "RANKED", picks: 3, requireSignIn: false });
  });

  it("finds the vote from the code as people type it, but not while the edition is a draft", async () => {
    const { edition } = await finalWith(2);
    const { joinCode } = await ensureVote(t.db, edition.id);
    const typed = ` ${joinCode.slice(0, 3).toLowerCase()} ${joinCode.slice(3).toLowerCase()} `;
    expect((await voteByJoinCode(t.db, typed)).editionId).toBe(edition.id);
    await expectDomainError(voteByJoinCode(t.db, "NOPE99"), "NOT_FOUND", /no vote with that code/);
    await expectDomainError(voteByJoinCode(t.db, ""), "NOT_FOUND");

    const draft = await makeEdition(t.db, "DRAFT");
    await expectDomainError(voteByJoinCode(t.db, (await ensureVote(t.db, draft.id)).joinCode), "NOT_FOUND");
  });

  it("keeps the rules the organizer chose", async () => {
    const { edition } = await finalWith(3, { method: "APPROVAL", picks: 2, requireSignIn: true, audienceWeight: 2, bonusWeight: 0 });
    expect(await ensureVote(t.db, edition.id)).toMatchObject({ method: "APPROVAL", picks: 2, requireSignIn: true, audienceWeight: 2, bonusWeight: 0 });
    await expectDomainError(updateVoteSettings(t.db, organizer, edition.id, { ...DEFAULTS, picks: 11 }), "INVALID", "Ranked ballots have at most 10 picks.");
  });

  it("freezes the rules once the vote has opened, and after it closed", async () => {
    const { edition } = await openFinalWith(3);
    const message = "The voting rules can't change once the vote has opened.";
    await expectDomainError(updateVoteSettings(t.db, organizer, edition.id, { ...DEFAULTS, method: "APPROVAL" }), "INVALID", message);
    await closeVote(t.db, organizer, edition.id);
    await expectDomainError(updateVoteSettings(t.db, organizer, edition.id, { ...DEFAULTS, picks: 1 }), "INVALID", message);
    expect(await ensureVote(t.db, edition.id)).toMatchObject({ method: "RANKED", picks: 3 });
  });
});

describe("who runs the vote", () => {
  it("is organizers only: judges and employees are refused, anonymous visitors asked to sign in, and nothing changes", async () => {
    const { edition } = await finalWith(3);
    const attempts = (actor: Actor | null) => [
      openVote(t.db, actor, edition.id),
      closeVote(t.db, actor, edition.id),
      revealStep(t.db, actor, edition.id, "next"),
      revealStep(t.db, actor, edition.id, "reset"),
      updateVoteSettings(t.db, actor, edition.id, { ...DEFAULTS, method: "APPROVAL" }),
      resultsFor(t.db, actor, edition.id),
      ballotsCsv(t.db, actor, edition.id),
      resultsCsv(t.db, actor, edition.id),
    ];
    for (const actor of [employee, judge]) {
      for (const attempt of attempts(actor)) await expectDomainError(attempt, "FORBIDDEN", /^Only organizers can /);
    }
    for (const attempt of attempts(null)) await expectDomainError(attempt, "UNAUTHENTICATED");
    expect(await ensureVote(t.db, edition.id)).toMatchObject({ status: "NOT_OPEN", method: "RANKED", revealed: 0 });
    expect((await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })).phase).toBe("PRESENTATIONS");
  });

  it("says so when the edition doesn't exist", async () => {
    await expectDomainError(openVote(t.db, organizer, "no-such-edition"), "NOT_FOUND");
    await expectDomainError(updateVoteSettings(t.db, organizer, "no-such-edition", DEFAULTS), "NOT_FOUND");
  });
});

describe("opening and closing", () => {
  it("moves the edition to the voting phase on opening and to closed on closing", async () => {
    const { edition } = await finalWith(2);
    const opened = await openVote(t.db, organizer, edition.id);
    expect(opened.status).toBe("OPEN");
    expect((await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })).phase).toBe("VOTING");
    expect((await ensureVote(t.db, edition.id)).openedAt).toBeInstanceOf(Date);

    const closed = await closeVote(t.db, organizer, edition.id);
    expect(closed.status).toBe("CLOSED");
    expect((await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })).phase).toBe("CLOSED");
    expect((await ensureVote(t.db, edition.id)).closedAt).toBeInstanceOf(Date);
  });

  it("refuses to open a vote with no team to vote for", async () => {
    const { edition } = await finalWith(0);
    await expectDomainError(openVote(t.db, organizer, edition.id), "INVALID", "There are no teams to vote for.");
    expect((await ensureVote(t.db, edition.id)).status).toBe("NOT_OPEN");
  });

  it("can reopen after a mistaken close, keeping the ballots already cast", async () => {
    const { edition, teamIds } = await openFinalWith(3);
    await castBallot(t.db, edition.id, phone(), [teamIds[0]]);
    await closeVote(t.db, organizer, edition.id);
    const reopened = await openVote(t.db, organizer, edition.id);
    expect(reopened).toMatchObject({ status: "OPEN", ballots: 1 });
    await castBallot(t.db, edition.id, phone(), [teamIds[1]]);
    expect(await ballotCount(t.db, edition.id)).toBe(2);
  });

  it("tells every projector and phone on the edition's vote channel when the vote opens", async () => {
    const { edition } = await finalWith(2);
    const events: LiveEvent[] = [];
    const unsubscribe = liveBus().subscribe(channels.vote(edition.id), (event) => events.push(event));
    try {
      const snapshot = await openVote(t.db, organizer, edition.id);
      expect(events).toHaveLength(1);
      expect(events[0].type).toBe("vote");
      expect(events[0].data).toEqual(snapshot);
      expect(events[0].data).toMatchObject({ status: "OPEN", ballots: 0, revealed: [], podiumSize: 0, nextRevealPlace: null });

      // and the count follows the ballots (coalesced, so a moment later)
      await castBallot(t.db, edition.id, phone(), [(await t.db.team.findFirstOrThrow({ where: { editionId: edition.id } })).id]);
      await vi.waitFor(() => expect(events.at(-1)?.data).toMatchObject({ ballots: 1 }), { timeout: 2000, interval: 50 });
    } finally {
      unsubscribe();
    }
  });
});

describe("casting a ballot", () => {
  it("is refused before the vote opens, telling the voter to wait", async () => {
    const { edition, teamIds } = await finalWith(3);
    await expectDomainError(castBallot(t.db, edition.id, phone(), [teamIds[0]]), "INVALID", "The vote hasn't opened yet: wait for the last presentation.");
    expect(await ballotCount(t.db, edition.id)).toBe(0);
  });

  it("is refused once the vote is closed, and the earlier ballot stays as it was", async () => {
    const { edition, teamIds } = await openFinalWith(3);
    const voter = phone();
    await castBallot(t.db, edition.id, voter, [teamIds[0], teamIds[1]]);
    await closeVote(t.db, organizer, edition.id);
    await expectDomainError(castBallot(t.db, edition.id, voter, [teamIds[2]]), "INVALID", "The vote is closed.");
    await expectDomainError(castBallot(t.db, edition.id, phone(), [teamIds[2]]), "INVALID", "The vote is closed.");
    expect(await ballotOf(t.db, edition.id, voter.key)).toEqual([teamIds[0], teamIds[1]]);
    expect(await ballotCount(t.db, edition.id)).toBe(1);
  });

  it("refuses a ballot against the rules with the reason, storing nothing", async () => {
    const { edition, teamIds } = await openFinalWith(4);
    const other = await finalWith(1);
    const voter = phone();
    await expectDomainError(castBallot(t.db, edition.id, voter, []), "INVALID", "Pick at least one team.");
    await expectDomainError(castBallot(t.db, edition.id, voter, teamIds), "INVALID", "Pick at most 3 teams.");
    await expectDomainError(castBallot(t.db, edition.id, voter, [teamIds[0], teamIds[0]]), "INVALID", "Each team can be picked only once.");
    await expectDomainError(castBallot(t.db, edition.id, voter, [other.teamIds[0]]), "INVALID", "One of the teams picked is not in this vote.");
    expect(await ballotOf(t.db, edition.id, voter.key)).toBeNull();
  });

  it("replaces the voter's earlier ballot: one ballot, the new picks, version 2", async () => {
    const { edition, teamIds } = await openFinalWith(4);
    const voter = phone();
    expect(await castBallot(t.db, edition.id, voter, [teamIds[0], teamIds[1], teamIds[2]])).toEqual({
      teamIds: [teamIds[0], teamIds[1], teamIds[2]],
      version: 1,
    });
    expect(await castBallot(t.db, edition.id, voter, [teamIds[3], teamIds[0]])).toEqual({ teamIds: [teamIds[3], teamIds[0]], version: 2 });

    const ballots = await t.db.ballot.findMany({ where: { editionId: edition.id }, include: { picks: { orderBy: { rank: "asc" } } } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0].version).toBe(2);
    expect(ballots[0].picks.map((p) => [p.teamId, p.rank])).toEqual([
      [teamIds[3], 1],
      [teamIds[0], 2],
    ]);
    expect(await ballotOf(t.db, edition.id, voter.key)).toEqual([teamIds[3], teamIds[0]]);
  });

  it("keeps the picks of the latest approval ballot too", async () => {
    const { edition, teamIds } = await openFinalWith(4, { method: "APPROVAL", picks: 4 });
    const voter = phone();
    await castBallot(t.db, edition.id, voter, teamIds);
    await castBallot(t.db, edition.id, voter, [teamIds[1]]);
    expect(await ballotOf(t.db, edition.id, voter.key)).toEqual([teamIds[1]]);
    expect(pointsOf(await computeResults(t.db, edition.id))).toEqual(new Map(teamIds.map((id) => [id, id === teamIds[1] ? 1 : 0])));
  });
});

describe("who the voter is", () => {
  it("is the device cookie when sign-in isn't required, and a phone without a voter card is refused and sent to the vote page", () => {
    expect(voterKeyFor({ requireSignIn: false }, "device-id-123456", null)).toEqual({ key: "device:device-id-123456", userId: null });
    expect(voterKeyFor({ requireSignIn: false }, "device-id-123456", employee)).toEqual({ key: "device:device-id-123456", userId: employee.id });
    let error: unknown;
    try {
      voterKeyFor({ requireSignIn: false, joinCode: "K7PQ2M" }, null, employee);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("FORBIDDEN");
    expect(translate((error as DomainError).message, "en")).toBe(
      "Open the vote page first: your phone gets its voter card there (/vote/K7PQ2M). If it is open, allow cookies for this site and reload it.",
    );
  });

  it("is the person's account when sign-in is required, and nobody votes without signing in", () => {
    expect(voterKeyFor({ requireSignIn: true }, "device-id-123456", employee)).toEqual({ key: `user:${employee.id}`, userId: employee.id });
    let error: unknown;
    try {
      voterKeyFor({ requireSignIn: true }, "device-id-123456", null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("UNAUTHENTICATED");
    expect(translate((error as DomainError).message, "en")).toMatch(/sign in/);
  });

  it("keeps one ballot per person across their devices when sign-in is required", async () => {
    const { edition, teamIds } = await openFinalWith(3, { requireSignIn: true });
    const person = await makeUser(t.db);
    const vote = await ensureVote(t.db, edition.id);
    await castBallot(t.db, edition.id, voterKeyFor(vote, "laptop-cookie-1234567", person), [teamIds[0]]);
    const again = await castBallot(t.db, edition.id, voterKeyFor(vote, "phone-cookie-12345678", person), [teamIds[1]]);
    expect(again.version).toBe(2);
    const ballots = await t.db.ballot.findMany({ where: { editionId: edition.id } });
    expect(ballots.map((b) => [b.voterKey, b.userId])).toEqual([[`user:${person.id}`, person.id]]);
  });

  it("stops a signed-in voter from voting for their own team, but not for the others", async () => {
    const { edition, teamIds } = await openFinalWith(3, { requireSignIn: true });
    const member = await makeUser(t.db);
    await t.db.teamMember.create({ data: { teamId: teamIds[1], userId: member.id, editionId: edition.id } });
    const vote = await ensureVote(t.db, edition.id);
    const voter = voterKeyFor(vote, null, member);
    await expectDomainError(castBallot(t.db, edition.id, voter, [teamIds[0], teamIds[1]]), "INVALID", "You can't vote for your own team.");
    await expectDomainError(castBallot(t.db, edition.id, voter, [teamIds[1]]), "INVALID", "You can't vote for your own team.");
    expect(await ballotOf(t.db, edition.id, voter.key)).toBeNull();

    expect((await castBallot(t.db, edition.id, voter, [teamIds[2], teamIds[0]])).version).toBe(1);
    // a member of a team of another edition is no member here
    const elsewhere = await finalWith(1);
    const outsider = await makeUser(t.db);
    await t.db.teamMember.create({ data: { teamId: elsewhere.teamIds[0], userId: outsider.id, editionId: elsewhere.edition.id } });
    await castBallot(t.db, edition.id, voterKeyFor(vote, null, outsider), [teamIds[1]]);
  });
});

describe("a phone's request", () => {
  /** A request that says who it is only when asked, and remembers what was asked. */
  const request = (who: { person?: Actor & { email?: string }; card?: string | null } = {}) => {
    const asked: string[] = [];
    const ask =
      <T>(what: string, value: T) =>
      async () => {
        asked.push(what);
        return value;
      };
    const card = who.card === undefined ? newVoterId() : who.card;
    const voter: VoterRequest = {
      person: ask("person", who.person ?? null),
      card: ask("card", card),
      clientHash: ask("clientHash", "net-1"),
      site: ask("site", "hexathon.example.com"),
    };
    return { voter, asked };
  };

  it("casts an anonymous ballot by the vote's code without looking the person up, and shows it back with the options", async () => {
    const { edition, teamIds } = await openFinalWith(3);
    const { joinCode } = await ensureVote(t.db, edition.id);
    const phoneRequest = request();
    const ballot = await castBallotByCode(t.db, joinCode.toLowerCase(), [teamIds[2], teamIds[0]], phoneRequest.voter);
    expect(ballot).toEqual({ teamIds: [teamIds[2], teamIds[0]], version: 1 });
    expect(phoneRequest.asked).not.toContain("person"); // a crowd's phones cost no session lookup
    expect((await t.db.ballot.findFirstOrThrow({ where: { editionId: edition.id } })).clientHash).toBe("net-1");

    const options = await ballotOptions(t.db, joinCode, phoneRequest.voter);
    expect(options).toMatchObject({ status: "OPEN", method: "RANKED", picks: 3, requireSignIn: false, signedIn: false, ballots: 1 });
    expect(options.myBallot).toEqual([teamIds[2], teamIds[0]]);
    expect(options.teams.map((team) => team.name)).toEqual(["Team 01", "Team 02", "Team 03"]);
  });

  it("refuses an anonymous ballot without a voter card, saying where to get one", async () => {
    const { edition, teamIds } = await openFinalWith(2);
    const { joinCode } = await ensureVote(t.db, edition.id);
    const error = await expectDomainError(castBallotByCode(t.db, joinCode, [teamIds[0]], request({ card: null }).voter), "FORBIDDEN");
    expect(translate(error.message, "en")).toContain(`hexathon.example.com/vote/${joinCode}`);
    expect(await ballotCount(t.db, edition.id)).toBe(0);
  });

  it("says a closed vote is closed before asking anything about the voter", async () => {
    const { edition, teamIds } = await openFinalWith(2);
    await closeVote(t.db, organizer, edition.id);
    const closed = request({ card: null });
    await expectDomainError(castBallotByCode(t.db, (await ensureVote(t.db, edition.id)).joinCode, [teamIds[0]], closed.voter), "INVALID");
    expect(closed.asked).toEqual([]);
  });

  it("asks for a sign-in on a vote of one ballot per person, and then never for a card", async () => {
    const { edition, teamIds } = await openFinalWith(2, { requireSignIn: true });
    const { joinCode } = await ensureVote(t.db, edition.id);
    await expectDomainError(castBallotByCode(t.db, joinCode, [teamIds[0]], request().voter), "UNAUTHENTICATED");
    const anonymous = await ballotOptions(t.db, joinCode, request().voter);
    expect(anonymous).toMatchObject({ requireSignIn: true, signedIn: false, myBallot: null });

    const signedIn = request({ person: employee });
    await castBallotByCode(t.db, joinCode, [teamIds[1]], signedIn.voter);
    expect(await ballotOptions(t.db, joinCode, signedIn.voter)).toMatchObject({ signedIn: true, myBallot: [teamIds[1]] });
    expect(signedIn.asked).not.toContain("card");
  });

  it("knows no vote behind an unknown code", async () => {
    await expectDomainError(castBallotByCode(t.db, "ZZZZZZ", [], request().voter), "NOT_FOUND");
    await expectDomainError(ballotOptions(t.db, "ZZZZZZ", request().voter), "NOT_FOUND");
  });
});

describe("a full room voting at once", () => {
  it("keeps exactly one ballot, the last one, when one phone sends 200 ballots at the same moment, and acknowledges each", async () => {
    const { edition, teamIds } = await openFinalWith(6);
    const voter = phone();
    const random = seededRandom(200);
    const sent = Array.from({ length: 200 }, () => randomPicks(random, teamIds));
    const results = await Promise.allSettled(sent.map((picks) => castBallot(t.db, edition.id, voter, picks)));

    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => String(r.reason));
    expect(refused).toEqual([]);
    const acknowledged = results.map((r) => (r as PromiseFulfilledResult<{ teamIds: string[]; version: number }>).value);
    // every submission was applied once, one after the other: versions 1 to 200, none lost or doubled
    expect(acknowledged.map((a) => a.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    const last = acknowledged.find((a) => a.version === 200)!;
    const ballots = await t.db.ballot.findMany({ where: { editionId: edition.id }, include: { picks: { orderBy: { rank: "asc" } } } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0].version).toBe(200);
    expect(ballots[0].picks.map((p) => p.teamId)).toEqual(last.teamIds);
    expect(await t.db.ballotPick.count({ where: { ballotId: ballots[0].id } })).toBe(last.teamIds.length);
    expect(pointsOf(await computeResults(t.db, edition.id))).toEqual(expectedPoints([last.teamIds], teamIds));
  });

  it("counts every one of 500 phones voting at once, and every point of their picks", async () => {
    const { edition, teamIds } = await openFinalWith(8);
    const random = seededRandom(500);
    const ballots = Array.from({ length: 500 }, () => ({ voter: phone(), picks: randomPicks(random, teamIds) }));
    for (let i = 0; i < ballots.length; i += 50) {
      await Promise.all(ballots.slice(i, i + 50).map(({ voter, picks }) => castBallot(t.db, edition.id, voter, picks)));
    }

    expect(await ballotCount(t.db, edition.id)).toBe(500);
    expect((await voteSnapshot(t.db, edition.id)).ballots).toBe(500);
    const results = await computeResults(t.db, edition.id);
    expect(results.ballots).toBe(500);
    const expected = expectedPoints(
      ballots.map((b) => b.picks),
      teamIds,
    );
    expect(pointsOf(results)).toEqual(expected);
    const totalPoints = ballots.reduce((sum, b) => sum + [3, 2, 1].slice(0, b.picks.length).reduce((s, p) => s + p, 0), 0);
    expect(results.ranking.reduce((sum, r) => sum + r.audiencePoints, 0)).toBe(totalPoints);
  });
});

describe("the results", () => {
  it("are recomputed from the ballots as stored, replaced ones included, and match a count made by hand", async () => {
    const { edition, teamIds } = await openFinalWith(5, { audienceWeight: 2 });
    const random = seededRandom(42);
    const voters = Array.from({ length: 40 }, () => phone());
    for (const voter of voters) await castBallot(t.db, edition.id, voter, randomPicks(random, teamIds));
    // a quarter change their mind
    for (const voter of voters.slice(0, 10)) await castBallot(t.db, edition.id, voter, randomPicks(random, teamIds));

    // the count by hand, straight from the stored rows
    const rows = await t.db.ballotPick.findMany({ where: { ballot: { editionId: edition.id } } });
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const byHand = new Map(teamIds.map((id) => [id, { points: 0, places: [0, 0, 0] }]));
    for (const { teamId, rank } of rows) {
      byHand.get(teamId)!.points += 4 - rank;
      byHand.get(teamId)!.places[rank - 1] += 1;
    }

    const results = await computeResults(t.db, edition.id);
    expect(results.ballots).toBe(40);
    expect(results.settings).toEqual({ ...DEFAULTS, audienceWeight: 2 });
    for (const r of results.ranking) {
      expect(r.audiencePoints, r.name).toBe(byHand.get(r.teamId)!.points);
      expect(r.placeCounts, r.name).toEqual(byHand.get(r.teamId)!.places);
      expect(r.bonusPoints).toBe(0);
      expect(r.total).toBe(2 * r.audiencePoints);
    }
    const totals = results.ranking.map((r) => r.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(results.ranking[0].place).toBe(1);
    expect(new Set(results.ranking.map((r) => r.teamId))).toEqual(new Set(teamIds));
    // the organizers' view is the same
    expect(await resultsFor(t.db, organizer, edition.id)).toEqual(results);
  });

  it("lists every team, with zero points for a team nobody picked", async () => {
    const { edition, teamIds } = await openFinalWith(3);
    await castBallot(t.db, edition.id, phone(), [teamIds[0]]);
    const results = await computeResults(t.db, edition.id);
    expect(results.ranking[0]).toMatchObject({ name: "Team 01", audiencePoints: 3, place: 1, tied: false });
    // the two others tie for second (in no particular order)
    expect(
      results.ranking
        .slice(1)
        .map((r) => [r.name, r.audiencePoints, r.place, r.tied])
        .sort(),
    ).toEqual([
      ["Team 02", 0, 2, true],
      ["Team 03", 0, 2, true],
    ]);
  });
});

describe("revealing the podium on the projector", () => {
  /** Four teams, clearly ranked: 01 first (9), 02 second (5), 03 third (3), 04 fourth (1). */
  async function votedFinal() {
    const final = await openFinalWith(4);
    const [a, b, c, d] = final.teamIds;
    for (const picks of [
      [a, b, c],
      [a, b, d],
      [a, c, b],
    ])
      await castBallot(t.db, final.edition.id, phone(), picks);
    return final;
  }
  const shown = (snapshot: VoteSnapshot) => snapshot.revealed.map((p) => [p.place, p.name, p.total]);

  it("refuses to reveal anything while the vote is open, and shows nothing meanwhile", async () => {
    const { edition } = await votedFinal();
    await expectDomainError(revealStep(t.db, organizer, edition.id, "next"), "INVALID", "Close the vote before revealing the results.");
    expect((await voteSnapshot(t.db, edition.id)).revealed).toEqual([]);
  });

  it("reveals third place, then second, then first, and no further", async () => {
    const { edition } = await votedFinal();
    const closed = await closeVote(t.db, organizer, edition.id);
    expect(closed.revealed).toEqual([]);
    expect(closed.podiumSize).toBe(3);

    expect(shown(await revealStep(t.db, organizer, edition.id, "next"))).toEqual([[3, "Team 03", 3]]);
    expect(shown(await revealStep(t.db, organizer, edition.id, "next"))).toEqual([
      [3, "Team 03", 3],
      [2, "Team 02", 5],
    ]);
    const all = await revealStep(t.db, organizer, edition.id, "next");
    expect(shown(all)).toEqual([
      [3, "Team 03", 3],
      [2, "Team 02", 5],
      [1, "Team 01", 9],
    ]);
    expect(all.revealed.some((p) => p.name === "Team 04")).toBe(false);
    await expectDomainError(revealStep(t.db, organizer, edition.id, "next"), "INVALID", "The whole podium is already revealed.");
    expect(shown(await voteSnapshot(t.db, edition.id))).toEqual(shown(all)); // what a reconnecting projector gets
  });

  it("hides the podium again on reset, and reveals from third again afterwards", async () => {
    const { edition } = await votedFinal();
    await closeVote(t.db, organizer, edition.id);
    await revealStep(t.db, organizer, edition.id, "next");
    await revealStep(t.db, organizer, edition.id, "next");
    expect((await revealStep(t.db, organizer, edition.id, "reset")).revealed).toEqual([]);
    expect((await voteSnapshot(t.db, edition.id)).revealed).toEqual([]);
    expect(shown(await revealStep(t.db, organizer, edition.id, "next"))).toEqual([[3, "Team 03", 3]]);
  });

  it("has a smaller podium when fewer than three teams competed", async () => {
    const { edition, teamIds } = await openFinalWith(2);
    await castBallot(t.db, edition.id, phone(), [teamIds[1], teamIds[0]]);
    await closeVote(t.db, organizer, edition.id);
    await revealStep(t.db, organizer, edition.id, "next");
    expect(shown(await revealStep(t.db, organizer, edition.id, "next"))).toEqual([
      [2, "Team 01", 2],
      [1, "Team 02", 3],
    ]);
    await expectDomainError(revealStep(t.db, organizer, edition.id, "next"), "INVALID", "The whole podium is already revealed.");
  });

  it("tells the projector each step on the vote channel", async () => {
    const { edition } = await votedFinal();
    await closeVote(t.db, organizer, edition.id);
    const events: LiveEvent[] = [];
    const unsubscribe = liveBus().subscribe(channels.vote(edition.id), (event) => events.push(event));
    try {
      const step = await revealStep(t.db, organizer, edition.id, "next");
      // (a coalesced ballot-count announcement of the casting may also land here)
      expect(events).toContainEqual({ type: "vote", data: step });
      expect(step.revealed).toHaveLength(1);
    } finally {
      unsubscribe();
    }
  });
});

describe("exports", () => {
  it("exports the ballots without anything that identifies a voter", async () => {
    const { edition, teamIds } = await openFinalWith(3, { requireSignIn: true });
    const vote = await ensureVote(t.db, edition.id);
    const people = [await makeUser(t.db), await makeUser(t.db)];
    await castBallot(t.db, edition.id, voterKeyFor(vote, null, people[0]), [teamIds[0], teamIds[1]]);
    await castBallot(t.db, edition.id, voterKeyFor(vote, null, people[1]), [teamIds[2]]);
    const csv = await ballotsCsv(t.db, organizer, edition.id);
    expect(csv.split("\r\n")).toEqual(["ballot,rank,team", "1,1,Team 01", "1,2,Team 02", "2,1,Team 03", ""]);
    const stored = await t.db.ballot.findMany({ where: { editionId: edition.id } });
    for (const secret of [...people.flatMap((p) => [p.id, p.email, p.name]), ...stored.flatMap((b) => [b.id, b.voterKey]), "user:"]) {
      expect(csv).not.toContain(secret);
    }
  });

  it("exports the results with one line per team", async () => {
    const { edition, teamIds } = await openFinalWith(4);
    await castBallot(t.db, edition.id, phone(), [teamIds[2], teamIds[0]]);
    const csv = await resultsCsv(t.db, organizer, edition.id);
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("place,team,topic,audience points,bonus points,total,tied,rank 1 picks,rank 2 picks,rank 3 picks,tie-break");
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1]).toBe("1,Team 03,,3,0,3,no,1,0,0,");
    expect(lines[2]).toBe("2,Team 01,,2,0,2,no,0,1,0,");
    expect(lines.slice(3)).toEqual(["3,Team 02,,0,0,0,yes,0,0,0,", "3,Team 04,,0,0,0,yes,0,0,0,"]); // sharing third place, by name
  });

  it("neutralizes team names a spreadsheet would run as formulas", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const evil = await makeTeam(t.db, edition.id, '=HYPERLINK("http://evil.example","x")');
    const plus = await makeTeam(t.db, edition.id, "+1+1");
    await openVote(t.db, organizer, edition.id);
    await castBallot(t.db, edition.id, phone(), [evil.id, plus.id]);
    const ballots = await ballotsCsv(t.db, organizer, edition.id);
    expect(ballots).toContain(`1,1,"'=HYPERLINK(""http://evil.example"",""x"")"\r\n`);
    expect(ballots).toContain(`1,2,"'+1+1"\r\n`);
    const results = await resultsCsv(t.db, organizer, edition.id);
    expect(results).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    for (const line of [...ballots.split("\r\n"), ...results.split("\r\n")]) {
      for (const field of line.split(",")) expect(field).not.toMatch(/^[=+\-@]/);
    }
  });

  it("quotes every field a spreadsheet would misread", () => {
    expect(csvLine(["=SUM(A1)", "+1", "-2", "@cmd", "a,b", 'say "hi"', "plain", 7])).toBe(`"'=SUM(A1)","'+1","'-2","'@cmd","a,b","say ""hi""",plain,7\r\n`);
  });
});

describe("ties on the podium", () => {
  it("reveals teams tied for third together, and leaves nobody tied off the podium", async () => {
    const { edition, teamIds } = await finalWith(4, { method: "APPROVAL", picks: 3 });
    const [a, b, c, d] = teamIds;
    await openVote(t.db, organizer, edition.id);
    // a: 3 votes, b: 2, c and d: 1 each — c and d tie for third
    await castBallot(t.db, edition.id, phone(), [a, b, c]);
    await castBallot(t.db, edition.id, phone(), [a, b, d]);
    await castBallot(t.db, edition.id, phone(), [a]);
    const closed = await closeVote(t.db, organizer, edition.id);
    expect(closed.podiumSize).toBe(3);
    expect(closed.nextRevealPlace).toBe(3);
    const third = await revealStep(t.db, organizer, edition.id, "next");
    expect(third.revealed.map((p) => p.teamId).sort()).toEqual([c, d].sort());
    expect(third.revealed.every((p) => p.place === 3 && p.tied)).toBe(true);
    expect(third.nextRevealPlace).toBe(2);
    await revealStep(t.db, organizer, edition.id, "next");
    const all = await revealStep(t.db, organizer, edition.id, "next");
    expect(all.nextRevealPlace).toBeNull();
    expect((await announcedPrizes(t.db, edition.id))?.podium.map((p) => p.place)).toEqual([1, 2, 3, 3]);
  });

  it("takes two steps when two teams tie for first", async () => {
    const { edition, teamIds } = await finalWith(3, { method: "APPROVAL", picks: 2 });
    const [a, b, c] = teamIds;
    await openVote(t.db, organizer, edition.id);
    await castBallot(t.db, edition.id, phone(), [a, b]);
    await castBallot(t.db, edition.id, phone(), [a, b]);
    await castBallot(t.db, edition.id, phone(), [c]);
    const closed = await closeVote(t.db, organizer, edition.id);
    expect(closed.podiumSize).toBe(2);
    expect((await revealStep(t.db, organizer, edition.id, "next")).revealed.map((p) => p.teamId)).toEqual([c]);
    const first = await revealStep(t.db, organizer, edition.id, "next");
    expect(
      first.revealed
        .filter((p) => p.place === 1)
        .map((p) => p.teamId)
        .sort(),
    ).toEqual([a, b].sort());
    await expectDomainError(revealStep(t.db, organizer, edition.id, "next"), undefined, /The whole podium is already revealed\./);
  });
});

describe("equal totals on the podium", () => {
  /**
   * Four teams, three of them on 6 points: Team 03 first twice; Team 01 and
   * Team 02 once first, once second, once third (equal on the whole chain);
   * Team 04 second twice (4 points).
   */
  async function threeWayTie() {
    const { edition, teamIds } = await openFinalWith(4);
    const [a, b, c, d] = teamIds;
    for (const picks of [
      [c, a, b],
      [c, b, a],
      [a, d],
      [b, d],
    ]) {
      await castBallot(t.db, edition.id, phone(), picks);
    }
    return { edition, teamIds };
  }

  it("ranks by the tie-break chain, shares the place of teams equal on all of it, and says which rule decided", async () => {
    const { edition } = await threeWayTie();
    const results = resultsSaid(await computeResults(t.db, edition.id), en);
    expect(results.ranking.map((r) => [r.place, r.name, r.total, r.tied, r.tieBreakNote])).toEqual([
      [1, "Team 03", 6, false, "Ahead of Team 01 and Team 02 on first-place votes: 2 to 1"],
      [2, "Team 01", 6, true, null],
      [2, "Team 02", 6, true, null],
      [4, "Team 04", 4, false, null],
    ]);
    expect(results.ranking[0].tieBreak).toMatchObject({ rule: "PLACE_VOTES", rank: 1, ahead: 2, behind: 1 });
    expect(results.tieBreakRule).toBe(
      "Equal totals are decided by more audience points, then more first-place votes, then more second-place votes, then more third-place votes; teams equal on all of these share the place.",
    );
    expect(results.sharedNote).toBe("A shared place: equal on points, audience points, first-place votes, second-place votes and third-place votes.");
    // the results CSV says it too
    const csv = (await resultsCsv(t.db, organizer, edition.id)).split("\r\n");
    expect(csv[1]).toBe("1,Team 03,,6,0,6,no,2,0,0,Ahead of Team 01 and Team 02 on first-place votes: 2 to 1");
  });

  it("reveals the shared place as one step with its reason, then the winner with the rule that put it ahead; the edition keeps both", async () => {
    const { edition } = await threeWayTie();
    const closed = await closeVote(t.db, organizer, edition.id);
    expect([closed.podiumSize, closed.nextRevealPlace, closed.sharedNote]).toEqual([2, 2, null]);

    const second = await revealStep(t.db, organizer, edition.id, "next");
    expect(second.revealed.map((p) => [p.place, p.name, p.tied, p.tieBreakNote])).toEqual([
      [2, "Team 01", true, null],
      [2, "Team 02", true, null],
    ]);
    expect(en(second.sharedNote!)).toMatch(/^A shared place: equal on points, audience points/);

    const first = await revealStep(t.db, organizer, edition.id, "next");
    const winner = first.revealed.find((p) => p.place === 1)!;
    expect({ ...winner, tieBreakNote: en(winner.tieBreakNote!) }).toMatchObject({
      name: "Team 03",
      tied: false,
      tieBreakNote: "Ahead of Team 01 and Team 02 on first-place votes: 2 to 1",
    });

    const prizes = await announcedPrizes(t.db, edition.id);
    expect(prizes?.podium.map((p) => [p.place, p.name, p.tied, p.tieBreakNote && en(p.tieBreakNote)])).toEqual([
      [1, "Team 03", false, "Ahead of Team 01 and Team 02 on first-place votes: 2 to 1"],
      [2, "Team 01", true, null],
      [2, "Team 02", true, null],
    ]);
    expect(en(prizes!.sharedNote!)).toMatch(/^A shared place/);
  });

  it("breaks equal totals on the audience points first when the bonus evened them out", async () => {
    const { edition, teamIds } = await openFinalWith(2);
    const [a, b] = teamIds;
    // a: 3 + 2 + 3 = 8 audience points, b: 2 + 3 = 5
    await castBallot(t.db, edition.id, phone(), [a, b]);
    await castBallot(t.db, edition.id, phone(), [b, a]);
    await castBallot(t.db, edition.id, phone(), [a]);
    // a bonus of 3 for b (weight 1) makes both 8: the audience decides
    const challenge = await makeChallenge(t.db, edition.id, { kind: "JUDGED" });
    await t.db.score.create({ data: { challengeId: challenge.id, teamId: b, points: 3, comment: "bonus", updatedById: organizer.id } });
    const results = resultsSaid(await computeResults(t.db, edition.id), en);
    expect(results.ranking.map((r) => [r.place, r.name, r.audiencePoints, r.bonusPoints, r.total, r.tieBreakNote])).toEqual([
      [1, "Team 01", 8, 0, 8, "Ahead of Team 02 on audience points: 8 to 5"],
      [2, "Team 02", 5, 3, 8, null],
    ]);
    expect(results.sharedNote).toBeNull();
  });
});

describe("where the ballots came from", () => {
  /** A phone on a given client network (its hash, as the routes compute it). */
  const phoneOn = (clientHash: string): Voter => ({ ...phone(), clientHash });

  it("keeps the client network's hash with each ballot, and the latest one when the ballot is replaced", async () => {
    const { edition, teamIds } = await openFinalWith(3);
    const voter = phoneOn("hall-wifi-hash");
    await castBallot(t.db, edition.id, voter, [teamIds[0]]);
    const first = await t.db.ballot.findFirstOrThrow({ where: { editionId: edition.id } });
    expect(first.clientHash).toBe("hall-wifi-hash");
    await castBallot(t.db, edition.id, { ...voter, clientHash: "mobile-data-hash" }, [teamIds[1]]);
    const replaced = await t.db.ballot.findFirstOrThrow({ where: { editionId: edition.id } });
    expect([replaced.id, replaced.version, replaced.clientHash]).toEqual([first.id, 2, "mobile-data-hash"]);
  });

  it("lists the ballots per address and per minute, for organizers only", async () => {
    const { edition, teamIds } = await openFinalWith(3);
    for (let i = 0; i < 3; i++) await castBallot(t.db, edition.id, phoneOn("hall"), [teamIds[i]]);
    await castBallot(t.db, edition.id, phoneOn("laptop"), [teamIds[2]]);
    const audit = await voteAudit(t.db, organizer, edition.id);
    expect(audit.addresses.map((a) => [a.clientHash, a.label, a.ballots, a.voided])).toEqual([
      ["hall", "hall", 3, 0],
      ["laptop", "laptop", 1, 0],
    ]);
    expect(audit.addresses[0].first.getTime()).toBeLessThanOrEqual(audit.addresses[0].last.getTime());
    expect(audit.minutes.reduce((sum, m) => sum + m.ballots, 0)).toBe(4);
    expect(audit).toMatchObject({ ballots: 4, voided: 0, voids: [], otherAddresses: { addresses: 0, ballots: 0 } });
    for (const actor of [employee, judge])
      await expectDomainError(voteAudit(t.db, actor, edition.id), "FORBIDDEN", "Only organizers can see where the ballots came from.");
    await expectDomainError(voteAudit(t.db, null, edition.id), "UNAUTHENTICATED");
  });
});

describe("voiding a cluster of ballots", () => {
  /**
   * Teams 01 to 03; three people in the hall vote 01 first, and a script on
   * one laptop casts five ballots for 03, which wins with them.
   */
  async function stuffedFinal() {
    const final = await openFinalWith(3);
    const [a, b, c] = final.teamIds;
    for (const picks of [
      [a, b, c],
      [a, c, b],
      [b, a, c],
    ])
      await castBallot(t.db, final.edition.id, { ...phone(), clientHash: "hall" }, picks);
    const script = Array.from({ length: 5 }, () => ({ ...phone(), clientHash: "script" }));
    for (const voter of script) await castBallot(t.db, final.edition.id, voter, [c]);
    return { ...final, script };
  }
  const winner = async (editionId: string) => (await computeResults(t.db, editionId)).ranking[0].name;

  it("stops the voided ballots counting anywhere, keeps who voided them and why, and restoring brings them back", async () => {
    const { edition, teamIds, script } = await stuffedFinal();
    expect(await ballotCount(t.db, edition.id)).toBe(8);
    expect(await winner(edition.id)).toBe("Team 03");
    const before = await computeResults(t.db, edition.id);

    const events: LiveEvent[] = [];
    const unsubscribe = liveBus().subscribe(channels.vote(edition.id), (event) => events.push(event));
    let voided;
    try {
      voided = (await voidBallots(t.db, organizer, edition.id, { clientHash: "script", reason: "Five ballots in one second from one laptop" })).void;
      // the projectors and phones hear the new count at once
      expect(events.at(-1)).toMatchObject({ type: "vote", data: { ballots: 3 } });
    } finally {
      unsubscribe();
    }

    // the audit trail
    expect(voided).toMatchObject({
      editionId: edition.id,
      byUserId: organizer.id,
      reason: "Five ballots in one second from one laptop",
      clientHash: "script",
      ballots: 5,
      restoredAt: null,
    });
    const stored = await t.db.ballot.findMany({ where: { editionId: edition.id } });
    expect(stored.filter((b) => b.voidId === voided.id).map((b) => b.clientHash)).toEqual(Array(5).fill("script"));
    expect(stored.filter((b) => b.voidId === null).map((b) => b.clientHash)).toEqual(Array(3).fill("hall"));

    // counted nowhere: the count, the live snapshot, the results, the exports
    expect(await ballotCount(t.db, edition.id)).toBe(3);
    expect((await voteSnapshot(t.db, edition.id)).ballots).toBe(3);
    const results = await computeResults(t.db, edition.id);
    expect(results.ballots).toBe(3);
    expect(results.ranking.map((r) => [r.name, r.audiencePoints])).toEqual([
      ["Team 01", 8],
      ["Team 02", 6],
      ["Team 03", 4],
    ]);
    const csv = await ballotsCsv(t.db, organizer, edition.id);
    expect(csv.trim().split("\r\n")).toHaveLength(1 + 9); // three ballots of three picks
    expect((await resultsCsv(t.db, organizer, edition.id)).split("\r\n")[1]).toMatch(/^1,Team 01,/);
    const audit = await voteAudit(t.db, organizer, edition.id);
    expect(audit.addresses.find((a) => a.clientHash === "script")).toMatchObject({ ballots: 5, voided: 5, minutes: [] });
    expect(audit).toMatchObject({ ballots: 3, voided: 5 });
    expect(audit.voids).toHaveLength(1);
    expect(audit.voids[0]).toMatchObject({
      id: voided.id,
      by: (organizer as Actor & { name: string }).name,
      clientLabel: "script",
      ballots: 5,
      restoredAt: null,
    });

    // the script sends its ballots again: they stay voided
    await castBallot(t.db, edition.id, script[0], [teamIds[2]]);
    expect((await t.db.ballot.findUniqueOrThrow({ where: { editionId_voterKey: { editionId: edition.id, voterKey: script[0].key } } })).voidId).toBe(voided.id);
    expect(await ballotCount(t.db, edition.id)).toBe(3);

    // restored: they count again, and the void stays in the trail, marked
    const restored = (await restoreVoid(t.db, organizer, voided.id)).void;
    expect(restored).toMatchObject({ restoredById: organizer.id, restoredBallots: 5 });
    expect(await ballotCount(t.db, edition.id)).toBe(8);
    expect(pointsOf(await computeResults(t.db, edition.id))).toEqual(pointsOf(before));
    const trail = await t.db.ballotVoid.findUniqueOrThrow({ where: { id: voided.id } });
    expect(trail.restoredById).toBe(organizer.id);
    expect(trail.restoredAt).toBeInstanceOf(Date);
    expect(trail.ballots).toBe(5);
    expect((await voteAudit(t.db, organizer, edition.id)).voids[0]).toMatchObject({ restoredBy: (organizer as Actor & { name: string }).name });
    await expectDomainError(restoreVoid(t.db, organizer, voided.id), "INVALID", "Those ballots were restored already.");
  });

  it("voids only the ballots last sent within the span, without changing when they were sent", async () => {
    const { edition, teamIds } = await openFinalWith(2);
    const voters = Array.from({ length: 4 }, () => ({ ...phone(), clientHash: "laptop" }));
    for (const voter of voters) await castBallot(t.db, edition.id, voter, [teamIds[0]]);
    // two sent at 17:00, two at 17:05
    const at = [new Date("2030-01-17T17:00:10Z"), new Date("2030-01-17T17:00:50Z"), new Date("2030-01-17T17:05:20Z"), new Date("2030-01-17T17:05:40Z")];
    for (const [i, voter] of voters.entries()) {
      await t.db.ballot.update({ where: { editionId_voterKey: { editionId: edition.id, voterKey: voter.key } }, data: { updatedAt: at[i] } });
    }
    const audit = await voteAudit(t.db, organizer, edition.id);
    expect(audit.minutes.map((m) => [m.at.toISOString(), m.ballots])).toEqual([
      ["2030-01-17T17:00:00.000Z", 2],
      ["2030-01-17T17:05:00.000Z", 2],
    ]);
    expect(audit.addresses[0].minutes.map((m) => m.counted)).toEqual([2, 2]);

    const { void: voided, audit: after } = await voidBallots(t.db, organizer, edition.id, {
      clientHash: "laptop",
      from: new Date("2030-01-17T17:05:00Z"),
      to: new Date("2030-01-17T17:06:00Z"),
      reason: "A burst at 17:05",
    });
    expect(voided).toMatchObject({ ballots: 2, fromAt: new Date("2030-01-17T17:05:00Z"), toAt: new Date("2030-01-17T17:06:00Z") });
    // the organizer's page shows the audit as it is now
    expect(after.voids.map((v) => v.id)).toEqual([voided.id]);
    expect(after.addresses[0].minutes.map((m) => m.counted)).toEqual([2]); // the voided minute counts nothing any more
    expect(await ballotCount(t.db, edition.id)).toBe(2);
    const rows = await t.db.ballot.findMany({ where: { editionId: edition.id }, orderBy: { updatedAt: "asc" } });
    expect(rows.map((r) => [r.updatedAt.toISOString(), r.voidId])).toEqual([
      [at[0].toISOString(), null],
      [at[1].toISOString(), null],
      [at[2].toISOString(), voided.id],
      [at[3].toISOString(), voided.id],
    ]);
    // nothing left to void in that span
    await expectDomainError(
      voidBallots(t.db, organizer, edition.id, {
        clientHash: "laptop",
        from: new Date("2030-01-17T17:05:00Z"),
        to: new Date("2030-01-17T17:06:00Z"),
        reason: "again",
      }),
      "INVALID",
      /No counted ballot from that address matches/,
    );
  });

  it("is organizers only, needs a reason and a span that ends after it starts, and changes nothing when refused", async () => {
    const { edition } = await stuffedFinal();
    const other = await stuffedFinal();
    const { void: theirs } = await voidBallots(t.db, organizer, other.edition.id, { clientHash: "script", reason: "Stuffed" });
    const input = { clientHash: "script", reason: "Stuffed" };
    for (const actor of [employee, judge]) {
      await expectDomainError(voidBallots(t.db, actor, edition.id, input), "FORBIDDEN", "Only organizers can void ballots.");
      await expectDomainError(restoreVoid(t.db, actor, theirs.id), "FORBIDDEN", "Only organizers can restore voided ballots.");
    }
    await expectDomainError(voidBallots(t.db, null, edition.id, input), "UNAUTHENTICATED");
    await expectDomainError(restoreVoid(t.db, null, theirs.id), "UNAUTHENTICATED");
    await expectDomainError(voidBallots(t.db, organizer, edition.id, { ...input, reason: "  " }), "INVALID", /Say why/);
    await expectDomainError(
      voidBallots(t.db, organizer, edition.id, { ...input, from: new Date("2030-01-17T17:05:00Z"), to: new Date("2030-01-17T17:05:00Z") }),
      "INVALID",
      "The span of minutes must end after it starts.",
    );
    await expectDomainError(voidBallots(t.db, organizer, edition.id, { ...input, clientHash: "nobody" }), "INVALID", /No counted ballot/);
    await expectDomainError(voidBallots(t.db, organizer, "no-such-edition", input), "NOT_FOUND");
    await expectDomainError(restoreVoid(t.db, organizer, "no-such-void"), "NOT_FOUND");
    // a void of another edition isn't restored through this one
    await expectDomainError(restoreVoid(t.db, organizer, theirs.id, edition.id), "NOT_FOUND");
    expect(await ballotCount(t.db, edition.id)).toBe(8);
    expect(await ballotCount(t.db, other.edition.id)).toBe(3);
    expect(await t.db.ballotVoid.count({ where: { editionId: edition.id } })).toBe(0);
    expect((await t.db.ballotVoid.findUniqueOrThrow({ where: { id: theirs.id } })).restoredAt).toBeNull();
  });

  it("changes a revealed podium: the results are recomputed without the voided ballots", async () => {
    const { edition } = await stuffedFinal();
    await closeVote(t.db, organizer, edition.id);
    for (let i = 0; i < 3; i++) await revealStep(t.db, organizer, edition.id, "next");
    expect((await announcedPrizes(t.db, edition.id))?.podium[0].name).toBe("Team 03");
    await voidBallots(t.db, organizer, edition.id, { clientHash: "script", reason: "Stuffed" });
    expect((await announcedPrizes(t.db, edition.id))?.podium[0].name).toBe("Team 01");
    expect((await voteSnapshot(t.db, edition.id)).revealed.find((p) => p.place === 1)?.name).toBe("Team 01");
  });
});

describe("one ballot per mailbox", () => {
  async function person(email: string) {
    const user = await t.db.user.create({ data: { email, name: email.split("@")[0], role: "EMPLOYEE" } });
    return { id: user.id, role: "EMPLOYEE" as const, email: user.email };
  }

  it("folds name+anything@company into name@company when the vote asks for it", async () => {
    const { edition, teamIds } = await openFinalWith(3, { requireSignIn: true, foldPlusAddresses: true });
    const vote = await ensureVote(t.db, edition.id);
    expect(vote.foldPlusAddresses).toBe(true);
    const tag = newVoterId().slice(0, 6).toLowerCase();
    const alice = await person(`alice${tag}@corp.test`);
    const aliceAgain = await person(`alice${tag}+vote2@corp.test`);
    expect(voterKeyFor(vote, null, aliceAgain)).toEqual({ key: `mailbox:alice${tag}@corp.test`, userId: aliceAgain.id });
    await castBallot(t.db, edition.id, voterKeyFor(vote, null, alice), [teamIds[0]]);
    const second = await castBallot(t.db, edition.id, voterKeyFor(vote, null, aliceAgain), [teamIds[1]]);
    expect(second.version).toBe(2);
    expect(await ballotCount(t.db, edition.id)).toBe(1);
    expect(await ballotOf(t.db, edition.id, `mailbox:alice${tag}@corp.test`)).toEqual([teamIds[1]]);
  });

  it("keeps one ballot per account when the vote doesn't fold, and for anonymous votes", async () => {
    const { edition, teamIds } = await openFinalWith(3, { requireSignIn: true });
    const vote = await ensureVote(t.db, edition.id);
    expect(vote.foldPlusAddresses).toBe(false);
    const tag = newVoterId().slice(0, 6).toLowerCase();
    for (const email of [`bob${tag}@corp.test`, `bob${tag}+2@corp.test`])
      await castBallot(t.db, edition.id, voterKeyFor(vote, null, await person(email)), [teamIds[0]]);
    expect(await ballotCount(t.db, edition.id)).toBe(2);
    expect(voterKeyFor({ requireSignIn: false, foldPlusAddresses: true }, "device-id-123456", null).key).toBe("device:device-id-123456");
  });

  it("finds the mailbox behind an address, and the settings default to not folding", () => {
    expect(mailboxOf("Name+Talks+2@Corp.Example")).toBe("name@corp.example");
    expect(mailboxOf("plain@corp.example")).toBe("plain@corp.example");
    expect(mailboxOf("+x@corp.example")).toBe("+x@corp.example"); // nothing before the plus: no mailbox to fold into
    const { foldPlusAddresses, ...older } = { ...DEFAULTS, foldPlusAddresses: true };
    expect(foldPlusAddresses).toBe(true);
    expect(voteSettingsSchema.parse(older).foldPlusAddresses).toBe(false);
    expect(voteSettingsSchema.parse({ ...older, foldPlusAddresses: true }).foldPlusAddresses).toBe(true);
  });
});

describe("recommending one ballot per person", () => {
  it("recommends it when people sign in with the company's SSO or have verified email addresses", async () => {
    expect(await signInRecommendation(t.db, "Corp SSO")).toMatch(/^Recommended: one ballot per person \(people sign in with Corp SSO: .+\)\.$/);
    await t.db.user.updateMany({ data: { emailVerifiedAt: null } });
    expect(await signInRecommendation(t.db, null)).toBeNull();
    await t.db.user.update({ where: { id: employee.id }, data: { emailVerifiedAt: new Date() } });
    expect(await signInRecommendation(t.db, null)).toMatch(/^Recommended: one ballot per person \(1 account has a verified email address: .+\)\.$/);
  });
});
