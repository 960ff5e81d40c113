// The browser's one JSON call against a real HTTP server: what it hands a
// page when the answer is whole, refused, empty, not JSON, or cut off
// halfway (an instance killed while it answered).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchJson } from "@/components/fetch-json";

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case "/whole":
        return void response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ranking: [1, 2] }));
      case "/refused":
        return void response
          .writeHead(422, { "Content-Type": "application/json" })
          .end(JSON.stringify({ error: { code: "INVALID", message: "Line 2 is wrong.", field: "source", at: { line: 2, column: 7 } } }));
      case "/empty":
        return void response.writeHead(204).end();
      case "/html":
        return void response.writeHead(200, { "Content-Type": "text/html" }).end("<h1>Welcome to nginx</h1>");
      case "/cut":
        // half a JSON answer, then the connection is gone
        response.writeHead(200, { "Content-Type": "application/json" });
        response.write('{"ranking":[1,');
        return void setTimeout(() => response.socket?.destroy(), 20);
      default:
        return void response.writeHead(502).end("Bad Gateway");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchJson", () => {
  it("hands over a whole answer's data", async () => {
    expect(await fetchJson(`${origin}/whole`)).toEqual({ ok: true, data: { ranking: [1, 2] } });
  });

  it("passes on a refusal's sentence, its field and where in the field's text", async () => {
    expect(await fetchJson(`${origin}/refused`, "POST", { source: "x" })).toEqual({
      ok: false,
      message: "Line 2 is wrong.",
      code: "INVALID",
      field: "source",
      at: { line: 2, column: 7 },
    });
  });

  it("takes an empty success (204) as done", async () => {
    expect(await fetchJson(`${origin}/empty`, "DELETE")).toEqual({ ok: true, data: {} });
  });

  it("never hands a cut-off answer, or a success that isn't JSON, to the page as its data", async () => {
    expect(await fetchJson(`${origin}/cut`)).toMatchObject({ ok: false, offline: true });
    expect(await fetchJson(`${origin}/html`)).toMatchObject({ ok: false, offline: true });
  });

  it("says the status when the server answers with no sentence of its own", async () => {
    expect(await fetchJson(`${origin}/elsewhere`)).toEqual({ ok: false, message: "The server answered 502." });
  });
});
