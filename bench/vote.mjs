// The audience-vote section: what happens when the whole hall votes at
// once, from the phones' side (HTTP only, like real phones).
//
//   1. ballots      — N distinct voters join (GET /api/vote/CODE: their own
//                     signed cookie), then cast within 10 seconds, paced as a
//                     hall would (open loop: latency p50/p99); then every one
//                     changes their ballot as fast as the server takes them
//                     (closed loop: ballots/s against the trivial baseline);
//                     nothing lost or counted twice, the tally matching
//   2. live count   — M open SSE streams; one more ballot; how long until
//                     every stream shows the new count
//   3. leak check   — L streams opened and dropped abruptly; subscriptions
//                     and memory must come back down
import { performance } from "node:perf_hooks";
import { signIn } from "./auth.mjs";
import { json, makeAgent, paced, pool, prng, request, sleep, summarize, waitFor } from "./load.mjs";
import { count, mb, ms, percent, perSecond, row } from "./report.mjs";
import { openSse, sseAgent } from "./sse.mjs";

const SECTION_BALLOTS = "vote: ballots";
const SECTION_LIVE = "vote: live count";
const SECTION_LEAK = "vote: leak check";

export const VOTE_DEFAULTS = {
  edition: "0x09",
  organizer: "organizer@demo.test",
  voters: 2_000,
  castWithinSeconds: 10,
  concurrency: 64,
  sseClients: 1_000,
  leakClients: 5_000,
  leakBatch: 250,
};

/** RANKED with 3 picks, the demo's rules: 3, 2, 1 points (lib/votes/rules.ts pointsFor). */
export const POINTS = [3, 2, 1];

/** The organizer's view of the results: ballots and audience points per team. */
export async function results(origin, organizer, edition) {
  const res = await request(origin, { path: `/api/editions/${edition}/vote`, headers: { cookie: organizer.header() } });
  if (res.status !== 200) throw new Error(`GET /api/editions/${edition}/vote answered ${res.status}: ${res.text.slice(0, 200)}`);
  const body = json(res);
  return { ballots: body.ballots, points: new Map(body.ranking.map((r) => [r.teamId, r.audiencePoints])) };
}

/** A phone joining the vote: the ballot options, which issue its signed voter cookie. */
export async function join(origin, code, agent) {
  const options = await request(origin, { path: `/api/vote/${code}`, agent });
  if (options.status !== 200) throw new Error(`GET /api/vote/${code} answered ${options.status}: ${options.text.slice(0, 120)}`);
  const cookie = (options.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("hexathon_voter="));
  if (!cookie) throw new Error("GET /api/vote/CODE set no hexathon_voter cookie");
  return { cookie, teams: json(options).teams.map((t) => t.id), getMs: options.ms };
}

/** 3 distinct teams, drawn from `seed`. */
export function pickThree(teams, seed) {
  const random = prng(seed);
  const shuffled = [...teams];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled.slice(0, 3);
}

/** A joined phone casts (or replaces) its ballot. */
export async function cast(origin, code, agent, voter, picks) {
  const put = await request(origin, { method: "PUT", path: `/api/vote/${code}/ballot`, agent, headers: { cookie: voter.cookie }, body: { teamIds: picks } });
  return { picks, putMs: put.ms, status: put.status, text: put.text };
}

/** One phone voting from scratch (join, then cast); `beforePut` runs just before the PUT goes out. */
export async function castOne(origin, code, agent, seed, beforePut = () => {}) {
  const voter = await join(origin, code, agent);
  const picks = pickThree(voter.teams, seed);
  beforePut();
  return { ...(await cast(origin, code, agent, voter, picks)), getMs: voter.getMs };
}

