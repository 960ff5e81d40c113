import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels, liveBus, type LiveEvent } from "@/lib/platform/live/bus";
import { commandStage, rotateDisplayKey, setRunningOrder, setSlotLength } from "@/lib/stage/commands";
import { displayKey, editionByDisplayKey, stageSnapshot, type StageSnapshot } from "@/lib/stage/queries";
import { DEFAULT_SLOT_MS, START_LEAD_MS } from "@/lib/stage/rules";
import type { Actor } from "@/lib/people/rules";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";
import { hearLiveUpdates } from "../helpers/live-updates";
import { liveUpdates } from "@/app/_lib/live-updates";

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
  await t?.drop();
});

const T0 = Date.UTC(2030, 0, 17, 15, 0, 0); // Friday 16:00 in Paris
const s = (seconds: number) => seconds * 1000;

/** An edition in the presentations phase with `count` teams, "Team 01", "Team 02"…, presenting in that order. */
async function finalWith(count: number) {
  const edition = await makeEdition(t.db, "PRESENTATIONS");
  const teams = [];
  for (let i = 1; i <= count; i++) teams.push(await makeTeam(t.db, edition.id, `Team ${String(i).padStart(2, "0")}`));
  return { edition, teams };
}

const names = (snapshot: StageSnapshot) => snapshot.order.map((team) => team.name);

describe("who runs the stage", () => {
  it("is organizers only: judges and employees are refused, and anonymous visitors asked to sign in", async () => {
    const { edition } = await finalWith(2);
    for (const actor of [judge, employee]) {
      await expectDomainError(commandStage(t.db, actor, edition.id, "start"), "FORBIDDEN", /organizers/);
      await expectDomainError(commandStage(t.db, actor, edition.id, "next"), "FORBIDDEN");
      await expectDomainError(setRunningOrder(t.db, actor, edition.id, []), "FORBIDDEN");
      await expectDomainError(setSlotLength(t.db, actor, edition.id, 420, 60), "FORBIDDEN");
      await expectDomainError(displayKey(t.db, actor, edition.id), "FORBIDDEN");
      await expectDomainError(rotateDisplayKey(t.db, actor, edition.id), "FORBIDDEN");
    }
    await expectDomainError(commandStage(t.db, null, edition.id, "start"), "UNAUTHENTICATED");
    await expectDomainError(setRunningOrder(t.db, null, edition.id, []), "UNAUTHENTICATED");
    await expectDomainError(displayKey(t.db, null, edition.id), "UNAUTHENTICATED");
    // nothing moved
    expect(await t.db.stage.count({ where: { editionId: edition.id } })).toBe(0);
    expect((await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })).displayKey).toBeNull();
  });

  it("says so when the edition doesn't exist", async () => {
    await expectDomainError(commandStage(t.db, organizer, "no-such-edition", "start"), "NOT_FOUND");
    await expectDomainError(setSlotLength(t.db, organizer, "no-such-edition", 300, 0), "NOT_FOUND");
  });
});

describe("starting the presentations", () => {
  it("explains that there is nobody to put on stage when no team exists", async () => {
    const { edition } = await finalWith(0);
    await expectDomainError(commandStage(t.db, organizer, edition.id, "start", T0), "INVALID", /running order.*no teams/i);
    await expectDomainError(commandStage(t.db, organizer, edition.id, "next", T0), "INVALID", /no teams/i);
  });

  it("shows who comes first before anything starts", async () => {
    const { edition, teams } = await finalWith(3);
    const before = await stageSnapshot(t.db, edition);
    expect(before).toMatchObject({ version: 0, current: null, position: null, timer: { status: "IDLE", remainingMs: DEFAULT_SLOT_MS } });
    expect(before.next?.id).toBe(teams[0].id);
  });

  it("puts the first team on stage and starts its five minutes", async () => {
    const { edition, teams } = await finalWith(3);
    const snapshot = await commandStage(t.db, organizer, edition.id, "start", T0);
    expect(snapshot.current?.id).toBe(teams[0].id);
    expect(snapshot.next?.id).toBe(teams[1].id);
    expect(snapshot.position).toBe(1);
    expect(snapshot.version).toBe(1);
    expect(snapshot.timer.status).toBe("RUNNING");
    expect(snapshot.timer.endsAt).toBe(T0 + START_LEAD_MS + DEFAULT_SLOT_MS);
  });

  it("uses the real clock when no instant is given", async () => {
    const { edition } = await finalWith(1);
    const before = Date.now();
    const snapshot = await commandStage(t.db, organizer, edition.id, "start");
    expect(snapshot.timer.endsAt).toBeGreaterThanOrEqual(before + START_LEAD_MS + DEFAULT_SLOT_MS);
    expect(snapshot.timer.endsAt).toBeLessThanOrEqual(Date.now() + START_LEAD_MS + DEFAULT_SLOT_MS);
  });

  it("ignores a double click on start", async () => {
    const { edition } = await finalWith(2);
    const first = await commandStage(t.db, organizer, edition.id, "start", T0);
    const second = await commandStage(t.db, organizer, edition.id, "start", T0 + s(2));
    expect(second.timer).toEqual(first.timer);
    expect(second.current?.id).toBe(first.current?.id);
  });
});

