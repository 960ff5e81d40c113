// The cluster section of `npm run bench`: instances on one throw-away
// PostgreSQL database behind nginx configured by docs/deploy/nginx.conf
// (scripts/cluster.mjs, as the cluster browser tests run it), from the
// phones' side:
//
//   1. ballots/s with one instance behind nginx, then with two, in the same
//      run (every voter changes their ballot, 64 in flight, through nginx);
//   2. the delay from a ballot cast on one instance to the new count on 1,000
//      streams (--quick: 200) opened half on each instance;
//   3. a rolling restart of both instances (SIGTERM, back up, the next) while
//      2,000 voters (--quick: 200) cast through nginx;
//   4. kill -9 of one instance while as many more cast.
//
// A voter whose send fails (no answer, or an answer but 2xx) sends again
// after a quarter second, as the phone page does, at most 40 times; a ballot
// replaces the voter's last, so a send that reached the database before its
// answer was lost is counted once all the same. Failed: a voter never
// through. Lost: acknowledged but not counted; duplicated: counted more than
// once (the tally has more ballots than voters through).
//
// Needs nginx (Debian's package) and the local PostgreSQL server of
// HEXATHON_TEST_PG_URL; says so in the table and moves on without them.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startCluster } from "../scripts/cluster.mjs";
import { makeAgent, pool, request, sleep, summarize, waitFor } from "./load.mjs";
import { count, ms, percent, perSecond, row } from "./report.mjs";
import { sseAgent } from "./sse.mjs";
import { cast, castOne, join, openStreams, openVote, pickThree, POINTS, results } from "./vote.mjs";

const SECTION = "cluster";
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

export const CLUSTER_DEFAULTS = {
  edition: "0x09",
  organizer: "organizer@demo.test",
  concurrency: 64,
  /** voters changing their ballot as fast as the instances take them (1.) */
  voters: 2_000,
  streams: 1_000,
  /** voters casting through each fault (3., 4.), over at least this long */
  faultVoters: 2_000,
  faultSeconds: 20,
  retryEveryMs: 250,
  retries: 40,
};

export const CLUSTER_QUICK = { voters: 300, streams: 200, faultVoters: 200, faultSeconds: 10 };

const DELAY_P99_MS = 1_000;
// every phone is 127.0.0.1 here: the limit on new voter cards per client network would hold them back
const ENV = { HEXATHON_VOTER_IDS_BURST: "100000", HEXATHON_VOTER_IDS_PER_MINUTE: "100000" };

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `n` phones joining through `origin`, `concurrency` at a time. */
async function joinMany(origin, code, n, concurrency, agent) {
  const voters = [];
  const run = await pool(n, concurrency, async () => voters.push(await join(origin, code, agent)));
  if (run.errors) throw new Error(`${run.errors} of ${n} voters could not join, e.g. ${run.errorSamples[0]}`);
  return voters;
}

/** Every voter changing their ballot, `concurrency` in flight: ballots/s, and what the tally says after. */
async function ballotsPerSecond(origin, { organizer, code }, o, label) {
  const agent = makeAgent(o.concurrency);
  // warm-up: every instance's routes loaded, the keep-alive connections open
  const warm = await joinMany(origin, code, 2 * o.concurrency, o.concurrency, agent);
  await pool(warm.length, o.concurrency, (i) => cast(origin, code, agent, warm[i], pickThree(warm[i].teams, 7_000_000 + i)));
  const voters = await joinMany(origin, code, o.voters, o.concurrency, agent);
  const before = await results(origin, organizer, o.edition);
  let failed = 0;
  const run = await pool(voters.length, o.concurrency, async (i) => {
    const sent = await cast(origin, code, agent, voters[i], pickThree(voters[i].teams, 8_000_000 + i));
    if (sent.status !== 200) failed++;
  });
  agent.destroy();
  const after = await results(origin, organizer, o.edition);
  return {
    label,
    perSecond: ((voters.length - failed - run.errors) / run.ms) * 1000,
    failed: failed + run.errors,
    counted: after.ballots - before.ballots,
    voters: voters.length,
  };
}