/** Opens `n` streams, `concurrency` connecting at a time; each resolves once it has its first vote snapshot. */
export async function openStreams(origin, code, n, concurrency, agent, onVote) {
  const conns = [];
  const failures = [];
  await pool(n, concurrency, async () => {
    let gotFirst;
    const first = new Promise((resolve) => (gotFirst = resolve));
    const state = { ballots: null, firstAt: null };
    try {
      const conn = await openSse(origin, `/api/vote/${code}/events`, {
        agent,
        onEvent: (event) => {
          if (event.type !== "vote") return;
          state.ballots = event.data.ballots;
          if (state.firstAt === null) {
            state.firstAt = event.at;
            gotFirst();
          }
          onVote?.(state, event);
        },
      });
      conn.state = state;
      conns.push(conn);
      await Promise.race([first, sleep(30_000)]);
    } catch (error) {
      failures.push(error.message);
    }
  });
  return { conns, failures };
}

/** What the server-side probe sees (null when the probe is off or not answering). */
async function probeStats(probe, gc = false) {
  if (!probe) return null;
  try {
    const res = await request(probe, { method: gc ? "POST" : "GET", path: gc ? "/gc" : "/stats", timeoutMs: 10_000 });
    return res.status === 200 ? json(res) : null;
  } catch {
    return null;
  }
}

/** The organizer (`o.organizer`) signs in and opens the vote of `o.edition`: the session and the join code phones use. */
export async function openVote(origin, o) {
  const organizer = await signIn(origin, o.organizer);
  const opened = await request(origin, {
    method: "POST",
    path: `/api/editions/${o.edition}/vote`,
    headers: { cookie: organizer.header() },
    body: { action: "open" },
  });
  if (opened.status !== 200) throw new Error(`opening the vote of ${o.edition} answered ${opened.status}: ${opened.text.slice(0, 200)}`);
  return { organizer, code: json(opened).joinCode };
}

