// A real HTTP server standing in for Slack, Mattermost, Teams or any webhook
// consumer: it keeps each request (headers and body) and answers as told —
// fail the first n requests, answer 500 forever, or never answer at all.
import http from "node:http";

/**
 * @typedef {{ path: string, headers: Record<string, string>, body: string, at: number }} Received
 * @param {{ failFirst?: number, status?: number, hang?: boolean, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, received: Received[], set: (options: { failFirst?: number, status?: number, hang?: boolean }) => void, close: () => Promise<void> }>}
 */
export async function startReceiver(options = {}) {
  let behaviour = { failFirst: 0, status: 200, hang: false, ...options };
  let failed = 0;
  /** @type {Received[]} */
  const received = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      received.push({ path: request.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      if (behaviour.hang) return; // never answers: the sender must cut it
      if (failed < behaviour.failFirst) {
        failed++;
        response.writeHead(503, { "content-type": "text/plain" }).end(`down for maintenance (${failed})`);
        return;
      }
      response.writeHead(behaviour.status, { "content-type": "text/plain" }).end(behaviour.status < 300 ? "ok" : "internal error");
    });
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    set(next) {
      behaviour = { ...behaviour, ...next };
      failed = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