/** 1,000 streams, half on each instance; one ballot cast on the first: how long until each stream shows it. */
async function crossInstanceDelay(cluster, code, o) {
  const [a, b] = cluster.instances;
  const agent = sseAgent();
  let armed = null;
  const onVote = (state, event) => {
    if (armed && state.seenAt === undefined && event.data.ballots >= armed.target) state.seenAt = event.at;
  };
  const half = Math.floor(o.streams / 2);
  const onA = await openStreams(a.origin, code, half, 100, agent, onVote);
  const onB = await openStreams(b.origin, code, o.streams - half, 100, agent, onVote);
  const ready = (streams) => streams.conns.filter((c) => c.state.firstAt !== null);
  const all = [...ready(onA), ...ready(onB)];
  await sleep(500); // the last coalesced count of what came before has gone out
  const target = Math.max(...all.map((c) => c.state.ballots)) + 1;
  const castAgent = makeAgent(1);
  const sent = await castOne(a.origin, code, castAgent, 9_000_000, () => (armed = { target, t0: performance.now() }));
  castAgent.destroy();
  await waitFor(() => all.every((c) => c.state.seenAt !== undefined), { timeoutMs: 10_000, everyMs: 20 });
  const delays = (conns) => conns.filter((c) => c.state.seenAt !== undefined).map((c) => c.state.seenAt - armed.t0);
  for (const conn of [...onA.conns, ...onB.conns]) conn.close();
  agent.destroy();
  return {
    opened: all.length,
    sent,
    all: summarize(delays(all)),
    other: summarize(delays(ready(onB))),
    missed: all.length - delays(all).length,
  };
}

/**
 * The voters (joined first) casting through nginx at an even pace over
 * `faultSeconds`, and again with new picks for as long as `fault` runs, each
 * sending again until it is through.
 */
async function voteThrough(cluster, { organizer, code }, o, fault) {
  const agent = makeAgent(o.concurrency);
  const voters = await joinMany(cluster.origin, code, o.faultVoters, o.concurrency, agent);
  const before = await results(cluster.origin, organizer, o.edition);
  const through = new Map(); // voter → the picks of its last ballot acknowledged
  let firstTries = 0;
  let resends = 0;
  let failed = 0;
  const sendUntilThrough = async (i, round) => {
    const picks = pickThree(voters[i].teams, 10_000_000 + round * voters.length + i);
    for (let attempt = 0; attempt <= o.retries; attempt++) {
      const sent = await cast(cluster.origin, code, agent, voters[i], picks).catch(() => ({ status: 0 }));
      if (sent.status === 200) {
        through.set(i, picks);
        return;
      }
      if (attempt === 0) firstTries++;
      else resends++;
      await sleep(o.retryEveryMs);
    }
    failed++;
  };
  let faultOver = false;
  const faulty = fault().finally(() => (faultOver = true));
  // one voter's ballots in order: a change never overtakes the ballot it replaces
  const chains = voters.map(() => Promise.resolve());
  const started = performance.now();
  const perSecond = voters.length / o.faultSeconds;
  let sent = 0;
  while (sent < voters.length || !faultOver) {
    const wait = started + (sent * 1000) / perSecond - performance.now();
    if (wait > 1) await sleep(wait);
    const i = sent % voters.length;
    const round = Math.floor(sent / voters.length);
    chains[i] = chains[i].then(() => sendUntilThrough(i, round));
    sent++;
  }
  await Promise.all(chains);
  const seconds = (performance.now() - started) / 1000;
  const during = await faulty;
  agent.destroy();
  const after = await results(cluster.origin, organizer, o.edition);
  const counted = after.ballots - before.ballots;
  const expected = new Map(before.points);
  for (const picks of through.values()) picks.forEach((teamId, rank) => expected.set(teamId, (expected.get(teamId) ?? 0) + POINTS[rank]));
  const teamsOff = [...expected].filter(([teamId, points]) => after.points.get(teamId) !== points).length;
  return {
    voters: voters.length,
    sent,
    seconds,
    through: through.size,
    failed,
    firstTries,
    resends,
    lost: Math.max(0, through.size - counted),
    duplicated: Math.max(0, counted - through.size),
    teamsOff,
    during,
  };
}

/** Waits until the instance's process is gone, then until it answers again (scripts/cluster.mjs restarts it). */
async function backUp(instance, pid) {
  const down = performance.now();
  await waitFor(() => !alive(pid), { timeoutMs: 30_000, everyMs: 50 });
  const ok = await waitFor(
    async () => instance.pid !== pid && (await request(instance.origin, { path: "/api/health", timeoutMs: 1_000 }).catch(() => null))?.status === 200,
    { timeoutMs: 90_000, everyMs: 250 },
  );
  if (!ok) throw new Error(`${instance.origin} did not come back within 90 s`);
  return performance.now() - down;
}

