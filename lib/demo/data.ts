// The demo's content: people, three editions, their topics, teams and agendas.
// Plain data, so the texts can be edited without reading the seeding code
// (lib/demo/seed.ts), which checks the cross-references when it runs.
//
// People are referred to by `key` (the demo accounts' mailbox, or a first name);
// topics by their `key` within an edition. Times are [day, "HH:MM"] in the
// edition's timezone, day 1 being the first day of hacking (a Thursday in the
// archive) and day 2 the day of the presentations; the live edition's all come
// from its schedule (LIVE_SCHEDULE), which its texts take their times from.
import type { GameId } from "../arena/engine/games/types";
import type { TournamentFormat } from "../arena/engine/schedule";
import type { ChallengeKind, Scoring } from "../challenges/rules";
import type { Phase } from "../editions/rules";
import type { Role } from "../people/rules";
import type { TopicKind, TopicStatus } from "../topics/rules";

export type DemoPerson = { key: string; name: string; email: string; role: Role; note?: string };

export type Slot = readonly [day: 1 | 2, time: string];

/** A slot as the edition's clock shows it once the seed has placed the edition: "14:00". */
export type TimeOf = (slot: Slot) => string;

/** A text; one that mentions a time is written from the schedule, through `time`, never with a clock time of its own. */
export type DemoText = string | ((time: TimeOf) => string);

export type DemoAgendaItem = { start: Slot; end?: Slot; title: string; description: DemoText; location: string };

export type DemoChallenge = {
  kind: ChallengeKind;
  title: string;
  statement: DemoText;
  opens: Slot;
  closes: Slot;
  hiddenUntilOpen: boolean;
  scoring: Scoring;
  rankPoints?: string;
  maxPoints?: number;
  answers?: readonly string[];
  game?: GameId;
  matchRounds?: number;
  matchesPerPair?: number;
  format?: TournamentFormat;
};

export type DemoTopic = {
  key: string;
  title: string;
  kind: TopicKind;
  status: TopicStatus;
  rejectionReason?: string;
  proposer: string;
  pitch: string;
  /** people interested besides the team members, who always are */
  interested?: string[];
  /** how many more people the seed picks (deterministically) to show interest */
  extraInterest: number;
};

export type DemoTeam = { name: string; topic: string; members: string[] };

export type DemoEdition = {
  number: number;
  title: string;
  timezone: string;
  phase: Phase;
  /** the hacking Thursday as YYYY-MM-DD; absent for the live edition, which is placed around "now" */
  firstDay?: string;
  hackingStartsAt: Slot;
  presentationsStartAt: Slot;
  endsAt: Slot;
  maxTeamSize: number;
  agenda: DemoAgendaItem[];
  topics: DemoTopic[];
  teams: DemoTeam[];
};

export const DEMO_PASSWORD = "hexathon";
export const DEMO_DOMAIN = "demo.test";

/** Strips indentation common to all lines, so pitches can be indented with the code around them. */
function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = text
    .replace(/^\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

/** "Léa Dubois" → key "lea", email "lea.dubois@demo.test": ASCII mailboxes, as company directories do. */
function person(name: string, role: Role = "EMPLOYEE"): DemoPerson {
  const fold = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z]/g, "");
  const [first, ...rest] = name.split(" ");
  return { key: fold(first), name, email: `${fold(first)}.${fold(rest.join(""))}@${DEMO_DOMAIN}`, role };
}

export const DEMO_ACCOUNTS: DemoPerson[] = [
  {
    key: "organizer",
    name: "Olivia Organizer",
    email: `organizer@${DEMO_DOMAIN}`,
    role: "ORGANIZER",
    note: "Runs the hackathon: phases, agenda, topic moderation, people",
  },
  {
    key: "judge",
    name: "Julian Judge",
    email: `judge@${DEMO_DOMAIN}`,
    role: "JUDGE",
    note: "Scores mini-challenges, votes for jury prizes, judges a track",
  },
  // the seed writes the employees' notes from their actual team and interests
  { key: "alice", name: "Alice Aubert", email: `alice@${DEMO_DOMAIN}`, role: "EMPLOYEE" },
  { key: "bob", name: "Bob Brennan", email: `bob@${DEMO_DOMAIN}`, role: "EMPLOYEE" },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  ...DEMO_ACCOUNTS,
  person("Camille Martin"),
  person("Hugo Lefèvre"),
  person("Léa Dubois"),
  person("Thomas Nguyen"),
  person("Inès Benali"),
  person("Lucas Bernard"),
  person("Chloé Girard"),
  person("Mehdi Haddad"),
  person("Sarah Cohen"),
  person("Julien Roux"),
  person("Emma Fontaine"),
  person("Antoine Mercier"),
  person("Manon Petit"),
  person("Karim Belkacem"),
  person("Priya Raman"),
  person("Marco Rossi"),
  person("Sofia Almeida"),
  person("Jonas Weber"),
  person("Aïcha Diallo"),
  person("Nicolas Garnier"),
  // a product manager: the product management special prize is a jury prize
  person("Pauline Chevalier", "JUDGE"),
  person("Maxime Morel"),
  person("Yuki Tanaka"),
  person("Olga Ivanova"),
  person("David Lévy"),
  person("Clara Schmidt"),
  person("Baptiste Lambert"),
  person("Amina Traoré"),
  person("Romain Faure"),
  person("Élodie Blanc"),
  person("Kevin O'Brien"),
  person("Fatima El Amrani"),
  person("Guillaume Robin", "ORGANIZER"),
  person("Nadia Kowalski"),
  person("Théo Perrin"),
  person("Hannah Müller"),
];

