// Entry point of a match worker thread: loads the TypeScript worker through
// tsx in this thread. Plain JavaScript, so Node can start it without a build.
import { tsImport } from "tsx/esm/api";

await tsImport("./match-worker.ts", import.meta.url);
