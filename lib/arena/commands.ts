// Teams' bots for a tournament challenge: submitted (every version kept,
// compile errors shown at once, and a quick check match first: a bot that
// forfeits is refused with why), and tried in practice matches against the
// built-in bots before the deadline.
// Running a tournament: the bots that play (each team's last version before
// the deadline) meet in a round robin (every pair `matchesPerPair` times) or
// in a Swiss tournament (paired round by round by their standings). Matches run on
// the worker pool off the request path; each one is stored as it finishes,
// so a crash or a restart resumes with the matches left, and the tournament's
// seed makes a re-run with the same bots identical. The final standings
// become the challenge's points on the bonus leaderboard.
import type { Db } from "../platform/db";
import { DomainError, forbidden, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { requireActor, type Actor, assertOrganizer } from "../people/rules";
import { compileBot } from "./engine/compile";
import { getGame } from "./engine/games";
import type { ArenaGame } from "./engine/games/types";
import { describeForfeit, type MatchRecord } from "./engine/match";
import { matchPool } from "./engine/pool";
import { tournamentFor, playingVersions } from "./queries";
import { getChallenge } from "../challenges/queries";
import { plannedTotal, scheduleRound, type ScheduleSettings, type TournamentFormat } from "./engine/schedule";
import { defaultSwissRounds } from "./engine/swiss";
import { playInBackground } from "./runner";
import { msg } from "../platform/messages";

/** Matches (practice, or a submission's check) one person may have running at once. */
export const PRACTICE_PER_PERSON = 1;
/** Matches one team may have running at once, whoever of the team asks. */
export const PRACTICE_PER_TEAM = 2;

/**
 * Who is using the match workers for practice (issue 11: one person could fill
 * them): at most `perPerson` matches at once per person and `perTeam` per
 * team; one more is refused at once with a message (the pool, for its part,
 * keeps practice to its share of the workers). Counted by the instance that
 * plays the match, on purpose: what it shares out is this instance's workers,
 * and each instance has its own.
 */
export class ArenaLimiter {
  private people = new Map<string, number>();
  private teams = new Map<string, number>();

  constructor(private readonly limits = { perPerson: PRACTICE_PER_PERSON, perTeam: PRACTICE_PER_TEAM }) {}

  /** Plays `match` if this person and their team are under their limits, else refuses (429) without playing it. */
  async run<T>(who: Who, match: () => Promise<T>): Promise<T> {
    if ((this.people.get(who.userId) ?? 0) >= this.limits.perPerson) {
      throw new DomainError("RATE_LIMITED", msg("arena.practice.personBusy"));
    }
    if (who.teamId && (this.teams.get(who.teamId) ?? 0) >= this.limits.perTeam) {
      throw new DomainError("RATE_LIMITED", msg("arena.practice.teamBusy", { count: this.limits.perTeam }));
    }
    const add = (counts: Map<string, number>, key: string, delta: number) => {
      const n = (counts.get(key) ?? 0) + delta;
      if (n > 0) counts.set(key, n);
      else counts.delete(key);
    };
    add(this.people, who.userId, 1);
    if (who.teamId) add(this.teams, who.teamId, 1);
    try {
      return await match();
    } finally {
      add(this.people, who.userId, -1);
      if (who.teamId) add(this.teams, who.teamId, -1);
    }
  }

  /** How many people and teams have a match running. */
  running() {
    return { people: this.people.size, teams: this.teams.size };
  }
}
/** The server's one limiter. */
export function arenaLimiter(): ArenaLimiter {
  return (globalForLimiter.hexathonArenaLimiter ??= new ArenaLimiter());
}

/** Rounds of the check match a bot plays when it is submitted (fewer if the game's practice match is shorter). */
export const SUBMIT_CHECK_ROUNDS = 10;
/** The check's seed: the same bot always gets the same check. */
export const SUBMIT_CHECK_SEED = 1;

/**
 * Submits a new version of the team's bot. A bot that doesn't compile is
 * refused with the error (line and column), and nothing is stored; so is a
 * bot that forfeits a short check match against the starter bot (an endless
 * loop, an exception, an illegal move), with the round and the reason,
 * unless `force` says to store it anyway.
 */
export async function submitBot(
  db: Db,
  actor: Actor | null,
  challengeId: string,
  source: string,
  language: "js" | "ts",
  now = new Date(),
  { force = false }: { force?: boolean } = {},
) {
  const me = requireActor(actor);
  const { challenge, teamId } = await tournamentFor(db, me, challengeId);
  if (!teamId) throw forbidden(msg("arena.bot.teamMembersOnly"));
  if (now >= challenge.closesAt) throw invalid(msg("arena.bot.deadlinePassed"));
  const compiled = await compileBot(source, language);
  if (!compiled.ok) throw invalid(msg("arena.bot.doesNotCompile", { error: compiled.error }), "source", compiled.at);
  if (!force) {
    const forfeited = await checkBot(getGame(challenge.game), compiled.script, { userId: me.id, teamId });
    // its own field: the page offers to store it anyway (a compile error, field "source", it doesn't)
    if (forfeited) throw invalid(forfeited, "check");
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const bot = await db.bot
      .upsert({ where: { challengeId_teamId: { challengeId, teamId } }, create: { challengeId, teamId }, update: {} })
      .catch(async (error) => {
        if (isUniqueViolation(error)) return db.bot.findUniqueOrThrow({ where: { challengeId_teamId: { challengeId, teamId } } });
        throw error;
      });
    const latest = await db.botVersion.findFirst({ where: { botId: bot.id }, orderBy: { version: "desc" } });
    try {
      return await db.botVersion.create({
        data: { botId: bot.id, version: (latest?.version ?? 0) + 1, language, source, compiled: compiled.script, submittedById: me.id, createdAt: now },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // a teammate submitted the same version number at once: number ours next
    }
  }
  throw invalid(msg("arena.bot.submittingFast"));
}

export type PracticeRequest = { source: string; language: "js" | "ts"; opponent: string; seed?: number };

/**
 * A practice match of a source (not stored) against a built-in bot, with its
 * replay, for someone who may see the tournament challenge. Compile errors
 * come back as a refusal with the line and column; a second match while this
 * person's first is running (or a third of their team's) is refused with a
 * message.
 */
export async function practiceMatch(
  db: Db,
  actor: Actor | null,
  challengeId: string,
  { source, language, opponent: opponentId, seed = Math.floor(Math.random() * 2 ** 31) }: PracticeRequest,
): Promise<MatchRecord> {
  const me = requireActor(actor);
  const challenge = await getChallenge(db, actor, challengeId);
  if (challenge.kind !== "TOURNAMENT") throw invalid(msg("arena.practice.tournamentOnly"));
  const game = getGame(challenge.game);
  const opponent = game.bots.find((b) => b.id === opponentId);
  if (!opponent) throw invalid(msg("arena.practice.pickOpponent"), "opponent");
  const [mine, theirs] = await Promise.all([compileBot(source, language), builtinScript(game, opponent.id)]);
  if (!mine.ok) throw invalid(msg("arena.bot.doesNotCompile", { error: mine.error }), "source", mine.at);
  const membership = await db.teamMember.findUnique({ where: { editionId_userId: { editionId: challenge.editionId, userId: me.id } } });
  // on a worker thread (a slow bot never holds up the server), within the practice share of the workers
  return arenaLimiter().run({ userId: me.id, teamId: membership?.teamId ?? null }, () =>
    matchPool().run([mine.script, theirs], { game: game.id, rounds: game.practiceRounds, seed }, "practice"),
  );
}

/**
 * Starts the tournament with the challenge's settings (game, rounds per
 * match, matches per pair, format): the teams' last bots before the deadline,
 * in the order of their names, so that the command line given the same bots
 * in the same order and the same seed plays the same matches.
 */
export async function startTournament(db: Db, actor: Actor | null, challengeId: string, { seed: chosenSeed }: { seed?: number } = {}) {
  assertOrganizer(actor, msg("arena.doing.runTournament"));
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge || challenge.kind !== "TOURNAMENT") throw notFound(msg("arena.tournament.notFound"));
  const existing = await db.tournament.findUnique({ where: { challengeId } });
  if (existing?.status === "RUNNING") throw invalid(msg("arena.tournament.alreadyRunning"));
  const entries = (await playingVersions(db, challengeId)).sort((a, b) => a.team.name.localeCompare(b.team.name));
  if (entries.length < 2) throw invalid(msg("arena.tournament.needsTwoTeams"));
  const seed = chosenSeed ?? Math.floor(Math.random() * 2 ** 31);
  const format = challenge.format as TournamentFormat;
  const settings: ScheduleSettings = {
    format,
    matchesPerPair: challenge.matchesPerPair,
    seed,
    swissRounds: format === "SWISS" ? (challenge.swissRounds ?? defaultSwissRounds(entries.length)) : 0,
  };
  const teams = entries.map((e) => ({ id: e.team.id, name: e.team.name }));
  const first = scheduleRound(teams, settings, 0, [], []);
  const versionOf = new Map(entries.map((e) => [e.team.id, e.version.id]));
  const tournament = await db.$transaction(async (tx) => {
    if (existing) await tx.tournament.delete({ where: { id: existing.id } }); // a re-run replaces the previous one
    const created = await tx.tournament.create({
      data: {
        challengeId,
        seed,
        game: challenge.game,
        rounds: challenge.matchRounds,
        matchesPerPair: challenge.matchesPerPair,
        format,
        swissRounds: settings.swissRounds,
        entries: JSON.stringify(entries.map((e) => ({ teamId: e.team.id, versionId: e.version.id }))),
        byes: JSON.stringify(first.bye ? [first.bye] : []),
        total: plannedTotal(settings, entries.length),
      },
    });
    await tx.tournamentMatch.createMany({
      data: first.matches.map((m, number) => ({
        tournamentId: created.id,
        number,
        ...m,
        versionAId: versionOf.get(m.teamAId)!,
        versionBId: versionOf.get(m.teamBId)!,
      })),
    });
    return created;
  });
  playInBackground(db, tournament.id); // the page answers at once
  return tournament;
}

const globalForLimiter = globalThis as unknown as { hexathonArenaLimiter?: ArenaLimiter };

/**
 * A short match of a submitted bot against the game's starter bot, as
 * practice on the workers: why the bot forfeited (a message of lib/: "Your bot
 * forfeited … in round 0: exceeded 50 ms. …"), or null if it played every round.
 */
async function checkBot(game: ArenaGame, script: string, who: Who): Promise<string | null> {
  const opponent = game.bots.find((b) => b.id === "starter") ?? game.bots[0];
  const rounds = Math.min(game.practiceRounds, SUBMIT_CHECK_ROUNDS);
  const theirs = await builtinScript(game, opponent.id);
  const record = await arenaLimiter().run(who, () => matchPool().run([script, theirs], { game: game.id, rounds, seed: SUBMIT_CHECK_SEED }, "practice"));
  const forfeit = record.forfeits.find((f) => f.player === 0);
  if (!forfeit) return null;
  // the forfeit's description is a message too (its round, the engine's reason, what the bot threw as it threw it)
  return msg("arena.bot.forfeitedCheck", {
    rounds,
    roundNoun: game.roundNoun,
    // "against the starter bot": the bot's name within the sentence (its name, "Starter bot", starts one)
    opponent: opponent.id === "starter" ? msg("arena.check.starterBot") : opponent.name,
    forfeit: describeForfeit(forfeit),
  });
}

type Who = { userId: string; teamId: string | null };
/** A built-in bot, compiled once per process. */
function builtinScript(game: ArenaGame, botId: string): Promise<string> {
  const key = `${game.id}/${botId}`;
  let script = builtins.get(key);
  if (!script) {
    const bot = game.bots.find((b) => b.id === botId)!;
    script = compileBot(bot.source, "ts").then((r) => {
      if (!r.ok) throw new Error(`built-in bot ${key} doesn't compile: ${r.error}`);
      return r.script;
    });
    builtins.set(key, script);
    script.catch(() => builtins.delete(key));
  }
  return script;
}

const builtins = new Map<string, Promise<string>>();