// ---------------------------------------------------------------------------
// 0x09: the live edition, hacking since yesterday morning.

/**
 * 0x09's programme: the one source of every time of the live edition. Its
 * dates, its agenda, its mini-challenges' opening and closing times, and every
 * time a text of it mentions come from here. The seed places the programme
 * around "now", sliding it by whole hours when needed, so a text never writes
 * a clock time itself: it is a function of `time`, which gives a slot as the
 * edition's clock shows it once placed (see DemoText).
 */
export const LIVE_SCHEDULE = {
  breakfast: [1, "08:30"],
  kickOff: [1, "09:00"],
  kickOffEnds: [1, "09:30"],
  arenaOpens: [1, "10:00"],
  lunch: [1, "12:30"],
  lunchEnds: [1, "13:30"],
  circleRiddle: [1, "14:00"],
  circleRiddleCloses: [1, "14:30"],
  fifthPage: [1, "16:00"],
  fifthPageCloses: [1, "16:30"],
  hackingDay1Ends: [1, "19:00"],
  pizzasEnd: [1, "20:30"],
  breakfast2: [2, "08:00"],
  hackingDay2: [2, "09:30"],
  lunch2: [2, "12:30"],
  lunch2Ends: [2, "13:30"],
  lighthouseRiddle: [2, "15:00"],
  codeFreeze: [2, "15:30"],
  presentations: [2, "16:00"],
  vote: [2, "17:00"],
  voteEnds: [2, "17:15"],
  prizes: [2, "17:30"],
  drinks: [2, "18:00"],
  end: [2, "19:00"],
} as const satisfies Record<string, Slot>;

const S = LIVE_SCHEDULE;