export async function voteSection({ server, probe, baseline, options = {}, log = console.error }) {
  const o = { ...VOTE_DEFAULTS, ...options };
  const { origin } = server;
  const rows = [];

  // ---- setup: the organizer opens the vote; its join code is what phones use
  const { organizer, code } = await openVote(origin, o);
  log(`bench: vote of ${o.edition} open, join code ${code}`);
  const before = await results(origin, organizer, o.edition);

  // ---- 1. ballots
  const agent = makeAgent(o.concurrency);
  const lastPicks = new Map(); // voter → the picks of its last ballot answered 200: what must be counted
  const refused = [];
  let failedPuts = 0;
  const outcomeOf = (voter, outcome, latencies) => {
    if (outcome.status === 200) {
      lastPicks.set(voter, outcome.picks);
      latencies?.push(outcome.putMs);
    } else {
      failedPuts++;
      if (refused.length < 3) refused.push(`${outcome.status} ${outcome.text.slice(0, 120)}`);
    }
  };
  // warm-up: load the routes' bundles, let the JIT settle, and open all keep-alive connections now (connections
  // opened while the server is saturated wait in the kernel's accept queue for seconds, which would time connection
  // set-up, not ballot handling). These ballots are checked like the others, just not timed.
  await pool(2 * o.concurrency, o.concurrency, async (i) => {
    const voter = await join(origin, code, agent);
    outcomeOf(voter, await cast(origin, code, agent, voter, pickThree(voter.teams, 1_000_000 + i)));
  });

  log(`bench: ${o.voters} voters join…`);
  const voters = [];
  const getLatencies = [];
  const joined = await pool(o.voters, o.concurrency, async () => {
    const voter = await join(origin, code, agent);
    voters.push(voter);
    getLatencies.push(voter.getMs);
  });

  log(`bench: they cast within ${o.castWithinSeconds} s (${Math.round(o.voters / o.castWithinSeconds)}/s)…`);
  const pacedLatencies = [];
  const pacedRun = await paced(voters.length, voters.length / o.castWithinSeconds, async (i) =>
    outcomeOf(voters[i], await cast(origin, code, agent, voters[i], pickThree(voters[i].teams, i)), pacedLatencies),
  );

  log(`bench: every voter changes their ballot, ${o.concurrency} in flight…`);
  const burstLatencies = [];
  const run = await pool(voters.length, o.concurrency, async (i) =>
    outcomeOf(voters[i], await cast(origin, code, agent, voters[i], pickThree(voters[i].teams, 5_000_000 + i)), burstLatencies),
  );
  agent.destroy();
  const ballotsPerSecond = (burstLatencies.length / run.ms) * 1000;
  const pacedPut = summarize(pacedLatencies);
  const burstPut = summarize(burstLatencies);
  const get = summarize(getLatencies);

  const after = await results(origin, organizer, o.edition);
  const counted = after.ballots - before.ballots;
  const acknowledged = [...lastPicks.values()];
  const lost = Math.max(0, acknowledged.length - counted);
  const duplicated = Math.max(0, counted - acknowledged.length);
  const expected = new Map(before.points);
  for (const picks of acknowledged) picks.forEach((teamId, rank) => expected.set(teamId, (expected.get(teamId) ?? 0) + POINTS[rank]));
  const sum = (points) => [...points.values()].reduce((a, b) => a + b, 0);
  const teamsOff = [...expected].filter(([teamId, points]) => after.points.get(teamId) !== points).length;
  const ratio = ballotsPerSecond / baseline.perSecond;

  rows.push(
    row(SECTION_BALLOTS, `voters joining (GET options), ${o.concurrency} in flight`, count(voters.length)),
    row(SECTION_BALLOTS, "GET options p50 / p99", `${ms(get.p50)} / ${ms(get.p99)}`),
    row(
      SECTION_BALLOTS,
      `voters casting, paced over ${o.castWithinSeconds} s`,
      `${count(pacedLatencies.length)} in ${(pacedRun.ms / 1000).toFixed(1)} s`,
      `≤ ~${o.castWithinSeconds} s`,
      pacedRun.ms <= o.castWithinSeconds * 1000 + 1_000,
    ),
    row(SECTION_BALLOTS, "PUT ballot p50 (paced)", ms(pacedPut.p50)),
    row(SECTION_BALLOTS, "PUT ballot p99 (paced)", ms(pacedPut.p99), "< 100 ms", pacedPut.p99 < 100),
    row(SECTION_BALLOTS, `ballots/s, all voters changing their ballot, ${o.concurrency} in flight`, perSecond(ballotsPerSecond)),
    row(SECTION_BALLOTS, "ballots/s as a share of baseline req/s", percent(ratio), "≥ 25%", ratio >= 0.25),
    row(SECTION_BALLOTS, "PUT ballot p50 / p99 (saturated)", `${ms(burstPut.p50)} / ${ms(burstPut.p99)}`),
    row(
      SECTION_BALLOTS,
      "failed requests (network error or non-200)",
      count(joined.errors + run.errors + failedPuts),
      "0",
      joined.errors + run.errors + failedPuts === 0,
    ),
    row(SECTION_BALLOTS, "voters with an acknowledged ballot / ballots counted", `${count(acknowledged.length)} / ${count(counted)}`),
    row(SECTION_BALLOTS, "ballots lost (acknowledged, not counted)", count(lost), "0", lost === 0),
    row(SECTION_BALLOTS, "ballots duplicated (counted, not acknowledged)", count(duplicated), "0", duplicated === 0),
    row(
      SECTION_BALLOTS,
      "audience points: server sum / client sum",
      `${count(sum(after.points))} / ${count(sum(expected))}`,
      "equal",
      sum(after.points) === sum(expected),
    ),
    row(SECTION_BALLOTS, "teams whose points differ from the client tally", count(teamsOff), "0", teamsOff === 0),
  );
  for (const sample of [...joined.errorSamples, ...run.errorSamples, ...refused].slice(0, 3)) log(`bench: a failed voter: ${sample}`);

  // ---- 2. live count delay
  log(`bench: opening ${o.sseClients} live streams…`);
  await sleep(500); // the last coalesced count of the burst goes out (≤ 250 ms), so no stream is mid-update
  const liveAgent = sseAgent();
  let armed = null; // { target, t0 } once the ballot is on its way
  const opened1 = performance.now();
  const live = await openStreams(origin, code, o.sseClients, 100, liveAgent, (state, event) => {
    if (armed && state.seenAt === undefined && event.data.ballots >= armed.target) state.seenAt = event.at;
  });
  const openMs = performance.now() - opened1;
  const ready = live.conns.filter((c) => c.state.firstAt !== null);
  await sleep(400);
  const shown = Math.max(...ready.map((c) => c.state.ballots));
  const castAgent = makeAgent(1);
  const target = shown + 1;
  // armed just before the PUT is sent (after the voter's GET): the delay counts from the moment the phone submits
  const extra = await castOne(origin, code, castAgent, 2_000_000, () => (armed = { target, t0: performance.now() }));
  await waitFor(() => ready.every((c) => c.state.seenAt !== undefined), { timeoutMs: 10_000, everyMs: 20 });
  const delays = ready.filter((c) => c.state.seenAt !== undefined).map((c) => c.state.seenAt - armed.t0);
  const missed = ready.length - delays.length;
  const delay = summarize(delays);
  for (const conn of live.conns) conn.close();
  liveAgent.destroy();

  rows.push(
    row(SECTION_LIVE, "streams with their first snapshot", `${count(ready.length)} / ${count(o.sseClients)}`, "all", ready.length === o.sseClients),
    row(SECTION_LIVE, "time to open them (100 connecting at a time)", `${(openMs / 1000).toFixed(1)} s`),
    row(SECTION_LIVE, "the one ballot's PUT", `${extra.status} in ${ms(extra.putMs)}`),
    row(SECTION_LIVE, "delay to the new count p50", ms(delay.p50)),
    row(SECTION_LIVE, "delay to the new count p99", ms(delay.p99), "< 1,000 ms", missed === 0 && delay.p99 < 1000),
    row(SECTION_LIVE, "delay to the new count max", ms(delay.max)),
    row(SECTION_LIVE, "streams that never saw it (10 s)", count(missed), "0", missed === 0),
  );
  if (live.failures.length) log(`bench: ${live.failures.length} streams failed to open, e.g. ${live.failures[0]}`);

  // ---- 3. leak check
  // the reference point: the 1,000 streams above are gone, memory collected
  // (without the probe there is nothing to poll or collect: a fixed pause lets the server close the streams)
  const settled = probe ? await waitFor(async () => (await probeStats(probe))?.subscribers === 0, { timeoutMs: 10_000, everyMs: 100 }) : true;
  await probeStats(probe, true);
  await sleep(probe ? 2_000 : 3_000);
  const start = { rss: server.rss(), probe: await probeStats(probe, true) };

  log(`bench: leak check: ${o.leakClients} streams in batches of ${o.leakBatch}, then dropped…`);
  const leakAgent = sseAgent();
  const leakConns = [];
  const leakFailures = [];
  let peakRss = start.rss;
  for (let opened = 0; opened < o.leakClients; opened += o.leakBatch) {
    const n = Math.min(o.leakBatch, o.leakClients - opened);
    // a batch connects at once (n ≤ the listen backlog of 511) and is fully subscribed before the next
    const batch = await openStreams(origin, code, n, n, leakAgent);
    leakConns.push(...batch.conns);
    leakFailures.push(...batch.failures);
    peakRss = Math.max(peakRss, server.rss());
  }
  const peak = await probeStats(probe);
  const liveAtPeak = leakConns.filter((c) => c.state.firstAt !== null).length;

  const dropped = performance.now();
  for (const conn of leakConns) conn.close(); // abrupt: no goodbye, like phones leaving the hall
  leakAgent.destroy();
  // observed directly when the probe is there; otherwise only inferred below
  const released = probe ? await waitFor(async () => (await probeStats(probe))?.subscribers === 0, { timeoutMs: 15_000, everyMs: 100 }) : null;
  const releaseMs = performance.now() - dropped;
  const leftAfter = (await probeStats(probe))?.subscribers ?? null;

  // memory: collect, give the allocator a few seconds to hand pages back, collect again
  await probeStats(probe, true);
  await sleep(4_000);
  const end = { probe: await probeStats(probe, true) };
  await sleep(500);
  end.rss = server.rss();
  const rssChange = (end.rss - start.rss) / start.rss;

  // the inference that works without the probe: a fresh stream still gets a new count promptly, so the bus and the
  // coalescer are not clogged by dead listeners (a leaked listener on a closed stream would throw on every publish)
  const checkAgent = sseAgent();
  let checkTarget = null;
  let checkSeen = null;
  const check = await openStreams(origin, code, 1, 1, checkAgent, (state, event) => {
    if (checkTarget !== null && checkSeen === null && event.data.ballots >= checkTarget) checkSeen = event.at;
  });
  const subscribersWithOne = (await probeStats(probe))?.subscribers ?? null;
  const checkConn = check.conns[0];
  let deliveredMs = NaN;
  if (checkConn?.state.firstAt != null) {
    checkTarget = checkConn.state.ballots + 1;
    let t0;
    await castOne(origin, code, castAgent, 3_000_000, () => (t0 = performance.now()));
    await waitFor(() => checkSeen !== null, { timeoutMs: 5_000, everyMs: 10 });
    if (checkSeen !== null) deliveredMs = checkSeen - t0;
  }
  checkConn?.close();
  checkAgent.destroy();
  castAgent.destroy();

  const observed = !!(probe && start.probe && peak);
  rows.push(
    row(SECTION_LEAK, "streams opened together, then dropped", `${count(liveAtPeak)} / ${count(o.leakClients)}`, "all", liveAtPeak === o.leakClients),
    ...(observed ? [row(SECTION_LEAK, "subscriptions at the peak (probe)", count(peak.subscribers))] : []),
    observed
      ? row(
          SECTION_LEAK,
          "subscriptions left after the drop (probe)",
          `${count(leftAfter)}${released ? ` (0 after ${ms(releaseMs)})` : ""}`,
          "0",
          leftAfter === 0,
        )
      : row(SECTION_LEAK, "subscriptions left after the drop", "not observable", "inferred ↓"),
    ...(observed ? [row(SECTION_LEAK, "fresh stream: subscriptions with it open (probe)", count(subscribersWithOne), "1", subscribersWithOne === 1)] : []),
    row(
      SECTION_LEAK,
      "fresh stream: new count delivered after the drop",
      Number.isFinite(deliveredMs) ? `yes, ${ms(deliveredMs)}` : "no",
      "yes, < 1 s",
      deliveredMs < 1000,
    ),
    row(SECTION_LEAK, `server RSS start → peak → after (${observed ? "GC + " : ""}4 s pause)`, `${mb(start.rss)} → ${mb(peakRss)} → ${mb(end.rss)}`),
    row(SECTION_LEAK, "RSS after vs start", `${rssChange >= 0 ? "+" : ""}${percent(rssChange)}`, "within ±10%", Math.abs(rssChange) <= 0.1),
  );
  if (observed && end.probe) {
    const heapChange = (end.probe.memory.heapUsed - start.probe.memory.heapUsed) / start.probe.memory.heapUsed;
    rows.push(
      row(
        SECTION_LEAK,
        "JS heap used start → peak → after GC (probe)",
        `${mb(start.probe.memory.heapUsed)} → ${mb(peak.memory.heapUsed)} → ${mb(end.probe.memory.heapUsed)}`,
      ),
      row(SECTION_LEAK, "JS heap after vs start (probe)", `${heapChange >= 0 ? "+" : ""}${percent(heapChange)}`),
      row(
        SECTION_LEAK,
        "server sockets start → peak → after (probe)",
        `${start.probe.resources.TCPSocketWrap ?? 0} → ${peak.resources.TCPSocketWrap ?? 0} → ${end.probe.resources.TCPSocketWrap ?? 0}`,
      ),
    );
  }
  if (leakFailures.length) log(`bench: ${leakFailures.length} leak-check streams failed to open, e.g. ${leakFailures[0]}`);
  if (!settled && probe) log("bench: the 1,000 live-count streams had not all unsubscribed before the leak check");

  return { rows, observed };
}
