// Server-Sent Events clients for the bench: many long-lived GETs, each with
// its own socket from a keep-alive agent, parsed line by line ("event:",
// "data:", blank line = end of event) as a browser's EventSource would.
import http from "node:http";
import { performance } from "node:perf_hooks";

/** An agent with no socket limit: every SSE stream holds its connection for as long as it lives. */
export function sseAgent() {
  return new http.Agent({ keepAlive: true, maxSockets: Infinity });
}

/**
 * Opens one stream. `onEvent({ type, data, at })` is called per event (data
 * JSON-parsed when it can be). Resolves the connection once the response
 * headers arrived (rejects on a non-200 or a network error); `close()` drops
 * the socket abruptly, like a phone going out of range.
 */
export function openSse(origin, path, { agent, headers = {}, onEvent, timeoutMs = 30_000 }) {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const req = http.get({
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      agent,
      headers: { accept: "text/event-stream", ...headers },
    });
    const conn = {
      req,
      closed: false,
      close() {
        conn.closed = true;
        req.destroy();
      },
    };
    // only until the headers arrive: an idle stream is normal afterwards (heartbeats every 20 s)
    const timer = setTimeout(() => req.destroy(new Error(`no answer from ${url.pathname} within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      if (!conn.closed) reject(error);
    });
    req.on("response", (res) => {
      clearTimeout(timer);
      if (res.statusCode !== 200) {
        res.resume();
        req.destroy();
        reject(new Error(`${url.pathname} answered ${res.statusCode}`));
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = "message";
          const data = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) type = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (data.length === 0) continue; // a comment (heartbeat) or the retry line
          let parsed = data.join("\n");
          try {
            parsed = JSON.parse(parsed);
          } catch {
            // leave it as text
          }
          onEvent?.({ type, data: parsed, at });
        }
      });
      res.on("error", () => {}); // a dropped stream: the owner already knows (close) or will see no more events
      resolve(conn);
    });
  });
}
