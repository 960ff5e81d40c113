// A worker thread that plays matches: the CPU-heavy sandboxes run here, off
// the server's event loop, so a slow bot never delays a page or a vote.
import { parentPort } from "node:worker_threads";
import { runMatch, type MatchOptions } from "./match";

export type MatchJob = { id: number; scripts: [string, string]; options: MatchOptions };

parentPort?.on("message", async (job: MatchJob) => {
  try {
    parentPort!.postMessage({ id: job.id, record: await runMatch(job.scripts, job.options) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
