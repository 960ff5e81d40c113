import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { allowedEmailDomains, databaseKind, databaseUrl, oidcConfig, sqliteFile } from "@/lib/platform/config";
import { emailDomainAllowed } from "@/lib/people/rules";

const VARS = [
  "DATABASE_URL",
  "HEXATHON_DATA_DIR",
  "HEXATHON_ALLOWED_EMAIL_DOMAINS",
  "HEXATHON_OIDC_ISSUER",
  "HEXATHON_OIDC_CLIENT_ID",
  "HEXATHON_OIDC_CLIENT_SECRET",
  "HEXATHON_OIDC_NAME",
  "HEXATHON_OIDC_DEPARTMENT_CLAIM",
  "HEXATHON_OIDC_MANAGER_CLAIM",
] as const;

// each test starts with none of them set; vitest puts back what the environment had
beforeEach(() => {
  for (const v of VARS) vi.stubEnv(v, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("allowedEmailDomains", () => {
  it("allows any domain when unset or empty", () => {
    expect(allowedEmailDomains()).toEqual([]);
    process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = "";
    expect(allowedEmailDomains()).toEqual([]);
    process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = "  , ; ";
    expect(allowedEmailDomains()).toEqual([]);
  });

  it("reads a comma-separated list", () => {
    process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = "example.com, corp.example.com";
    expect(allowedEmailDomains()).toEqual(["example.com", "corp.example.com"]);
  });

  it("accepts spaces and semicolons as separators, a leading @ and any case", () => {
    process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = " @Example.COM;other.org   third.net ,";
    expect(allowedEmailDomains()).toEqual(["example.com", "other.org", "third.net"]);
  });
});

describe("emailDomainAllowed", () => {
  it("allows every address when no domain is configured", () => {
    expect(emailDomainAllowed("anyone@anywhere.org", [])).toBe(true);
  });

  it("allows addresses at a listed domain, whatever their case", () => {
    expect(emailDomainAllowed("alice@example.com", ["example.com"])).toBe(true);
    expect(emailDomainAllowed("Alice@EXAMPLE.com", ["example.com"])).toBe(true);
    expect(emailDomainAllowed("bob@corp.example.com", ["example.com", "corp.example.com"])).toBe(true);
  });

  it("refuses other domains, including look-alikes and unlisted subdomains", () => {
    const domains = ["example.com"];
    expect(emailDomainAllowed("mallory@evil.org", domains)).toBe(false);
    expect(emailDomainAllowed("mallory@notexample.com", domains)).toBe(false);
    expect(emailDomainAllowed("mallory@example.com.evil.org", domains)).toBe(false);
    expect(emailDomainAllowed("mallory@corp.example.com", domains)).toBe(false);
    expect(emailDomainAllowed("mallory@example.com@evil.org", domains)).toBe(false);
  });

  it("follows HEXATHON_ALLOWED_EMAIL_DOMAINS, through allowedEmailDomains()", () => {
    process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS = "example.com";
    expect(emailDomainAllowed("alice@example.com", allowedEmailDomains())).toBe(true);
    expect(emailDomainAllowed("alice@gmail.com", allowedEmailDomains())).toBe(false);
  });
});

describe("databaseKind", () => {
  it.each([
    ["postgres://hexathon:secret@db:5432/hexathon", "postgresql"],
    ["postgresql://hexathon:secret@db/hexathon?schema=public", "postgresql"],
    ["POSTGRESQL://db/hexathon", "postgresql"],
    ["file:./data/hexathon.db", "sqlite"],
    ["file:/var/lib/hexathon/hexathon.db", "sqlite"],
  ])("reads %s as %s", (url, kind) => {
    expect(databaseKind(url)).toBe(kind);
  });

  it("refuses other databases with a message that names the scheme but not the password", () => {
    expect(() => databaseKind("mysql://root:hunter2@db/hexathon")).toThrow(/postgres:\/\/ , postgresql:\/\/ or file:.*"mysql:…"/);
    expect(() => databaseKind("mysql://root:hunter2@db/hexathon")).not.toThrow(/hunter2/);
    expect(() => databaseKind("./hexathon.db")).toThrow(/DATABASE_URL must start with/);
  });

  it("defaults to an SQLite file in the data directory when DATABASE_URL is unset or blank", () => {
    process.env.HEXATHON_DATA_DIR = "/srv/hexathon";
    expect(databaseUrl()).toBe(`file:${path.join("/srv/hexathon", "hexathon.db")}`);
    expect(databaseKind()).toBe("sqlite");
    process.env.DATABASE_URL = "   ";
    expect(databaseKind()).toBe("sqlite");
  });

  it("follows DATABASE_URL when set", () => {
    process.env.DATABASE_URL = " postgresql://db/hexathon ";
    expect(databaseUrl()).toBe("postgresql://db/hexathon");
    expect(databaseKind()).toBe("postgresql");
  });
});

describe("sqliteFile", () => {
  it("turns an SQLite URL into an absolute path", () => {
    expect(sqliteFile("file:/var/lib/hexathon.db")).toBe("/var/lib/hexathon.db");
    expect(sqliteFile("file:./data/x.db")).toBe(path.resolve("data/x.db"));
  });
});

describe("oidcConfig", () => {
  const setAll = () => {
    process.env.HEXATHON_OIDC_ISSUER = "https://sso.example.com/realms/staff/";
    process.env.HEXATHON_OIDC_CLIENT_ID = "hexathon";
    process.env.HEXATHON_OIDC_CLIENT_SECRET = "s3cret";
  };

  it("is off when nothing is set", () => {
    expect(oidcConfig()).toBeNull();
  });

  it.each(["HEXATHON_OIDC_ISSUER", "HEXATHON_OIDC_CLIENT_ID", "HEXATHON_OIDC_CLIENT_SECRET"])("is off when %s is missing or blank", (name) => {
    setAll();
    delete process.env[name];
    expect(oidcConfig()).toBeNull();
    process.env[name] = "   ";
    expect(oidcConfig()).toBeNull();
  });

  it("is on when all three are set, with the issuer's trailing slash removed and a default name", () => {
    setAll();
    expect(oidcConfig()).toEqual({
      issuer: "https://sso.example.com/realms/staff",
      clientId: "hexathon",
      clientSecret: "s3cret",
      name: "company SSO",
      claims: { department: "department", manager: "manager" },
    });
  });

  it("reads the department and manager from the claims the deployment names", () => {
    setAll();
    process.env.HEXATHON_OIDC_DEPARTMENT_CLAIM = " ou ";
    process.env.HEXATHON_OIDC_MANAGER_CLAIM = "manager_email";
    expect(oidcConfig()?.claims).toEqual({ department: "ou", manager: "manager_email" });
  });

  it("uses HEXATHON_OIDC_NAME for the sign-in button when given", () => {
    setAll();
    process.env.HEXATHON_OIDC_NAME = " Okta ";
    expect(oidcConfig()?.name).toBe("Okta");
  });
});
