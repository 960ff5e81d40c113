// The metrics an operator scrapes move after the actions they count, and the
// exposition passes Prometheus's own checker.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { submitAnswer } from "@/lib/challenges/commands";
import { liveBus } from "@/lib/platform/live/bus";
import { sseResponse } from "@/lib/platform/live/sse";
import { exposition, metricsAccess } from "@/lib/platform/metrics";
import type { Actor } from "@/lib/people/rules";
import { castBallot, openVote, updateVoteSettings } from "@/lib/votes/commands";
import { voterKeyFor } from "@/lib/votes/rules";
import { newVoterId } from "@/lib/votes/voter-id";
import { DomainError } from "@/lib/platform/errors";
import { addMember, makeChallenge, makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { hearLiveUpdates } from "../helpers/live-updates";
import { promtoolProblems, readMetrics } from "../helpers/metrics";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let organizer: Actor;
let stopLiveUpdates: (() => void) | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  stopLiveUpdates = hearLiveUpdates(t.db);
  organizer = await makeUser(t.db, "ORGANIZER");
});
afterAll(async () => {
  stopLiveUpdates?.();
  await new Promise((resolve) => setTimeout(resolve, 400)); // the coalesced live updates finish first
  await t?.drop();
});

const scrape = readMetrics;

describe("the metrics", () => {
  it("is an exposition Prometheus parses, with no lint problem in Hexathon's metrics", async () => {
    const { contentType, body } = await exposition();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    // prom-client names three of Node's gauges "_total", which the linter dislikes: theirs, not ours
    expect(promtoolProblems(body).filter((problem) => !/^nodejs_active_(handles|requests|resources)_total /.test(problem))).toEqual([]);
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_p99_seconds",
      "hexathon_http_request_duration_seconds",
    ])
      expect(body).toContain(`# TYPE ${name} `);
  });

  it("counts ballots cast and replaced, and the delay of the count's live update", async () => {
    const edition = await makeEdition(t.db, "PRESENTATIONS");
    const teams = [await makeTeam(t.db, edition.id), await makeTeam(t.db, edition.id)];
    await updateVoteSettings(t.db, organizer, edition.id, {
      method: "RANKED",
      picks: 2,
      requireSignIn: false,
      audienceWeight: 1,
      bonusWeight: 1,
      publicVotePrize: true,
      foldPlusAddresses: false,
    });
    await openVote(t.db, organizer, edition.id);
    const before = await scrape();
    const phones = [0, 1, 2].map(() => voterKeyFor({ requireSignIn: false }, newVoterId(), null));
    for (const phone of phones) await castBallot(t.db, edition.id, phone, [teams[0].id]);
    await castBallot(t.db, edition.id, phones[0], [teams[1].id, teams[0].id]);
    const after = await scrape();
    expect(after.value("hexathon_ballots_total", { outcome: "cast" }) - before.value("hexathon_ballots_total", { outcome: "cast" })).toBe(3);
    expect(after.value("hexathon_ballots_total", { outcome: "replaced" }) - before.value("hexathon_ballots_total", { outcome: "replaced" })).toBe(1);
    // every statement was timed: inserts for the ballots, selects for the checks
    expect(after.count("hexathon_db_query_duration_seconds", { statement: "insert" })).toBeGreaterThan(
      before.count("hexathon_db_query_duration_seconds", { statement: "insert" }),
    );
    expect(after.count("hexathon_db_query_duration_seconds", { statement: "select" })).toBeGreaterThan(
      before.count("hexathon_db_query_duration_seconds", { statement: "select" }),
    );
    // the count reaches the open pages (coalesced, a quarter of a second at most later)
    await vi.waitFor(
      async () =>
        expect((await scrape()).count("hexathon_live_update_delay_seconds", { feed: "vote" })).toBeGreaterThan(
          before.count("hexathon_live_update_delay_seconds", { feed: "vote" }),
        ),
      {
        timeout: 2000,
        interval: 50,
      },
    );
  });

  it("counts riddle answers: right, wrong, and refused by the team's cooldown", async () => {
    const edition = await makeEdition(t.db, "HACKING");
    const team = await makeTeam(t.db, edition.id);
    const member = await makeUser(t.db, "EMPLOYEE");
    await addMember(t.db, team, member.id);
    const riddle = await makeChallenge(t.db, edition.id);
    const during = new Date("2030-01-16T13:30:00Z");
    const before = await scrape();
    expect((await submitAnswer(t.db, member, riddle.id, "14", during)).correct).toBe(false);
    // 10 s of cooldown after a wrong answer
    await expect(submitAnswer(t.db, member, riddle.id, "15", new Date(during.getTime() + 2000))).rejects.toBeInstanceOf(DomainError);
    expect((await submitAnswer(t.db, member, riddle.id, "15", new Date(during.getTime() + 11_000))).correct).toBe(true);
    const after = await scrape();
    for (const result of ["right", "wrong", "refused"])
      expect(after.value("hexathon_riddle_attempts_total", { result }) - before.value("hexathon_riddle_attempts_total", { result }), result).toBe(1);
  });

  it("shows the event streams open now", async () => {
    const before = (await scrape()).value("hexathon_event_streams_open");
    const abort = new AbortController();
    const response = sseResponse({ bus: liveBus(), channels: ["metrics-test"], snapshot: async () => [], signal: abort.signal });
    const reader = response.body!.getReader();
    await reader.read();
    expect((await scrape()).value("hexathon_event_streams_open")).toBe(before + 1);
    abort.abort();
    expect((await scrape()).value("hexathon_event_streams_open")).toBe(before);
  });
});

describe("who may read them", () => {
  it("is off without METRICS_TOKEN, and then wants the token as a bearer", () => {
    expect(metricsAccess("Bearer anything", undefined)).toBe("off");
    expect(metricsAccess("Bearer anything", "")).toBe("off");
    const token = "0123456789abcdef0123";
    expect(metricsAccess(`Bearer ${token}`, token)).toBe("allowed");
    expect(metricsAccess(`bearer ${token}`, token)).toBe("allowed");
    for (const wrong of [null, "", token, `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, "Bearer ", `Bearer ${token} extra`])
      expect(metricsAccess(wrong, token), String(wrong)).toBe("refused");
  });
});
