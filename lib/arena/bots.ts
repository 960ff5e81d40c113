// Teams' bots for a tournament challenge: submitted (every version kept,
// compile errors shown at once), and tried in practice matches against the
// built-in bots before the deadline.
import type { Db } from "../db";
import { forbidden, invalid, isUniqueViolation, notFound } from "../errors";
import { requireActor, type Actor } from "../permissions";
import { compileBot } from "./compile";
import { getGame } from "./games";
import type { MatchRecord } from "./match";
import { matchPool } from "./pool";

async function tournamentFor(db: Db, actor: Actor, challengeId: string) {
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge || challenge.kind !== "TOURNAMENT") throw notFound("That tournament doesn't exist.");
  const membership = await db.teamMember.findUnique({ where: { editionId_userId: { editionId: challenge.editionId, userId: actor.id } } });
  return { challenge, teamId: membership?.teamId ?? null };
}

/**
 * Submits a new version of the team's bot. A bot that doesn't compile is
 * refused with the error (line and column), and nothing is stored.
 */
export async function submitBot(db: Db, actor: Actor | null, challengeId: string, source: string, language: "js" | "ts", now = new Date()) {
  const me = requireActor(actor);
  const { challenge, teamId } = await tournamentFor(db, me, challengeId);
  if (!teamId) throw forbidden("Only members of a team can submit a bot: join a team first.");
  if (now >= challenge.closesAt) throw invalid("The deadline for bots has passed.");
  const compiled = await compileBot(source, language);
  if (!compiled.ok) throw invalid(`Your bot doesn't compile: ${compiled.error}`, "source");
  for (let attempt = 0; attempt < 5; attempt++) {
    const bot = await db.bot.upsert({ where: { challengeId_teamId: { challengeId, teamId } }, create: { challengeId, teamId }, update: {} }).catch(async (error) => {
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
  throw invalid("Your team is submitting very fast; please try again.");
}

/** The team's bot versions, newest first (sources included: teammates edit together). */
export async function teamBotVersions(db: Db, actor: Actor | null, challengeId: string) {
  const me = requireActor(actor);
  const { teamId } = await tournamentFor(db, me, challengeId);
  if (!teamId) return [];
  return db.botVersion.findMany({
    where: { bot: { challengeId, teamId } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, language: true, source: true, createdAt: true, submittedById: true },
  });
}

/** The versions that play: each team's last submission before the deadline. */
export async function playingVersions(db: Db, challengeId: string) {
  const challenge = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!challenge) throw notFound("That tournament doesn't exist.");
  const bots = await db.bot.findMany({
    where: { challengeId },
    include: { team: { select: { id: true, name: true } }, versions: { where: { createdAt: { lt: challenge.closesAt } }, orderBy: { version: "desc" }, take: 1 } },
  });
  return bots.filter((b) => b.versions.length > 0).map((b) => ({ team: b.team, version: b.versions[0] }));
}

/**
 * A practice match of a source (not stored) against a built-in bot, with its
 * replay. Compile errors come back as a refusal with the line and column.
 */
export async function practiceMatch(gameId: string, source: string, language: "js" | "ts", opponentId: string, seed: number): Promise<MatchRecord> {
  const game = getGame(gameId);
  const opponent = game.bots.find((b) => b.id === opponentId);
  if (!opponent) throw invalid("Pick one of the built-in opponents.", "opponent");
  const [mine, theirs] = await Promise.all([compileBot(source, language), compileBot(opponent.source, "ts")]);
  if (!mine.ok) throw invalid(`Your bot doesn't compile: ${mine.error}`, "source");
  if (!theirs.ok) throw new Error(`built-in bot ${opponent.id} doesn't compile: ${theirs.error}`);
  // on a worker thread: a slow bot never holds up the server
  return matchPool().run([mine.script, theirs.script], { game: game.id, rounds: game.practiceRounds, seed });
}