const LIVE_AGENDA: DemoAgendaItem[] = [
  {
    start: S.breakfast,
    end: S.kickOff,
    title: "Breakfast",
    description: "Croissants, fruit and plenty of coffee, on the house. Find your team and grab a table.",
    location: "Cafeteria, 2nd floor",
  },
  {
    start: S.kickOff,
    end: S.kickOffEnds,
    title: "Kick-off",
    description: (time) =>
      `Welcome, the rules, the mini challenges and their points (the bot arena opens at ${time(S.arenaOpens)}), and the five-minute rule for tomorrow's presentations.`,
    location: "Auditorium",
  },
  {
    start: S.kickOffEnds,
    end: S.hackingDay1Ends,
    title: "Hacking, day 1",
    description: "The project rooms are yours. Organizers are on the chat channel #hackathon if you need a screen, a server or a key.",
    location: "Everywhere",
  },
  {
    start: S.arenaOpens,
    title: "The bot arena opens",
    description: (time) =>
      `Two bot tournaments, rock-paper-scissors and Connect Four. Send your bot until the code freeze tomorrow at ${time(S.codeFreeze)} and practise against the built-in bots meanwhile. Remember: randomness only on the first move.`,
    location: "Online",
  },
  {
    start: S.lunch,
    end: S.lunchEnds,
    title: "Lunch",
    description: "Buffet in the cafeteria; vegetarian and vegan dishes are labelled.",
    location: "Cafeteria, 2nd floor",
  },
  {
    start: S.circleRiddle,
    end: S.circleRiddleCloses,
    title: "Mini challenge: speed riddle",
    description: (time) => `A math riddle is published at ${time(S.circleRiddle)} sharp. The fastest correct teams win extra points.`,
    location: "Online",
  },
  {
    start: S.fifthPage,
    end: S.fifthPageCloses,
    title: "Mini challenge: speed puzzle",
    description: "Race to the fifth page of the riddle website and tell a judge what is shown there.",
    location: "Online",
  },
  {
    start: S.hackingDay1Ends,
    end: S.pizzasEnd,
    title: "Pizzas",
    description: "Pizzas for everyone, with vegetarian and gluten-free options. Stay as late as you like afterwards.",
    location: "Cafeteria, 2nd floor",
  },
  {
    start: S.pizzasEnd,
    end: S.breakfast2,
    title: "Night shift",
    description: "The building stays open all night for those who want it. The quiet room has sofas.",
    location: "Project rooms",
  },
  {
    start: S.breakfast2,
    end: S.hackingDay2,
    title: "Breakfast, day 2",
    description: "Coffee for the night owls, croissants for everybody.",
    location: "Cafeteria, 2nd floor",
  },
  {
    start: S.hackingDay2,
    end: S.codeFreeze,
    title: "Hacking, day 2",
    description: (time) => `Last stretch. Keep an eye on the clock: code freeze at ${time(S.codeFreeze)}.`,
    location: "Everywhere",
  },
  {
    start: S.lunch2,
    end: S.lunch2Ends,
    title: "Lunch",
    description: "Sandwiches and salads, to eat at your desk if the demo isn't working yet.",
    location: "Cafeteria, 2nd floor",
  },
  {
    start: S.lighthouseRiddle,
    end: S.codeFreeze,
    title: "Mini challenge: another speed riddle",
    description: "Hidden until it opens. No hints.",
    location: "Online",
  },
  {
    start: S.codeFreeze,
    end: S.presentations,
    title: "Code freeze and rehearsal",
    description:
      "Bots are due: the last version each team sent plays the tournaments. Test your laptop on the projector and check your demo works on the conference Wi-Fi.",
    location: "Auditorium",
  },
  {
    start: S.presentations,
    end: S.vote,
    title: "Presentations",
    description: "Each team has five minutes, precisely. The countdown is on the big screen; slides are optional, live demos encouraged.",
    location: "Auditorium",
  },
  {
    start: S.vote,
    end: S.voteEnds,
    title: "Audience vote",
    description: "Scan the QR code on the screen and vote for your favourite projects from your phone.",
    location: "Auditorium",
  },
  {
    start: S.prizes,
    end: S.drinks,
    title: "Prizes",
    description: "The three best teams, the public vote and the product management special prize.",
    location: "Auditorium",
  },
  {
    start: S.drinks,
    end: S.end,
    title: "Drinks",
    description: "Cheers to every team, finished or not.",
    location: "Rooftop terrace",
  },
];

/**
 * 0x09's mini-challenges, timed by the schedule: yesterday's circle riddle
 * from DOMAIN.md (answer 15) and race to the riddle website's fifth page
 * (judged), both over; the two bot tournaments, open since yesterday until the
 * code freeze; and a riddle still hidden, for the organizer to open during the
 * demo. What teams did in them (attempts, scores, bots) is in seed.ts.
 */
export const LIVE_CHALLENGES = {
  circle: {
    kind: "RIDDLE",
    title: "Speed riddle: hands in a circle",
    statement:
      "91 employees stand in a circle, holding hands. **81** of them hold the hand of a man, and **20** hold the hand of a woman.\n\nHow many women are there?\n\n_The fastest correct teams score: 10, 7, 5, 3 and 1 points._",
    opens: S.circleRiddle,
    closes: S.circleRiddleCloses,
    hiddenUntilOpen: true,
    scoring: "RANK",
    rankPoints: "10,7,5,3,1",
    answers: ["15", "fifteen"],
  },
  fifthPage: {
    kind: "JUDGED",
    title: "Speed puzzle: the fifth page",
    statement:
      "Open the riddle website the organizers posted in the chat, and race to its **fifth page**. Come and tell a judge what is shown there.\n\nJudges give up to 10 points: the fastest correct teams get the most.",
    opens: S.fifthPage,
    closes: S.fifthPageCloses,
    hiddenUntilOpen: false,
    scoring: "JUDGE",
    maxPoints: 10,
  },
  rps: {
    kind: "TOURNAMENT",
    title: "Bot tournament: rock-paper-scissors",
    statement: (time) =>
      `Write a small bot that plays rock-paper-scissors against the other teams' bots. The twist: it may use randomness **only on its first move**; after that it must be deterministic.\n\nBots are due at ${time(S.codeFreeze)}, when the tournament runs; its final standings give 10, 7, 5, 3 and 1 points.`,
    // open for bots from the morning of day 1 until just before the presentations, so the demo can play it now
    opens: S.arenaOpens,
    closes: S.codeFreeze,
    hiddenUntilOpen: false,
    scoring: "JUDGE",
    maxPoints: 10,
    game: "rps",
  },
  connect4: {
    kind: "TOURNAMENT",
    title: "Bot tournament: Connect Four",
    statement: (time) =>
      `The second arena: Connect Four. Drop your discs, four in a row wins a game; a match is ten games, the bots taking turns to start. Randomness on your **first move** only, as in the other tournament.\n\nA Swiss tournament: rounds of pairings by the standings so far. Bots are due at ${time(S.codeFreeze)}.`,
    opens: S.arenaOpens,
    closes: S.codeFreeze,
    hiddenUntilOpen: false,
    scoring: "JUDGE",
    maxPoints: 10,
    game: "connect4",
    matchRounds: 10,
    matchesPerPair: 2,
    format: "SWISS",
  },
  lighthouses: {
    kind: "RIDDLE",
    title: "Speed riddle: two lighthouses",
    statement:
      "One lighthouse flashes every **6** seconds, another every **10** seconds. They flash together exactly at midnight.\n\nHow many times do they flash together during the first hour after midnight (the flash one hour after midnight counts, the one at midnight doesn't)?",
    opens: S.lighthouseRiddle,
    closes: S.codeFreeze,
    hiddenUntilOpen: true,
    scoring: "RANK",
    rankPoints: "10,7,5,3,1",
    answers: ["120", "one hundred twenty"],
  },
} as const satisfies Record<string, DemoChallenge>;

