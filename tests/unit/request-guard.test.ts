import { describe, expect, it } from "vitest";
import { bodyLimitFor, checkRequest, JSON_BODY_LIMIT, pathDecodes, wellFormedJson, type GuardInput } from "@/lib/platform/request-guard";
import { translate } from "@/lib/platform/i18n";
import { safeReturnPath, sameSiteUrl } from "@/lib/platform/safe-redirect";

const site = "http://localhost:3000";
const request = (over: Partial<GuardInput>): GuardInput => ({
  method: "POST",
  pathname: "/api/editions/0x09/vote",
  siteOrigins: [site],
  origin: site,
  secFetchSite: "same-origin",
  contentType: "application/json",
  contentLength: "20",
  isServerAction: false,
  ...over,
});

describe("checkRequest", () => {
  it("lets this site's JSON calls and scripts without Origin through", () => {
    expect(checkRequest(request({}))).toBeNull();
    expect(checkRequest(request({ origin: null, secFetchSite: null }))).toBeNull();
  });

  it("never looks at reads", () => {
    expect(checkRequest(request({ method: "GET", origin: "http://evil.test", contentType: null }))).toBeNull();
  });

  it("refuses state changes from sibling subdomains and other ports", () => {
    expect(checkRequest(request({ origin: "http://localhost:3201", secFetchSite: "same-site" }))?.status).toBe(403);
    expect(checkRequest(request({ origin: "http://localhost:3201", secFetchSite: null }))?.status).toBe(403);
    expect(translate(checkRequest(request({ origin: "https://sub.example.com", secFetchSite: "cross-site" }))!.message, "en")).toMatch(/another site/);
    expect(translate(checkRequest(request({ origin: "null" }))!.message, "fr")).toBe(
      "Cette requête vient d’une page inconnue, pas de http://localhost:3000. Passez par les pages de Hexathon pour faire ceci.",
    );
    expect(checkRequest(request({ origin: "null" }))?.status).toBe(403);
  });

  it("refuses server actions from another origin with 403", () => {
    const refusal = checkRequest(request({ pathname: "/people", isServerAction: true, origin: "http://localhost:3201", contentType: "multipart/form-data" }));
    expect(refusal).toMatchObject({ status: 403, code: "CROSS_SITE" });
    expect(checkRequest(request({ pathname: "/people", isServerAction: true, contentType: "multipart/form-data; boundary=x" }))).toBeNull();
  });

  it("wants server actions' arguments as a form, as our forms send them", () => {
    expect(checkRequest(request({ pathname: "/people", isServerAction: true, contentType: "text/plain;charset=UTF-8" }))).toMatchObject({ status: 415 });
  });

  it("wants JSON bodies labelled as JSON (text/plain is what a cross-site form sends)", () => {
    expect(checkRequest(request({ contentType: "text/plain" }))).toMatchObject({ status: 415 });
    expect(checkRequest(request({ contentType: "application/json; charset=utf-8" }))).toBeNull();
    expect(checkRequest(request({ contentType: null, contentLength: "0", method: "DELETE" }))).toBeNull();
    expect(checkRequest(request({ pathname: "/api/uploads", contentType: "multipart/form-data; boundary=x" }))).toBeNull();
    expect(checkRequest(request({ pathname: "/api/auth/callback/credentials", contentType: "application/x-www-form-urlencoded" }))).toBeNull();
  });

  it("answers 413 when the declared body is over the route's limit", () => {
    const refusal = checkRequest(request({ pathname: "/api/vote/K7PQ2M/ballot", contentLength: String(60 * 1024 * 1024) }));
    expect(refusal).toMatchObject({ status: 413 });
    expect(translate(refusal!.message, "en")).toBe("The request is too large: this address takes at most 64 KB.");
    expect(translate(refusal!.message, "fr")).toBe("La requête est trop grande\u00a0: cette adresse accepte 64\u00a0Ko au plus.");
    expect(checkRequest(request({ pathname: "/api/articles/abc", contentLength: String(1024 * 1024) }))).toBeNull();
    expect(checkRequest(request({ contentLength: "12abc" }))?.status).toBe(400);
  });

  it("gives larger limits only where the content needs them", () => {
    expect(bodyLimitFor("/api/vote/K7PQ2M/ballot")).toBe(JSON_BODY_LIMIT);
    expect(bodyLimitFor("/api/articles/abc")).toBeGreaterThan(200_000 * 6);
    expect(bodyLimitFor("/api/articles/abc/review")).toBe(JSON_BODY_LIMIT);
    expect(bodyLimitFor("/api/uploads")).toBeGreaterThan(8 * 1024 * 1024);
  });
});

describe("well-formed input", () => {
  it("finds lone surrogates in values and keys", () => {
    expect(wellFormedJson(JSON.parse('{"title":"ok é 🎉","tags":["a"]}'))).toBe(true);
    expect(wellFormedJson(JSON.parse('{"title":"\\ud800"}'))).toBe(false);
    expect(wellFormedJson(JSON.parse('{"tags":["x","\\udfff"]}'))).toBe(false);
    expect(wellFormedJson(JSON.parse('{"\\ud800":1}'))).toBe(false);
  });

  it("finds paths that don't decode", () => {
    expect(pathDecodes("/api/articles/%C3%A9t%C3%A9")).toBe(true);
    expect(pathDecodes("/api/articles/%ED%A0%80")).toBe(false);
    expect(pathDecodes("/editions/%E0%A4%A")).toBe(false);
  });
});

describe("redirects after sign-in and sign-out", () => {
  it("stay on this site", () => {
    expect(sameSiteUrl("/editions/0x09", site)).toBe(`${site}/editions/0x09`);
    expect(sameSiteUrl(`${site}/articles`, site)).toBe(`${site}/articles`);
    for (const hostile of [
      "\t//evil.example",
      "//evil.example",
      "/\\evil.example",
      "http://localhost:3000.evil.example/",
      "https://evil.example",
      "javascript:alert(1)",
      "http://[::1",
    ]) {
      expect(sameSiteUrl(hostile, site)).toBe(site);
    }
    expect(safeReturnPath("\t//evil.example")).toBe("/");
  });
});

describe("this site's origins", () => {
  it("are the address the browser used and the configured one", () => {
    const both = { siteOrigins: ["http://10.0.0.5:3000", "https://hack.example.com"] };
    expect(checkRequest(request({ ...both, origin: "http://10.0.0.5:3000" }))).toBeNull();
    expect(checkRequest(request({ ...both, origin: "https://hack.example.com" }))).toBeNull();
    expect(checkRequest(request({ ...both, origin: "https://evil.example.com" }))?.status).toBe(403);
  });
});

describe("an image too large", () => {
  it("is refused in the upload's own words", () => {
    const refusal = checkRequest(request({ pathname: "/api/uploads", contentType: "multipart/form-data; boundary=x", contentLength: String(9 * 1024 * 1024) }));
    expect(refusal).toMatchObject({ status: 413 });
    expect(translate(refusal!.message, "en")).toBe("That image is too large: at most 8 MB.");
  });
});
