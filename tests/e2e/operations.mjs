// What the browser tests share with scripts/e2e-server.mjs about operating
// the server: the metrics token it is given, and where its log goes.
import os from "node:os";
import path from "node:path";

export const METRICS_TOKEN = "e2e-metrics-token-not-for-production";
/** @param {number} appPort */
export const serverLogFile = (appPort) => path.join(os.tmpdir(), `hexathon-e2e-${appPort}.log`);
