// Writes announce what happened, once, after they committed, and say which
// edition it concerns: the API's PATCH of a topic and the form's edit announce
// the same event (so the cached pages of both expire), a refused write
// announces nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setPhase } from "@/lib/editions/commands";
import { subscribe, type DomainEvent } from "@/lib/platform/events";
import { createJuryPrize } from "@/lib/prizes/commands";
import { createTeam } from "@/lib/teams/commands";
import { proposeTopic, setInterest, updateTopic } from "@/lib/topics/commands";
import { makeEdition, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let heard: DomainEvent[] = [];
let stopRecording: () => void;
beforeAll(async () => {
  t = await createTestDatabase();
  stopRecording = subscribe("test recorder", (event) => void heard.push(event));
});
afterEach(() => {
  heard = [];
});
afterAll(async () => {
  stopRecording?.();
  await t?.drop();
});

const pitch = "Let us build something people will love.";

describe("domain events", () => {
  it("topics, teams, phases and prizes announce their edition's change", async () => {
    const edition = await makeEdition(t.db, "TEAMS_FORMING");
    const started = Date.now();
    const [alice, organizer] = [await makeUser(t.db), await makeUser(t.db, "ORGANIZER")];
    const topic = await proposeTopic(t.db, alice, edition.id, { title: "eBPF tracing", pitch, kind: "TEAM_TOOLING" });
    await updateTopic(t.db, alice, topic.id, { title: "eBPF tracing, everywhere", pitch, kind: "TEAM_TOOLING" });
    await setInterest(t.db, alice, topic.id, true);
    await createTeam(t.db, alice, edition.id, { name: "Tracers", topicId: topic.id, memberIds: [] });
    await createJuryPrize(t.db, organizer, edition.id, { name: "Best tool", description: "" });
    await setPhase(t.db, organizer, edition.id, "HACKING");
    // each stamped with when it was announced (the live updates' delay is measured from it), in order
    const times = heard.map((event) => event.at!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(started);
    expect(times.at(-1)).toBeLessThanOrEqual(Date.now());
    expect(heard.map((event) => ({ type: event.type, editionId: event.editionId }))).toEqual([
      { type: "topics.changed", editionId: edition.id },
      { type: "topics.changed", editionId: edition.id },
      { type: "topics.changed", editionId: edition.id },
      { type: "teams.changed", editionId: edition.id },
      { type: "prizes.changed", editionId: edition.id },
      { type: "phase.changed", editionId: edition.id },
    ]);
  });

  it("a refused write announces nothing", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const alice = await makeUser(t.db);
    await expectDomainError(proposeTopic(t.db, alice, edition.id, { title: "Too late", pitch, kind: "FUN" }), "INVALID");
    await expectDomainError(setPhase(t.db, alice, edition.id, "VOTING"), "FORBIDDEN");
    expect(heard).toEqual([]);
  });
});
