// What the tests of the metrics read them with: the registry's values, and
// Prometheus's own checker (promtool, from Debian's prometheus package) for
// the exposition a scrape gets. The browser tests go further: a real
// Prometheus server scrapes a running instance (tests/e2e/operations.spec.ts).
import { spawnSync } from "node:child_process";
import { metrics } from "@/lib/platform/metrics";

type Labels = Partial<Record<string, string | number>>;
const matches = (labels: Labels | undefined, wanted: Labels) => Object.entries(wanted).every(([k, v]) => String(labels?.[k]) === String(v));

/** This process's metrics now: `value` sums a counter's or gauge's samples with these labels, `count` a histogram's observations. */
export async function readMetrics() {
  // a copy: the registry hands out its live counters, which go on counting
  const all = structuredClone(await metrics().registry.getMetricsAsJSON());
  const samples = (name: string) => all.find((m) => m.name === name)?.values ?? [];
  return {
    value: (name: string, labels: Labels = {}) =>
      samples(name)
        .filter((s) => !("metricName" in s && s.metricName) && matches(s.labels, labels))
        .reduce((sum, s) => sum + s.value, 0),
    count: (name: string, labels: Labels = {}) =>
      samples(name)
        .filter((s) => "metricName" in s && s.metricName === `${name}_count` && matches(s.labels, labels))
        .reduce((sum, s) => sum + s.value, 0),
  };
}

/**
 * The problems Prometheus's checker finds in an exposition: it throws when the text doesn't parse,
 * and returns the lint warnings (names, suffixes, help texts) otherwise.
 */
export function promtoolProblems(exposition: string): string[] {
  const run = spawnSync("promtool", ["check", "metrics"], { input: exposition, encoding: "utf8" });
  if (run.error) throw new Error(`promtool is needed (Debian's prometheus package; .ci/run installs it): ${run.error.message}`);
  // 0: fine; 3: lint problems, listed; anything else: it doesn't parse
  if (run.status !== 0 && run.status !== 3) throw new Error(`promtool couldn't parse the exposition: ${run.stderr || run.stdout}`);
  return `${run.stdout}${run.stderr}`.split("\n").filter(Boolean);
}
