// Several instances on one PostgreSQL hear each other's domain events through
// LISTEN/NOTIFY (lib/platform/cluster.ts): here two relays on one throw-away
// database stand for two instances.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startClusterRelay, type ClusterRelay } from "@/lib/platform/cluster";
import type { DomainEvent } from "@/lib/platform/events";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

const postgres = process.env.HEXATHON_TEST_DB === "postgresql";

type Instance = { relay: ClusterRelay; heard: DomainEvent[]; caughtUp: number; id: string };

let t: TestDatabase;
const instances: Instance[] = [];
beforeAll(async () => {
  if (postgres) t = await createTestDatabase();
});
afterAll(async () => {
  for (const instance of instances) await instance.relay.stop();
  await t?.drop();
});

async function instance(id: string): Promise<Instance> {
  const me: Instance = { relay: null!, heard: [], caughtUp: 0, id };
  me.relay = startClusterRelay({
    url: t.url,
    db: t.db,
    instanceId: id,
    deliver: (event) => void me.heard.push(event),
    missed: () => void me.caughtUp++,
  });
  instances.push(me);
  await vi.waitFor(() => expect(me.relay.listening()).toBe(true), { timeout: 5000, interval: 20 });
  return me;
}

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.runIf(postgres)("instances on one PostgreSQL", () => {
  it("hear each other's events, not their own", async () => {
    const [a, b] = [await instance("aaaaaaaa-1"), await instance("bbbbbbbb-1")];
    // a starting instance serves its pages and streams before it listens: what it missed until then is caught up
    expect([a.caughtUp, b.caughtUp]).toEqual([1, 1]);
    const published: DomainEvent = { type: "article.published", editionId: "e1", pages: [{ slug: "heatmaps", editionNumber: 9 }] };
    a.relay.send(published);
    b.relay.send({ type: "phase.changed", editionId: "e1", phase: "VOTING" });
    await vi.waitFor(() => expect(b.heard).toEqual([published]), { timeout: 2000, interval: 20 });
    await vi.waitFor(() => expect(a.heard).toEqual([{ type: "phase.changed", editionId: "e1", phase: "VOTING" }]), { timeout: 2000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.heard).toHaveLength(1); // nobody hears an event twice
    expect(b.heard).toHaveLength(1);
  });

  it("send a burst of ballots as a few notifications, the last one always", async () => {
    const [a, b] = [await instance("aaaaaaaa-2"), await instance("bbbbbbbb-2")];
    for (let i = 0; i < 200; i++) a.relay.send({ type: "ballot.cast", editionId: "e2" });
    a.relay.send({ type: "tournament.progressed", editionId: "e2", progress: { tournamentId: "t", status: "RUNNING", done: 1, total: 9, etaMs: 800 } });
    a.relay.send({ type: "tournament.progressed", editionId: "e2", progress: { tournamentId: "t", status: "DONE", done: 9, total: 9, etaMs: 0 } });
    // each kind of burst apart, the latest of each last
    const progress = () => b.heard.flatMap((e) => (e.type === "tournament.progressed" ? [e.progress.status] : []));
    await vi.waitFor(() => expect(progress().at(-1)).toBe("DONE"), { timeout: 2000, interval: 20 });
    await vi.waitFor(() => expect(b.heard.some((e) => e.type === "ballot.cast")).toBe(true), { timeout: 2000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a second quarter second: nothing more comes
    expect(b.heard.filter((e) => e.type === "ballot.cast").length).toBeLessThanOrEqual(2);
  });

  it("listen again after their connection is cut, and catch up on what they missed", async () => {
    const [a, b] = [await instance("aaaaaaaa-3"), await instance("bbbbbbbb-3")];
    const [{ terminated }] = await sql<{ terminated: boolean }>(
      "SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
      [`hexathon events ${b.id.slice(0, 8)}`],
    );
    expect(terminated).toBe(true);
    await vi.waitFor(() => expect(b.relay.listening()).toBe(false), { timeout: 2000, interval: 10 });
    await vi.waitFor(() => expect(b.relay.listening()).toBe(true), { timeout: 5000, interval: 20 });
    expect(b.caughtUp).toBe(2);
    a.relay.send({ type: "vote.closed", editionId: "e3" });
    await vi.waitFor(() => expect(b.heard).toEqual([{ type: "vote.closed", editionId: "e3" }]), { timeout: 2000, interval: 20 });
    expect(a.caughtUp).toBe(1);
  });
});
