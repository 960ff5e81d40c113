import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeClaims, ssoIdentity, ssoOrganization } from "@/lib/people/oidc";

// A minimal provider: discovery and a userinfo endpoint that answers for one token.
let issuer = "";
let userinfo: Record<string, unknown> = {};
const server = http.createServer((req, res) => {
  if (req.url === "/.well-known/openid-configuration") {
    res.end(JSON.stringify({ issuer, userinfo_endpoint: `${issuer}/me` }));
  } else if (req.url === "/me" && req.headers.authorization === "Bearer good-token") {
    res.end(JSON.stringify(userinfo));
  } else {
    res.statusCode = 401;
    res.end("{}");
  }
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("completing SSO claims from userinfo", () => {
  it("keeps an ID token that already names the person, without asking the provider", async () => {
    const claims = { sub: "u1", email: "sam@corp.test", name: "Sam" };
    expect(await completeClaims("http://127.0.0.1:1", claims, "good-token")).toEqual(claims);
  });

  it("fills the email and name from userinfo when the ID token lacks them", async () => {
    userinfo = { sub: "u1", email: "sam@corp.test", email_verified: true, name: "Sam Sso" };
    const claims = await completeClaims(issuer, { sub: "u1" }, "good-token");
    expect(ssoIdentity(claims)).toEqual({ email: "sam@corp.test", name: "Sam Sso" });
  });

  it("ignores userinfo about another subject", async () => {
    userinfo = { sub: "someone-else", email: "boss@corp.test" };
    expect(ssoIdentity(await completeClaims(issuer, { sub: "u1" }, "good-token"))).toBeNull();
  });

  it("ignores a userinfo endpoint that refuses the token", async () => {
    expect(await completeClaims(issuer, { sub: "u1" }, "bad-token")).toEqual({ sub: "u1" });
  });
});

describe("who an SSO sign-in stands for", () => {
  it("lower-cases the email and falls back to the username for the name", () => {
    expect(ssoIdentity({ sub: "x", email: " Sam@Corp.TEST ", preferred_username: "sam" })).toEqual({ email: "sam@corp.test", name: "sam" });
  });
  it("refuses an email the provider says is not verified, or no email", () => {
    expect(ssoIdentity({ sub: "x", email: "sam@corp.test", email_verified: false })).toBeNull();
    expect(ssoIdentity({ sub: "x", name: "Sam" })).toBeNull();
  });
});

describe("where an SSO sign-in sits in the company", () => {
  const names = { department: "department", manager: "manager" };
  it("reads the claims the deployment names, the manager's address lower-cased", () => {
    expect(ssoOrganization({ sub: "x", department: " Payments ", manager: "Boss@Corp.TEST" }, names)).toEqual({
      department: "Payments",
      managerEmail: "boss@corp.test",
    });
    expect(ssoOrganization({ sub: "x", ou: "Search", mgr: "lead@corp.test" }, { department: "ou", manager: "mgr" })).toEqual({
      department: "Search",
      managerEmail: "lead@corp.test",
    });
  });
  it("takes a missing, empty, oversized or non-text claim as unknown, never as an error", () => {
    expect(ssoOrganization({ sub: "x" }, names)).toEqual({ department: null, managerEmail: null });
    expect(ssoOrganization({ sub: "x", department: "  ", manager: ["a@corp.test"] }, names)).toEqual({ department: null, managerEmail: null });
    expect(ssoOrganization({ sub: "x", department: "x".repeat(201), manager: 42 }, names)).toEqual({ department: null, managerEmail: null });
  });
});