describe("pausing and resuming a presentation", () => {
  it("keeps the time that was left across a pause, however long", async () => {
    const { edition } = await finalWith(2);
    await commandStage(t.db, organizer, edition.id, "start", T0);
    const paused = await commandStage(t.db, organizer, edition.id, "pause", T0 + START_LEAD_MS + s(100) + 250);
    expect(paused.timer).toMatchObject({ status: "PAUSED", endsAt: null, remainingMs: s(200) - 250 });

    const resumeAt = T0 + s(600);
    const resumed = await commandStage(t.db, organizer, edition.id, "resume", resumeAt);
    expect(resumed.timer.status).toBe("RUNNING");
    expect(resumed.timer.endsAt).toBe(resumeAt + START_LEAD_MS + s(200) - 250);
    // the stored state is what a reconnecting screen gets
    expect((await stageSnapshot(t.db, edition)).timer).toEqual(resumed.timer);
  });

  it("adds thirty seconds and resets to a full slot on the organizer's command", async () => {
    const { edition } = await finalWith(1);
    const started = await commandStage(t.db, organizer, edition.id, "start", T0);
    const extended = await commandStage(t.db, organizer, edition.id, "add30", T0 + s(10));
    expect(extended.timer.endsAt).toBe(started.timer.endsAt! + s(30));
    const reset = await commandStage(t.db, organizer, edition.id, "reset", T0 + s(20));
    expect(reset.timer).toEqual({ status: "IDLE", slotMs: DEFAULT_SLOT_MS, endsAt: null, remainingMs: DEFAULT_SLOT_MS });
    expect(reset.current?.id).toBe(started.current?.id); // same team, fresh slot
  });
});

describe("moving along the running order", () => {
  it("moves to the next and previous team, each time with a full, stopped slot", async () => {
    const { edition, teams } = await finalWith(3);
    await commandStage(t.db, organizer, edition.id, "start", T0);
    await commandStage(t.db, organizer, edition.id, "pause", T0 + s(100));

    const second = await commandStage(t.db, organizer, edition.id, "next", T0 + s(300));
    expect(second.current?.id).toBe(teams[1].id);
    expect(second.position).toBe(2);
    expect(second.next?.id).toBe(teams[2].id);
    expect(second.timer).toEqual({ status: "IDLE", slotMs: DEFAULT_SLOT_MS, endsAt: null, remainingMs: DEFAULT_SLOT_MS });

    await commandStage(t.db, organizer, edition.id, "start", T0 + s(310));
    const back = await commandStage(t.db, organizer, edition.id, "previous", T0 + s(320));
    expect(back.current?.id).toBe(teams[0].id);
    expect(back.timer).toEqual({ status: "IDLE", slotMs: DEFAULT_SLOT_MS, endsAt: null, remainingMs: DEFAULT_SLOT_MS });
  });

  it("puts the first team on stage with next, before anyone presented", async () => {
    const { edition, teams } = await finalWith(2);
    const first = await commandStage(t.db, organizer, edition.id, "next", T0);
    expect(first.current?.id).toBe(teams[0].id);
    expect(first.timer.status).toBe("IDLE");
  });

  it("refuses previous at the first team and next at the last, and stays put", async () => {
    const { edition, teams } = await finalWith(2);
    await commandStage(t.db, organizer, edition.id, "next", T0);
    await expectDomainError(commandStage(t.db, organizer, edition.id, "previous", T0), "INVALID", /first team/);
    await commandStage(t.db, organizer, edition.id, "next", T0);
    await expectDomainError(commandStage(t.db, organizer, edition.id, "next", T0), "INVALID", /last team/);
    const stage = await stageSnapshot(t.db, edition);
    expect(stage.current?.id).toBe(teams[1].id);
    expect(stage.next).toBeNull();
    expect(stage.version).toBe(2);
  });

  it("jumps straight to a chosen team, but not to one of another edition", async () => {
    const { edition, teams } = await finalWith(4);
    const jumped = await commandStage(t.db, organizer, edition.id, { goto: teams[2].id }, T0);
    expect(jumped.current?.id).toBe(teams[2].id);
    expect(jumped.position).toBe(3);

    const other = await finalWith(1);
    await expectDomainError(commandStage(t.db, organizer, edition.id, { goto: other.teams[0].id }, T0), "INVALID", /not in this edition/);
    await expectDomainError(commandStage(t.db, organizer, edition.id, { goto: "no-such-team" }, T0), "INVALID", /running order/);
    expect((await stageSnapshot(t.db, edition)).current?.id).toBe(teams[2].id);
  });
});

