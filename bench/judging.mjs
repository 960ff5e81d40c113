// The judging section of `npm run bench`, and `npm run bench:judging` alone:
// runs bench/judging.ts (TypeScript, through tsx) in its own process — no
// server needed — and turns its figures into rows. The headline is the stage
// format, Hexathon's own (every team presents, judges record from memory);
// expo judging and the what-ifs follow as secondary rows.
//
//   npm run bench:judging                 the table (about 65 s; --quick: about 9 s)
//   npm run bench:judging -- --json       one JSON object on stdout, nothing else
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { formatTable, percent, row } from "./report.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** The figures of bench/judging.ts, parsed. */
export async function runJudging({ log, quick }) {
  log(`bench: judging, simulated stage and expo judging of each method over ${quick ? "a few" : "hundreds of"} seeded events…`);
  const stdout = await new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(root, "bench/judging.ts"), ...(quick ? ["--quick"] : [])],
      { cwd: root, timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    ),
  );
  return JSON.parse(stdout.trim().split("\n").at(-1));
}

const two = (value) => (Number.isFinite(value) ? value.toFixed(2) : "—");

const seconds = (minutes) => `${Math.round(minutes * 60)} s`;

export function judgingRows(r) {
  // --quick simulates a tenth of the events: too few to hold the figures to their targets
  const target = (text, pass) => (r.quick ? ["", null] : [text, pass]);
  const { stage, expo } = r.assumptions.costMinutes;
  const rows = [
    row(
      "judging",
      "assumptions, stage (docs/judging.md)",
      `compare ${seconds(stage.compare)} / form ${stage.form} min / place ${seconds(stage.place)} + ${stage.finalOrder} min; recall ± ${r.assumptions.recallNoise} sd`,
    ),
    row(
      "judging",
      "assumptions, expo (docs/judging.md)",
      `visit ${expo.visit} min, + pick ${seconds(expo.choose)} / form ${expo.form} min / place ${seconds(expo.place)}`,
    ),
  ];
  for (const m of r.methods) {
    const isDefault = m.name === r.default;
    rows.push(
      row(
        "judging",
        `${r.scenario}: top-3 recall · Kendall τ, ${m.name}${isDefault ? " (default)" : m.levelWithBest ? " (level with the best)" : ""}`,
        `${two(m.top3Recall)} · ${two(m.kendallTau)}`,
        ...(isDefault ? target("recall ≥ 0.90", m.top3Recall >= 0.9) : ["", null]),
      ),
    );
  }
  const referenceLabel = (name) =>
    name === "ceiling"
      ? "ceiling: a clairvoyant with the same judges"
      : name === "RANKING Borda, judges weighed"
        ? "not in the app: Borda, judges weighed by agreement"
        : `for comparison: ${name}`;
  for (const m of r.references)
    rows.push(row("judging", `${r.scenario}: top-3 recall · Kendall τ, ${referenceLabel(m.name)}`, `${two(m.top3Recall)} · ${two(m.kendallTau)}`));
  for (const s of r.scenarios.filter((s) => s.name !== r.scenario)) {
    const best = [...s.methods].sort((a, b) => b.top3Recall - a.top3Recall)[0];
    const own = s.methods.find((m) => m.name === r.default);
    const ceiling = s.references.find((m) => m.name === "ceiling");
    rows.push(
      row(
        "judging",
        `${s.name}: top-3 recall, ${r.default} (best: ${best.name}${ceiling ? "; ceiling" : ""})`,
        `${two(own.top3Recall)} (${two(best.top3Recall)}${ceiling ? `; ${two(ceiling.top3Recall)}` : ""})`,
      ),
    );
  }
  rows.push(
    row(
      "judging",
      `"settled" claims right, all methods and scenarios (made in ${percent(r.claimRate)} of runs)`,
      r.claims ? `${percent(r.settledClaimsRight)} of ${r.claims}` : "no claim made",
      ...target("≥ 95%", r.claims ? r.settledClaimsRight >= 0.95 : false),
    ),
  );
  for (const f of r.claimsByFormat)
    rows.push(
      row(
        "judging",
        `"settled": claims made · right, ${f.format} scenarios`,
        `${percent(f.claimRate)} · ${f.claims ? `${percent(f.claimsRight)} of ${f.claims}` : "—"}`,
      ),
    );
  for (const m of r.claimsByMethod)
    rows.push(
      row("judging", `"settled": claims made · right, ${m.name}`, `${percent(m.claimRate)} · ${m.claims ? `${percent(m.claimsRight)} of ${m.claims}` : "—"}`),
    );
  return rows;
}

export async function judgingSection({ log, quick }) {
  return judgingRows(await runJudging({ log, quick }));
}

// run alone: `npm run bench:judging [-- --quick] [-- --json]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const log = (message) => console.error(message);
  const r = await runJudging({ log, quick });
  if (args.includes("--json")) console.log(JSON.stringify(r));
  else {
    console.log(`\nHexathon judging bench — ${r.scenarios.map((s) => `${s.events} events of ${s.name}`).join("; ")}${quick ? " (--quick)" : ""}\n`);
    console.log(formatTable(judgingRows(r)));
    console.log(
      `\nDefault method: ${r.default} — the best Kendall τ among the methods level with the best top-3 recall at ${r.scenario}\n` +
        `(level: the 95% interval of the difference, event by event, holds 0).\n` +
        `Judges: noise ${r.assumptions.judgeNoise[0]}–${r.assumptions.judgeNoise.at(-1)} sd of the teams' quality for eight, ${r.assumptions.carelessNoise} for a careless one, ` +
        `one biased (+${r.assumptions.biased.bias} sd for a friend's team); on stage each misses 0 to ${r.assumptions.missedTalks} talks of 40. Run time ${r.seconds.toFixed(0)} s.`,
    );
  }
}