export async function clusterSection({ options = {}, log = console.error, port = 3700 }) {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  if (!existsSync(NGINX)) return [row(SECTION, `not run: no nginx at ${NGINX} (apt-get install nginx)`, "—")];
  const rows = [];

  log(`bench: cluster: one instance behind nginx, ${o.voters} voters change their ballot…`);
  const single = await startCluster({ instances: 1, port, throwaway: true, env: ENV, log });
  let one;
  try {
    one = await ballotsPerSecond(single.origin, await openVote(single.origin, o), o, "one instance");
  } finally {
    await single.stop();
  }

  log("bench: cluster: two instances behind nginx, the same…");
  const cluster = await startCluster({ instances: 2, port, throwaway: true, env: ENV, log });
  try {
    const vote = await openVote(cluster.origin, o);
    const two = await ballotsPerSecond(cluster.origin, vote, o, "two instances");
    for (const m of [one, two])
      rows.push(
        row(SECTION, `ballots/s, ${m.label} behind nginx, ${o.concurrency} in flight`, perSecond(m.perSecond)),
        row(
          SECTION,
          `${m.label}: ballots failed / lost / duplicated`,
          `${m.failed} / ${Math.max(0, m.voters - m.failed - m.counted)} / ${Math.max(0, m.counted - (m.voters - m.failed))}`,
          "0 / 0 / 0",
          m.failed === 0 && m.counted === m.voters,
        ),
      );
    rows.push(row(SECTION, "two instances against one (same machine: the cores are shared)", percent(two.perSecond / one.perSecond)));

    log(`bench: cluster: ${o.streams} streams over both instances, one ballot…`);
    const delay = await crossInstanceDelay(cluster, vote.code, o);
    rows.push(
      row(
        SECTION,
        "streams with their first snapshot (half on each instance)",
        `${count(delay.opened)} / ${count(o.streams)}`,
        "all",
        delay.opened === o.streams,
      ),
      row(
        SECTION,
        "ballot on one instance → count on every stream: p50 / p99",
        `${ms(delay.all.p50)} / ${ms(delay.all.p99)}`,
        `p99 < ${ms(DELAY_P99_MS)}`,
        delay.missed === 0 && delay.all.p99 < DELAY_P99_MS,
      ),
      row(SECTION, "… on the other instance's streams: p50 / p99", `${ms(delay.other.p50)} / ${ms(delay.other.p99)}`),
      row(SECTION, "streams that never showed it (10 s)", count(delay.missed), "0", delay.missed === 0),
    );

    log(`bench: cluster: a rolling restart while ${o.faultVoters} voters cast…`);
    const rolling = await voteThrough(cluster, vote, o, async () => {
      const took = [];
      for (const instance of cluster.instances) {
        const pid = instance.pid;
        process.kill(pid, "SIGTERM");
        took.push(await backUp(instance, pid));
        await sleep(3_500); // docs/deploy/nginx.conf: fail_timeout before stopping the next
      }
      return took;
    });
    log(`bench: cluster: kill -9 of one instance while ${o.faultVoters} more cast…`);
    const crash = await voteThrough(cluster, vote, o, async () => {
      await sleep(2_000);
      const instance = cluster.instances[0];
      const pid = instance.pid;
      process.kill(pid, "SIGKILL");
      return [await backUp(instance, pid)];
    });
    for (const [label, m] of [
      ["rolling restart", rolling],
      ["kill -9", crash],
    ]) {
      rows.push(
        row(
          SECTION,
          `${label}: ballots sent by ${count(m.voters)} voters over ${m.seconds.toFixed(0)} s / voters through`,
          `${count(m.sent)} / ${count(m.through)}`,
        ),
        row(SECTION, `${label}: instance down → answering again`, m.during.map((t) => `${(t / 1000).toFixed(1)} s`).join(", ")),
        row(SECTION, `${label}: sends that failed at first, sent again (resends)`, `${count(m.firstTries)} (${count(m.resends)})`),
        row(
          SECTION,
          `${label}: ballots failed / lost / duplicated`,
          `${m.failed} / ${m.lost} / ${m.duplicated}`,
          "0 / 0 / 0",
          m.failed + m.lost + m.duplicated === 0,
        ),
        row(SECTION, `${label}: teams whose points differ from the client tally`, count(m.teamsOff), "0", m.teamsOff === 0),
      );
    }
  } finally {
    await cluster.stop();
  }
  return rows;
}