describe("the running order", () => {
  it("presents teams in the order the organizer sets", async () => {
    const { edition, teams } = await finalWith(4);
    const [a, b, c, d] = teams;
    const snapshot = await setRunningOrder(t.db, organizer, edition.id, [c.id, a.id, d.id, b.id]);
    expect(snapshot.order.map((team) => team.id)).toEqual([c.id, a.id, d.id, b.id]);
    expect((await commandStage(t.db, organizer, edition.id, "start", T0)).current?.id).toBe(c.id);
    expect((await commandStage(t.db, organizer, edition.id, "next", T0)).current?.id).toBe(a.id);
  });

  it("keeps teams left out after those listed, in their previous order", async () => {
    const { edition, teams } = await finalWith(4);
    const snapshot = await setRunningOrder(t.db, organizer, edition.id, [teams[2].id]);
    expect(names(snapshot)).toEqual(["Team 03", "Team 01", "Team 02", "Team 04"]);
  });

  it("refuses a team listed twice or a team of another edition, leaving the order as it was", async () => {
    const { edition, teams } = await finalWith(3);
    const other = await finalWith(1);
    await expectDomainError(setRunningOrder(t.db, organizer, edition.id, [teams[1].id, teams[0].id, teams[1].id]), "INVALID", /twice/);
    await expectDomainError(setRunningOrder(t.db, organizer, edition.id, [teams[2].id, other.teams[0].id]), "INVALID", /not in this edition/);
    expect(names(await stageSnapshot(t.db, edition))).toEqual(["Team 01", "Team 02", "Team 03"]);
  });

  it("lets a team that isn't ready go to the end during the presentations, without disturbing who is on stage", async () => {
    const { edition, teams } = await finalWith(4);
    const [a, b, c, d] = teams;
    await commandStage(t.db, organizer, edition.id, "next", T0);
    const onStage = await commandStage(t.db, organizer, edition.id, "start", T0); // a presents
    // b isn't ready: sent to the end, as the stage control does
    const reordered = await setRunningOrder(t.db, organizer, edition.id, [a.id, c.id, d.id, b.id]);
    expect(reordered.current?.id).toBe(a.id);
    expect(reordered.next?.id).toBe(c.id);
    expect(reordered.timer).toEqual(onStage.timer); // a's countdown carries on
    expect(reordered.version).toBe(onStage.version + 1); // every screen hears of the new order

    const presented = [a.id];
    for (let i = 0; i < 3; i++) presented.push((await commandStage(t.db, organizer, edition.id, "next", T0)).current!.id);
    expect(presented).toEqual([a.id, c.id, d.id, b.id]);
  });
});

describe("the slot length", () => {
  it("shows the new length at once on an idle timer", async () => {
    const { edition } = await finalWith(2);
    await commandStage(t.db, organizer, edition.id, "next", T0);
    const snapshot = await setSlotLength(t.db, organizer, edition.id, 420, 60);
    expect(snapshot.timer).toEqual({ status: "IDLE", slotMs: s(420), endsAt: null, remainingMs: s(420) });
    expect(snapshot.changeoverMs).toBe(s(60));
    const started = await commandStage(t.db, organizer, edition.id, "start", T0);
    expect(started.timer.endsAt).toBe(T0 + START_LEAD_MS + s(420));
  });

  it("applies before the first team too", async () => {
    const { edition } = await finalWith(2);
    const snapshot = await setSlotLength(t.db, organizer, edition.id, 240, 0);
    expect(snapshot.timer.remainingMs).toBe(s(240));
    expect((await commandStage(t.db, organizer, edition.id, "start", T0)).timer.endsAt).toBe(T0 + START_LEAD_MS + s(240));
  });

  it("leaves a running presentation's time alone, and gives the next team the new length", async () => {
    const { edition } = await finalWith(2);
    const running = await commandStage(t.db, organizer, edition.id, "start", T0);
    const changed = await setSlotLength(t.db, organizer, edition.id, 600, 0);
    expect(changed.timer).toEqual(running.timer);
    const next = await commandStage(t.db, organizer, edition.id, "next", T0 + s(320));
    expect(next.timer).toMatchObject({ status: "IDLE", slotMs: s(600), remainingMs: s(600) });
  });
});