const LIVE_TOPICS: DemoTopic[] = [
  {
    key: "geo",
    title: "See the network: geodata visualisation of cell and mobility data",
    kind: "KILLER_FEATURE",
    status: "APPROVED",
    proposer: "camille",
    interested: ["bob"],
    extraInterest: 14,
    pitch: md`
      Our customers stare at tables of cell IDs and KPIs all day. Behind every row
      there is a place: a mast on a roof, a motorway, a stadium on match night.
      Let's put the data **on a map** and let people _see_ their network.

      The plan for two days:

      - load one day of anonymised cell-level KPIs and mobility flows (the sample
        set from the data team, about 2 GB)
      - aggregate it on a hexagonal grid (H3, resolutions 7 to 9) so that a
        country-wide view stays fast
      - render it with WebGL (\`deck.gl\`) over an open basemap, with a time slider
        to replay the day
      - click a hexagon to see its cells, their load, and where the people in it
        came from

      Stretch goal: animated origin–destination arcs for the morning commute. If we
      get there, this is the demo people will remember.

      We need front-end people who aren't scared of WebGL, someone at ease with
      \`pandas\` and \`geopandas\` for the aggregation, and ideally a product
      manager to tell us which view would sell.
    `,
  },
  {
    key: "prometheus",
    title: "Monitoring with Prometheus and Grafana",
    kind: "TEAM_TOOLING",
    status: "APPROVED",
    proposer: "julien",
    interested: ["alice"],
    extraInterest: 8,
    pitch: md`
      Our services still push their metrics into the round-robin store we wrote
      in 2012 (\`rrstore\`). It works, but:

      - nobody dares to change its retention settings,
      - every new graph is a ticket for the ops team,
      - there is no alerting: we learn about full disks from customers.

      **Proposal:** expose metrics in the Prometheus text format from three
      services, scrape them with a Prometheus server, and build the dashboards we
      actually look at in Grafana.

      1. a tiny \`/metrics\` endpoint in the C core library (counters and
         histograms, no dependencies)
      2. the official client libraries in the Python and Node services
      3. \`docker compose up\` for Prometheus, Grafana and Alertmanager, with
         provisioned dashboards
      4. one real alert, "the disk will be full in 4 hours", with
         \`predict_linear()\`

      At the presentations we show both systems side by side and write down what a full
      migration would cost.
    `,
  },
  {
    key: "formatting",
    title: "Auto-formatting everything: black, eslint --fix, clang-format",
    kind: "TEAM_TOOLING",
    status: "APPROVED",
    proposer: "hugo",
    extraInterest: 7,
    pitch: md`
      How many review comments last year were about a space, a brace or the order
      of imports? I counted on one repository: **about one in six**. Let's make
      that discussion disappear for good.

      - agree on a configuration in the first hour (and then no more
        bikeshedding, promised): \`black\` for Python, \`eslint --fix\` and
        Prettier for JavaScript and TypeScript, \`clang-format\` for C and C++
      - reformat the whole monorepo in one commit per language, listed in
        \`.git-blame-ignore-revs\` so that \`git blame\` stays useful
      - a pre-commit hook, and a CI check that fails with the exact command to run
      - editor settings for VS Code, CLion and Vim, so formatting happens on save

      The hard part isn't the tools, it's the migration: every open branch will
      conflict. We'll write a script that reformats a branch before rebasing it,
      and try it on a dozen real branches.
    `,
  },
  {
    key: "benchmark",
    title: "corebench: a benchmark library for the C core library",
    kind: "TEAM_TOOLING",
    status: "APPROVED",
    proposer: "thomas",
    extraInterest: 6,
    pitch: md`
      Every performance discussion about the core library starts with "on my
      machine…". We have no shared way to measure, so we can't tell whether a
      change made things faster, slower, or just noisier.

      Let's build \`corebench\`, a small benchmark library in C:

      - declare a benchmark with a macro: \`BENCH(hash_lookup, n) { … }\`
      - warm-up, automatic iteration counts, and statistics that resist noise
        (median, MAD, minimum) rather than a single average
      - pin to a CPU, check the frequency governor, and warn when the machine
        isn't quiet
      - print a table for humans **and** JSON for CI, so we can keep a history

      For the presentations: twenty benchmarks of the hottest functions (the allocator, the
      hash tables, the protocol decoder), a \`corebench compare old.json new.json\`
      that says which differences are significant, and a chart of the last fifty
      commits.
    `,
  },
  {
    key: "ebpf",
    title: "Tracing the C codebase with eBPF",
    kind: "TEAM_TOOLING",
    status: "APPROVED",
    proposer: "marco",
    interested: ["bob"],
    extraInterest: 9,
    pitch: md`
      When something is slow in production, we add \`printf\`s, rebuild, redeploy
      and wait for it to happen again. eBPF lets us ask the running process
      instead, with almost no overhead and no restart.

      What we want to try:

      - **USDT probes**: static tracepoints in the core library
        (\`DTRACE_PROBE2(core, request_done, id, latency_us)\`) that cost nothing
        while nobody listens
      - **uprobes** on existing functions, to trace without even recompiling
      - **kprobes** to see what the kernel does for us: \`tcp_sendmsg\`, page
        faults, scheduler latency
      - one-liners with \`bpftrace\`, and a few reusable tools with libbpf

      The demo: a live latency histogram of real requests on a staging server,
      split by where the time goes (our code, locks, system calls, network).

      Prerequisites: a kernel of at least 4.18 on staging (checked: it runs 5.4)
      and root access there. Organizers, please!
    `,
  },
  {
    key: "nlsearch",
    title: "Ask the dashboard: natural-language questions about the network",
    kind: "KILLER_FEATURE",
    status: "APPROVED",
    proposer: "priya",
    extraInterest: 7,
    pitch: md`
      Customers keep asking support the same kind of question: _"Which cells in
      Lyon were congested last Friday evening?"_ Today the answer takes six
      filters and two exports.

      Let's add a search box that understands such questions:

      - translate a question into our existing query API (place, time range, KPI,
        threshold); a grammar first, a language model only if time allows
      - resolve place names with the geocoder we already use for addresses
      - show the interpreted query as editable chips, so people see what was
        understood and can fix it
      - fail politely: _"I didn't understand 'congested'; did you mean
        \`load > 80 %\`?"_

      We'll test it on 50 real (anonymised) questions from support tickets and
      count how many get the right answer at the first try.
    `,
  },
  {
    key: "whatif",
    title: "What-if planner: try a new site before building it",
    kind: "KILLER_FEATURE",
    status: "APPROVED",
    proposer: "nicolas",
    extraInterest: 6,
    pitch: md`
      Before building a new mast, radio planners ask a specialised team for a
      coverage study and wait two weeks. Our product already knows the traffic;
      it could give a **first answer in seconds**.

      1. drop a virtual site on the map and pick the antenna height, azimuths
         and bands
      2. estimate its coverage with a simple propagation model (Okumura–Hata is
         good enough for a hackathon)
      3. move traffic over from the neighbouring cells and show who would gain
         and who would lose load

      It won't replace the real study, but a planner could compare five candidate
      locations before lunch. Looking for someone who remembers their radio
      courses, and two back-end people.
    `,
  },
  {
    key: "offline",
    title: "Offline mode for the field technicians' app",
    kind: "KILLER_FEATURE",
    status: "APPROVED",
    proposer: "aicha",
    extraInterest: 5,
    pitch: md`
      Field technicians open our mobile app on rooftops and in basements, which
      is exactly where there is no signal. The app shows a spinner, and they call
      the office.

      For two days, let's make it work offline:

      - keep the day's sites and tickets on the phone (a service worker and
        IndexedDB)
      - queue updates and photos, sync when the network is back, and show a clear
        _3 changes waiting_ badge
      - resolve conflicts the simple way (last write wins, field by field) and
        tell the technician when something was overwritten

      A demo in airplane mode on stage would be a first in hackathon history.
    `,
  },
  {
    key: "incident",
    title: "Incident timelines customers can share",
    kind: "KILLER_FEATURE",
    status: "APPROVED",
    proposer: "pauline",
    extraInterest: 4,
    pitch: md`
      When a customer's network has an incident, the story is scattered across
      alarms, graphs and chat messages. Let's give them a **timeline**:

      - pick a time window and an area, and collect alarms, KPI anomalies and
        configuration changes into one chronological view
      - annotate it: _14:02, rollback of the new parameter set_
      - share a read-only link with the customer's management, no account needed

      Customers have asked for this in three of the last five quarterly reviews.
      Post-mortems would almost write themselves.
    `,
  },
  {
    key: "snake",
    title: "Snake on the network map",
    kind: "FUN",
    status: "APPROVED",
    proposer: "lucas",
    extraInterest: 6,
    pitch: md`
      A classic, on our own product: play **Snake on the live network map**.

      - the snake moves from hexagon to hexagon on the coverage map
      - eating a congested cell makes it grow; a coverage hole ends the game
      - its speed follows the real traffic, so rush hour is the hard level
      - a high-score table on the screen by the coffee machine

      Almost everything is reused: the map component, the hexagon grid, the live
      KPI feed. The only new parts are a game loop in \`requestAnimationFrame\`
      and a lot of bad puns.
    `,
  },
  {
    key: "sound",
    title: "The sound of the network",
    kind: "FUN",
    status: "APPROVED",
    proposer: "antoine",
    extraInterest: 5,
    pitch: md`
      What does the network _sound_ like at 8:30 on a Monday? Let's find out.

      We turn live KPIs into music with the Web Audio API:

      - each region is an instrument; its load sets the pitch and its error rate
        adds distortion
      - a quiet night is an ambient drone, a football match a drum solo
      - a _replay an incident_ mode plays last March's outage as a symphony

      Useless? Maybe. But the ops team might hear a wrong note sooner than they
      spot a red graph, and our presentation will have a soundtrack.
    `,
  },
  {
    key: "coffee",
    title: "Is the coffee ready? A chat bot for the fourth-floor machine",
    kind: "FUN",
    status: "PENDING",
    proposer: "maxime",
    extraInterest: 3,
    pitch: md`
      The coffee pot on the fourth floor is always empty when you get there. A
      cheap current sensor on its plug (the machine draws 1.2 kW while brewing)
      and a Raspberry Pi could tell the whole floor:

      - \`/coffee\` in the chat: _Fresh pot, brewed 4 minutes ago_
      - a notification when a pot is ready, for those who subscribe
      - weekly statistics: the busiest minute (probably 9:05) and the thirstiest
        team

      Hardware budget: about 40 €. I'll bring the sensor.
    `,
  },
  {
    key: "rust",
    title: "Rewrite the C core library in Rust",
    kind: "TEAM_TOOLING",
    status: "REJECTED",
    rejectionReason:
      "400,000 lines in two days isn't a hackathon, it's a miracle. We'd love a smaller Rust experiment: " +
      "port one self-contained module (the protocol decoder?) behind the existing C API and measure it with corebench. " +
      "Keep it for 0x0A!",
    proposer: "kevin",
    extraInterest: 2,
    pitch: md`
      Memory-safety bugs in the core library caused three incidents last year.
      Rust rules them out by construction.

      Plan: rewrite the core library in Rust during the hackathon, keeping the C
      API with \`cbindgen\` so that nothing else has to change.

      - day 1: the allocator, the containers, the protocol decoder
      - day 2: everything else, the tests and the benchmarks
    `,
  },
];

