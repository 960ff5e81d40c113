// Small builders for integration tests: people, editions, topics, teams.
import type { Db } from "@/lib/db";
import type { Phase, Role } from "@/lib/domain";
import type { Actor } from "@/lib/permissions";

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeUser(db: Db, role: Role = "EMPLOYEE", name?: string): Promise<Actor & { name: string; email: string }> {
  const id = next();
  const user = await db.user.create({ data: { email: `p${id}@test.example`, name: name ?? `Person ${id}`, role } });
  return { id: user.id, role, name: user.name, email: user.email };
}

export async function makeEdition(db: Db, phase: Phase = "PROPOSALS_OPEN", overrides: { maxTeamSize?: number; number?: number } = {}) {
  return db.edition.create({
    data: {
      number: overrides.number ?? Math.floor(Math.random() * 60000) + 100,
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