describe("two organizers at once", () => {
  it("counts every press of next exactly once when ten arrive together", async () => {
    const { edition, teams } = await finalWith(12);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => commandStage(t.db, organizer, edition.id, "next", T0)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(refused).toEqual([]);
    const stage = await stageSnapshot(t.db, edition);
    expect(stage.current?.id).toBe(teams[9].id);
    expect(stage.position).toBe(10);
    expect(stage.version).toBe(10);
    // each press saw its own version: none overwrote another
    const versions = results.map((r) => (r as PromiseFulfilledResult<StageSnapshot>).value.version);
    expect(Math.max(...versions)).toBe(10);
  });

  it("keeps the timer whole when pause and add30 race", async () => {
    const { edition } = await finalWith(1);
    await commandStage(t.db, organizer, edition.id, "start", T0);
    const at = T0 + START_LEAD_MS + s(100);
    await Promise.all([commandStage(t.db, organizer, edition.id, "pause", at), commandStage(t.db, organizer, edition.id, "add30", at)]);
    const { timer, version } = await stageSnapshot(t.db, edition);
    expect(version).toBe(3);
    // whichever came first, both count: 200 s left plus 30
    expect(timer).toMatchObject({ status: "PAUSED", endsAt: null, remainingMs: s(230) });
  });
});

describe("telling every screen", () => {
  it("publishes the new stage, with its version, to the edition's channel after each command", async () => {
    const { edition, teams } = await finalWith(2);
    const other = await finalWith(1);
    const events: LiveEvent[] = [];
    const elsewhere: LiveEvent[] = [];
    const unsubscribe = liveBus().subscribe(channels.stage(edition.id), (event) => events.push(event));
    const unsubscribeOther = liveBus().subscribe(channels.stage(other.edition.id), (event) => elsewhere.push(event));
    try {
      const started = await commandStage(t.db, organizer, edition.id, "start", T0);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "stage", id: started.version });
      expect(events[0].data).toEqual(started);

      const moved = await commandStage(t.db, organizer, edition.id, "next", T0);
      expect(events.at(-1)).toMatchObject({ type: "stage", id: moved.version, data: { current: { id: teams[1].id } } });
      expect(moved.version).toBe(started.version + 1);

      const reordered = await setRunningOrder(t.db, organizer, edition.id, [teams[1].id, teams[0].id]);
      expect(events.at(-1)?.id).toBe(reordered.version);
      const slot = await setSlotLength(t.db, organizer, edition.id, 360, 0);
      expect(events.at(-1)?.id).toBe(slot.version);
      const ids = events.map((e) => e.id!);
      expect(ids).toEqual([...ids].sort((x, y) => x - y)); // a reconnecting page can tell what it missed
      expect(new Set(ids).size).toBe(ids.length);

      // a refused command tells nobody anything
      await expectDomainError(commandStage(t.db, organizer, edition.id, "previous", T0), "INVALID");
      await expectDomainError(commandStage(t.db, employee, edition.id, "start", T0), "FORBIDDEN");
      expect(events).toHaveLength(4);
      expect(elsewhere).toEqual([]);

      // after the other instances' events may have been missed, every open screen hears the stage as it is
      await liveUpdates(t.db).missed!();
      expect(events).toHaveLength(5);
      expect(events.at(-1)).toEqual({
        type: "stage",
        id: slot.version,
        data: await stageSnapshot(t.db, await t.db.edition.findUniqueOrThrow({ where: { id: edition.id } })),
      });
      expect(elsewhere).toHaveLength(1);
    } finally {
      unsubscribe();
      unsubscribeOther();
    }
  });
});

describe("the projector's link", () => {
  it("creates the display key once and hands out the same one afterwards", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const key = await displayKey(t.db, organizer, edition.id);
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    expect(await displayKey(t.db, organizer, edition.id)).toBe(key);
    expect((await editionByDisplayKey(t.db, key))?.id).toBe(edition.id);
  });

  it("gives two organizers opening the projector view at once the same key", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const keys = await Promise.all(Array.from({ length: 5 }, () => displayKey(t.db, organizer, edition.id)));
    expect(new Set(keys).size).toBe(1);
  });

  it("stops old links working when the key is rotated", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const old = await displayKey(t.db, organizer, edition.id);
    const fresh = await rotateDisplayKey(t.db, organizer, edition.id);
    expect(fresh).not.toBe(old);
    expect(await editionByDisplayKey(t.db, old)).toBeNull();
    expect((await editionByDisplayKey(t.db, fresh))?.id).toBe(edition.id);
    expect(await displayKey(t.db, organizer, edition.id)).toBe(fresh);
  });

  it("finds no edition for an empty, unknown or absurdly long key", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    await displayKey(t.db, organizer, edition.id); // some edition has a key
    expect(await editionByDisplayKey(t.db, "")).toBeNull();
    expect(await editionByDisplayKey(t.db, "not-a-key")).toBeNull();
    expect(await editionByDisplayKey(t.db, "x".repeat(10_000))).toBeNull();
  });
});