const LIVE_TEAMS: DemoTeam[] = [
  { name: "Heatmappers", topic: "geo", members: ["alice", "camille", "lea", "mehdi", "sofia"] },
  { name: "Prometheus Unbound", topic: "prometheus", members: ["julien", "karim", "olga", "romain"] },
  { name: "Black Magic", topic: "formatting", members: ["hugo", "chloe", "baptiste"] },
  { name: "Laws of the Universe", topic: "benchmark", members: ["thomas", "yuki", "jonas", "nadia"] },
  { name: "Kernel Sanders", topic: "ebpf", members: ["marco", "david", "theo"] },
  { name: "Ask the Map", topic: "nlsearch", members: ["priya", "ines", "emma", "kevin"] },
  { name: "Snake Case", topic: "snake", members: ["lucas", "manon"] },
  { name: "Sonic Boom", topic: "sound", members: ["antoine", "clara", "fatima"] },
];

// ---------------------------------------------------------------------------
// Archived editions: the classic two-day programme.

const CLASSIC_AGENDA: DemoAgendaItem[] = [
  {
    start: [1, "08:30"],
    end: [1, "09:00"],
    title: "Breakfast",
    description: "Free breakfast to start the hackathon.",
    location: "Cafeteria",
  },
  {
    start: [1, "09:00"],
    end: [1, "09:30"],
    title: "Kick-off",
    description: "Topics, teams and rules; then off you go.",
    location: "Auditorium",
  },
  {
    start: [1, "19:00"],
    end: [1, "20:30"],
    title: "Pizzas",
    description: "Pizzas for the teams who stay late.",
    location: "Cafeteria",
  },
  {
    start: [2, "08:30"],
    end: [2, "09:30"],
    title: "Breakfast, day 2",
    description: "Coffee and croissants.",
    location: "Cafeteria",
  },
  {
    start: [2, "16:00"],
    end: [2, "17:00"],
    title: "Presentations",
    description: "Five minutes per team, precisely.",
    location: "Auditorium",
  },
  {
    start: [2, "17:00"],
    end: [2, "17:15"],
    title: "Audience vote",
    description: "Everybody votes from their phone.",
    location: "Auditorium",
  },
  {
    start: [2, "17:30"],
    end: [2, "18:00"],
    title: "Prizes",
    description: "The three best teams and the special prizes.",
    location: "Auditorium",
  },
  {
    start: [2, "18:00"],
    end: [2, "19:00"],
    title: "Drinks",
    description: "To all the teams.",
    location: "Cafeteria",
  },
];

