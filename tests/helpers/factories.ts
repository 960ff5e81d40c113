// Small builders for integration tests: people, editions, topics, teams.
import type { Db } from "@/lib/platform/db";
import type { Phase } from "@/lib/editions/rules";
import type { Role } from "@/lib/people/rules";
import type { Actor } from "@/lib/people/rules";

let counter = 0;
let nextEditionNumber = 100;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeUser(db: Db, role: Role = "EMPLOYEE", name?: string): Promise<Actor & { name: string; email: string }> {
  const id = next();
  const user = await db.user.create({ data: { email: `p${id}@test.example`, name: name ?? `Person ${id}`, role, emailVerifiedAt: new Date() } });
  return { id: user.id, role, name: user.name, email: user.email };
}

export async function makeEdition(db: Db, phase: Phase = "PROPOSALS_OPEN", overrides: { maxTeamSize?: number; number?: number } = {}) {
  return db.edition.create({
    data: {
      // sequential, not random: edition numbers are unique, and a random draw collides now and then
      number: overrides.number ?? nextEditionNumber++,
      title: "Test edition",
      timezone: "Europe/Paris",
      phase,
      hackingStartsAt: new Date("2030-01-16T08:00:00Z"),
      presentationsStartAt: new Date("2030-01-17T15:00:00Z"),
      endsAt: new Date("2030-01-17T19:00:00Z"),
      maxTeamSize: overrides.maxTeamSize ?? 5,
    },
  });
}

export async function makeTopic(db: Db, editionId: string, proposerId: string, status = "APPROVED") {
  return db.topic.create({
    data: { editionId, proposerId, title: `Topic ${next()}`, pitch: "A pitch long enough.", kind: "FUN", status },
  });
}

/** A team without members, straight in the table (no phase rules): for tests of what happens to existing teams. */
export async function makeTeam(db: Db, editionId: string, name = `Team ${next()}`, overrides: { presentationOrder?: number; topicId?: string } = {}) {
  return db.team.create({
    data: { editionId, name, nameKey: name.toLowerCase(), memberCount: 0, ...overrides },
  });
}

/** Puts a person in a team straight in the table (no phase rules), keeping the member count right. */
export async function addMember(db: Db, team: { id: string; editionId: string }, userId: string) {
  await db.teamMember.create({ data: { teamId: team.id, userId, editionId: team.editionId } });
  await db.team.update({ where: { id: team.id }, data: { memberCount: { increment: 1 } } });
}

export type ChallengeOverrides = {
  kind?: "RIDDLE" | "JUDGED" | "TOURNAMENT";
  title?: string;
  opensAt?: Date;
  closesAt?: Date;
  manualState?: "OPEN" | "CLOSED" | null;
  hiddenUntilOpen?: boolean;
  scoring?: "RANK" | "FIXED" | "JUDGE";
  rankPoints?: string;
  fixedPoints?: number;
  maxPoints?: number;
  /** accepted answers (riddles) */
  answers?: string[];
};

/**
 * A challenge straight in the table (no organizer, no form): by default a
 * hidden speed riddle open 2030-01-16 13:00–14:00 UTC, answer 15, scored
 * 10, 7, 5, 3, 1 by rank, judges giving at most 10.
 */
export async function makeChallenge(db: Db, editionId: string, overrides: ChallengeOverrides = {}) {
  const { answers = overrides.kind && overrides.kind !== "RIDDLE" ? [] : ["15"], ...fields } = overrides;
  const kind = fields.kind ?? "RIDDLE";
  return db.challenge.create({
    data: {
      editionId,
      kind,
      title: `Challenge ${next()}`,
      statement: "How many women stand in the circle?",
      opensAt: new Date("2030-01-16T13:00:00Z"),
      closesAt: new Date("2030-01-16T14:00:00Z"),
      hiddenUntilOpen: true,
      scoring: kind === "RIDDLE" ? "RANK" : "JUDGE",
      rankPoints: "10,7,5,3,1",
      fixedPoints: 5,
      maxPoints: 10,
      ...fields,
      answers: { create: answers.map((text) => ({ text })) },
    },
  });
}
