import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, requestContext, scrubber } from "@/lib/platform/log";

function capture(env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ env: { LOG_LEVEL: "info", ...env }, destination, pretty: false });
  return { logger, lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const SECRETS = {
  NEXTAUTH_SECRET: "nextauth-secret-value-0001",
  METRICS_TOKEN: "metrics-token-value-00002",
  HEXATHON_OIDC_CLIENT_SECRET: "oidc-client-secret-0003",
  DATABASE_URL: "postgresql://app:db-password-0004@db.example.com:5432/hexathon",
  SMTP_URL: "smtps://mailer:smtp%2Fpassword-0005@mail.example.com:465",
};

describe("structured logs", () => {
  it("writes one JSON line per entry, with its level, time and the request's id", () => {
    const { logger, entries } = capture();
    logger.info({ route: "/api/vote/[code]" }, "request");
    requestContext().run({ id: "r-123" }, () => logger.warn("inside a request"));
    logger.debug("not at info");
    const [first, second] = entries();
    expect(entries()).toHaveLength(2);
    expect(first).toMatchObject({ level: 30, msg: "request", route: "/api/vote/[code]" });
    expect(typeof first.time).toBe("string");
    expect(first.requestId).toBeUndefined();
    expect(second).toMatchObject({ level: 40, msg: "inside a request", requestId: "r-123" });
  });

  it("never writes a password, a cookie, a token or a secret the process holds, wherever it appears", () => {
    const { logger, lines } = capture(SECRETS);
    logger.info(
      {
        body: { email: "a@example.com", password: "hunter2-typed" },
        headers: { cookie: "next-auth.session-token=abc.def", authorization: "Bearer xyz-token" },
      },
      "sign-in",
    );
    logger.info({ user: { passwordHash: "$argon2id$v=19$m=19456$hash" }, token: "verify-token-123" }, "account");
    logger.info({ headers: { "set-cookie": ["session=s3cr3t-cookie"] } }, "answer");
    logger.error(new Error(`could not connect to ${SECRETS.DATABASE_URL}`), "database");
    logger.error({ err: new Error("smtp said no"), url: SECRETS.SMTP_URL }, "mail");
    logger.warn(`the key ${SECRETS.NEXTAUTH_SECRET} and ${SECRETS.METRICS_TOKEN} and ${SECRETS.HEXATHON_OIDC_CLIENT_SECRET}`);
    const all = lines.join("\n");
    for (const leaked of [
      "hunter2-typed",
      "abc.def",
      "xyz-token",
      "$argon2id",
      "verify-token-123",
      "s3cr3t-cookie",
      "db-password-0004",
      "smtp/password-0005",
      "smtp%2Fpassword-0005",
      ...Object.values(SECRETS).slice(0, 3),
    ])
      expect(all).not.toContain(leaked);
    // what isn't secret stays readable
    expect(all).toContain("a@example.com");
    expect(all).toContain("db.example.com:5432/hexathon");
    expect(all).toContain("[redacted]");
  });

  it("scrubs any URL's credentials, even one it wasn't told of", () => {
    const scrub = scrubber([]);
    expect(scrub('{"msg":"redis://user:pw@cache:6379 and https://x:y@h/p"}')).toBe('{"msg":"redis://[redacted]@cache:6379 and https://[redacted]@h/p"}');
    expect(scrub("mailto:someone@example.com")).toBe("mailto:someone@example.com");
  });
});