const EDITION_07: DemoEdition = {
  number: 7,
  title: "Hackathon 0x07",
  timezone: "Europe/Paris",
  phase: "ARCHIVED",
  firstDay: "2019-01-17",
  hackingStartsAt: [1, "09:00"],
  presentationsStartAt: [2, "16:00"],
  endsAt: [2, "19:00"],
  maxTeamSize: 5,
  agenda: CLASSIC_AGENDA,
  topics: [
    {
      key: "rr",
      title: "Record-and-replay debugging with rr",
      kind: "TEAM_TOOLING",
      status: "APPROVED",
      proposer: "thomas",
      extraInterest: 7,
      pitch: md`
        Some bugs show up once in a thousand runs, and never under \`gdb\`.
        **rr** records an execution once, then replays it identically as many
        times as you like, backwards included.

        - record the flaky integration test until it fails (\`rr record --chaos\`)
        - replay it with \`reverse-continue\` and a watchpoint to find who wrote
          the bad value
        - a script that records a failing CI job and keeps the trace as an
          artefact
        - document the traps: rr needs hardware performance counters, which
          some virtual machines don't expose

        If it works, the nastiest race condition in our backlog gets fixed live
        on stage.
      `,
    },
    {
      key: "schema",
      title: "One schema, three languages: an object serialisation language",
      kind: "TEAM_TOOLING",
      status: "APPROVED",
      proposer: "julien",
      extraInterest: 5,
      pitch: md`
        We describe the same objects three times: a C struct, a Python class, and
        a JSON schema in the documentation. They drift apart, and the bugs live
        in the gaps.

        Let's write each object **once** and generate the rest:

        ~~~
        object Cell {
          id: u64
          name: string
          azimuth: u16 = 0
          bands: list<Band>
        }
        ~~~

        - a small parser and type checker
        - generators for C (struct, encoder, decoder), Python (dataclasses) and
          JSON Schema
        - a compact binary encoding with versioning rules: adding a field with a
          default never breaks old readers
      `,
    },
    {
      key: "lifecycle",
      title: "C module lifecycles done right",
      kind: "TEAM_TOOLING",
      status: "APPROVED",
      proposer: "david",
      extraInterest: 4,
      pitch: md`
        The core library has sixty modules, each with its own idea of
        initialisation. Some must not be initialised twice, some crash when
        stopped before being started, and the shutdown order is \`atexit\`
        roulette.

        A tiny lifecycle framework:

        - each module declares its dependencies and four callbacks: \`init\`,
          \`start\`, \`stop\`, \`fini\`
        - modules start in dependency order and stop in reverse order
        - dependency cycles are caught at build time, not in production
        - \`--trace-lifecycle\` prints what happens, with timings

        We'll convert ten modules during the hackathon to prove the idea.
      `,
    },
    {
      key: "complaints",
      title: "Customer complaints on the coverage map",
      kind: "KILLER_FEATURE",
      status: "APPROVED",
      proposer: "camille",
      extraInterest: 4,
      pitch: md`
        Support receives thousands of _no signal at home_ complaints a month, and
        they sit as free text in the ticket tool. Let's put them on the coverage
        map, so radio engineers see clusters of complaints next to the cells
        that cause them.

        - geocode the addresses (in batches, with a cache)
        - cluster complaints by area and by week
        - link each cluster to the nearest cells and their KPIs
      `,
    },
    {
      key: "plants",
      title: "Talking office plants",
      kind: "FUN",
      status: "APPROVED",
      proposer: "manon",
      extraInterest: 6,
      pitch: md`
        Our office plants are suffering. A moisture sensor in each pot, an
        ESP8266 and a bit of glue code:

        - each plant gets a name and a chat account, and complains when thirsty
          (_Gérard the ficus would like some water_)
        - a dashboard of soil moisture per floor
        - a monthly award for the most caring team
      `,
    },
  ],
  teams: [
    { name: "Time Lords", topic: "rr", members: ["thomas", "marco", "bob"] },
    { name: "Schema Schemers", topic: "schema", members: ["julien", "hugo", "yuki", "karim"] },
    { name: "Lifecyclists", topic: "lifecycle", members: ["david", "nadia", "jonas"] },
    { name: "Green Fingers", topic: "plants", members: ["manon", "lucas", "clara", "judge"] },
  ],
};

