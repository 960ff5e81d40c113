import { describe, expect, it } from "vitest";
import { environmentProblem } from "@/lib/platform/environment";

describe("the environment checked at start", () => {
  it("accepts an empty environment (every variable has a default) and a complete one", () => {
    expect(environmentProblem({})).toBeNull();
    expect(
      environmentProblem({
        DATABASE_URL: "postgresql://app:pw@db:5432/hexathon",
        PORT: "8080",
        NEXTAUTH_URL: "https://hexathon.example.com",
        NEXTAUTH_SECRET: "k3Lq0b5m3ZxvY7uQ2pR8sT1wE4nH6jA9",
        HEXATHON_ALLOWED_EMAIL_DOMAINS: "example.com, @corp.example.com",
        HEXATHON_OIDC_ISSUER: "https://sso.example.com/realms/company",
        HEXATHON_OIDC_CLIENT_ID: "hexathon",
        HEXATHON_OIDC_CLIENT_SECRET: "s3cr3t",
        HEXATHON_PG_POOL_SIZE: "20",
        SMTP_URL: "smtps://mailer:pw@mail.example.com:465",
        MAIL_FROM: "Hexathon <hexathon@example.com>",
        METRICS_TOKEN: "0123456789abcdef0123",
        LOG_LEVEL: "debug",
        LOG_FORMAT: "json",
      }),
    ).toBeNull();
    // blank is unset
    expect(environmentProblem({ PORT: "  ", SMTP_URL: "" })).toBeNull();
  });

  it.each([
    [{ PORT: "eighty" }, /^PORT must be a whole number from 0 to 65535 \(it is "eighty"\)\.$/],
    [{ PORT: "70000" }, /^PORT must be a whole number/],
    [{ DATABASE_URL: "mysql://root@db/x" }, /^DATABASE_URL must be file:… \(SQLite\) or postgresql:\/\/… \(PostgreSQL\)\.$/],
    [{ NEXTAUTH_URL: "hexathon.example.com" }, /^NEXTAUTH_URL must be the site's public address/],
    [{ NEXTAUTH_SECRET: "short" }, /^NEXTAUTH_SECRET must be at least 16 characters/],
    [{ HEXATHON_ALLOWED_EMAIL_DOMAINS: "example.com, not a domain" }, /^HEXATHON_ALLOWED_EMAIL_DOMAINS must be domains separated by commas/],
    [{ HEXATHON_OIDC_ISSUER: "https://sso.example.com", HEXATHON_OIDC_CLIENT_ID: "x" }, /^HEXATHON_OIDC_CLIENT_SECRET must be set too/],
    [{ HEXATHON_TOURNAMENT_LEASE_SECONDS: "1.5" }, /^HEXATHON_TOURNAMENT_LEASE_SECONDS must be a whole number from 1 to 3600/],
    [{ HEXATHON_VOTER_IDS_BURST: "0" }, /^HEXATHON_VOTER_IDS_BURST must be a whole number/],
    [{ SMTP_URL: "mail.example.com:25" }, /^SMTP_URL must be smtp:\/\//],
    [{ METRICS_TOKEN: "abc" }, /^METRICS_TOKEN must be at least 16 characters/],
    [{ LOG_LEVEL: "verbose" }, /^LOG_LEVEL must be one of fatal, error/],
  ])("refuses %j with one sentence naming the variable", (env, message) => {
    expect(environmentProblem(env)).toMatch(message);
  });

  it("never repeats a secret's value", () => {
    const problem = environmentProblem({ NEXTAUTH_SECRET: "hunter2-leak" })!;
    expect(problem).not.toContain("hunter2");
    expect(environmentProblem({ SMTP_URL: "ftp://me:hunter2@mail" })).not.toContain("hunter2");
    expect(environmentProblem({ DATABASE_URL: "mysql://me:hunter2@db/x" })).not.toContain("hunter2");
    expect(environmentProblem({ METRICS_TOKEN: "hunter2" })).not.toContain("hunter2");
  });
});