const EDITION_08: DemoEdition = {
  number: 8,
  title: "Hackathon 0x08",
  timezone: "Europe/Paris",
  phase: "ARCHIVED",
  firstDay: "2019-06-13",
  hackingStartsAt: [1, "09:00"],
  presentationsStartAt: [2, "16:00"],
  endsAt: [2, "19:00"],
  maxTeamSize: 5,
  agenda: CLASSIC_AGENDA,
  topics: [
    {
      key: "bus",
      title: "A middleware for inter-process messaging",
      kind: "TEAM_TOOLING",
      status: "APPROVED",
      proposer: "yuki",
      extraInterest: 6,
      pitch: md`
        Our processes talk through a mix of UNIX sockets, shared memory and files
        in \`/tmp\`, and every pair has its own protocol.

        Let's build one small message bus:

        - publish/subscribe and request/reply over UNIX domain sockets, without
          a central broker
        - messages encoded with the serialisation language from 0x07 (it lives!)
        - back-pressure: a slow subscriber gets a bounded queue and a warning,
          instead of slowing everybody down
        - a \`bus-top\` tool to watch the traffic live

        Target: one million small messages per second between two processes on
        one core.
      `,
    },
    {
      key: "flaky",
      title: "The flaky test hunter",
      kind: "TEAM_TOOLING",
      status: "APPROVED",
      proposer: "chloe",
      extraInterest: 5,
      pitch: md`
        One CI run in five fails for no reason, and we press _retry_. Let's find
        the culprits instead.

        - collect every test result of the last three months from CI
        - flag the tests that both pass and fail on the same commit
        - rerun the suspects in a loop under load (\`stress-ng\` in the
          background) to make them fail on purpose
        - a weekly _most wanted_ list posted to each team's channel
      `,
    },
    {
      key: "anomaly",
      title: "Anomaly alerts on network KPIs",
      kind: "KILLER_FEATURE",
      status: "APPROVED",
      proposer: "lea",
      extraInterest: 8,
      pitch: md`
        Customers find out about degraded cells when their own customers call.
        We have the KPIs; we could warn them first.

        - learn the weekly profile of each cell (seasonal decomposition, nothing
          fancy)
        - flag deviations that last longer than 15 minutes
        - group neighbouring anomalies into one alert, so a power cut isn't fifty
          notifications
        - a feedback button, _useful_ or _noise_, to tune the thresholds
      `,
    },
    {
      key: "lunch",
      title: "Lunch roulette",
      kind: "FUN",
      status: "APPROVED",
      proposer: "emma",
      extraInterest: 6,
      pitch: md`
        We are 300 now and only ever have lunch with our own team. Lunch roulette
        pairs people who have never worked together:

        - opt in with one click, choose your days
        - matching avoids people from the same team and repeats
        - a calendar invite and a restaurant suggestion nearby
      `,
    },
    {
      key: "digest",
      title: "A weekly network digest for customers",
      kind: "KILLER_FEATURE",
      status: "APPROVED",
      proposer: "pauline",
      extraInterest: 3,
      pitch: md`
        Most customers only log in when something is wrong. A short weekly email
        could show them the value of the product every Monday:

        - the three biggest changes of the week, with a small chart each
        - the cells that improved the most after their changes
        - a link to the right dashboard for each item
      `,
    },
  ],
  teams: [
    { name: "Message in a Bottle", topic: "bus", members: ["yuki", "julien", "theo", "marco"] },
    { name: "Heisenbug Hunters", topic: "flaky", members: ["chloe", "thomas", "alice"] },
    { name: "Outliers", topic: "anomaly", members: ["lea", "camille", "priya", "sofia", "mehdi"] },
    { name: "Random Forks", topic: "lunch", members: ["emma", "antoine"] },
  ],
};

export const LIVE_EDITION: DemoEdition = {
  number: 9,
  title: "Hackathon 0x09",
  timezone: "Europe/Paris",
  phase: "HACKING",
  hackingStartsAt: S.kickOff,
  presentationsStartAt: S.presentations,
  endsAt: S.end,
  maxTeamSize: 5,
  agenda: LIVE_AGENDA,
  topics: LIVE_TOPICS,
  teams: LIVE_TEAMS,
};

export const DEMO_EDITIONS: DemoEdition[] = [EDITION_07, EDITION_08, LIVE_EDITION];
