// Configuration from environment variables, read when asked (tests change
// them). Every variable is documented in README.md → Configuration.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type DatabaseKind = "sqlite" | "postgresql";

/** Where SQLite files and (later) uploads live. */
export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.HEXATHON_DATA_DIR || "data");
}

/** DATABASE_URL, or the default SQLite file under data/. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || `file:${path.join(dataDir(), "hexathon.db")}`;
}

export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with postgres:// , postgresql:// or file: (got "${url.split(":")[0]}:…").`);
}

/** The file path of an SQLite URL ("file:./data/x.db" → absolute path). */
export function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:(\/\/)?/, ""));
}

/** HEXATHON_ALLOWED_EMAIL_DOMAINS="example.com, corp.example.com" → ["example.com", "corp.example.com"]; empty = any. */
export function allowedEmailDomains(): string[] {
  return (process.env.HEXATHON_ALLOWED_EMAIL_DOMAINS ?? "")
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  /** the claims that carry a person's department and their manager's email (judging's conflicts of interest) */
  claims: { department: string; manager: string };
};

/** The company's OpenID Connect provider, when all three variables are set. */
export function oidcConfig(): OidcConfig | null {
  const issuer = process.env.HEXATHON_OIDC_ISSUER?.trim();
  const clientId = process.env.HEXATHON_OIDC_CLIENT_ID?.trim();
  const clientSecret = process.env.HEXATHON_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/$/, ""),
    clientId,
    clientSecret,
    name: process.env.HEXATHON_OIDC_NAME?.trim() || "company SSO",
    claims: {
      department: process.env.HEXATHON_OIDC_DEPARTMENT_CLAIM?.trim() || "department",
      manager: process.env.HEXATHON_OIDC_MANAGER_CLAIM?.trim() || "manager",
    },
  };
}

/**
 * New anonymous voter ids (GET /api/vote/CODE) per client network: `burst` at
 * once, then `perMinute`. The defaults let a hall of 1,000 phones behind one
 * NAT all join at the moment the QR code appears (README → Configuration).
 * A value that isn't a whole number of at least 1 is ignored.
 */
export const VOTER_ID_DEFAULTS = { burst: 1_000, perMinute: 300 } as const;

export function voterIdLimits(): { burst: number; perMinute: number } {
  const read = (name: string, fallback: number) => {
    const value = Number(process.env[name]?.trim() || NaN);
    return Number.isInteger(value) && value >= 1 ? value : fallback;
  };
  return { burst: read("HEXATHON_VOTER_IDS_BURST", VOTER_ID_DEFAULTS.burst), perMinute: read("HEXATHON_VOTER_IDS_PER_MINUTE", VOTER_ID_DEFAULTS.perMinute) };
}

/**
 * How long an instance's hold on a tournament lasts without renewal (it renews
 * every third of it): the longest a tournament waits for another instance
 * after the one playing it died. HEXATHON_TOURNAMENT_LEASE_SECONDS, default 15.
 */
export function tournamentLeaseMs(): number {
  const seconds = Number(process.env.HEXATHON_TOURNAMENT_LEASE_SECONDS?.trim() || NaN);
  return (Number.isFinite(seconds) && seconds >= 1 ? seconds : 15) * 1000;
}

/**
 * The key that signs session cookies: NEXTAUTH_SECRET, or a random one created
 * once in the data directory, so a self-hosted install works out of the box
 * and sessions survive restarts.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

/**
 * next-auth builds its callback URLs from NEXTAUTH_URL. A self-hosted install
 * without one is served on localhost:PORT, so default to that; behind a
 * reverse proxy, set NEXTAUTH_URL to the public address.
 */
export function ensureAuthUrl(): void {
  if (!process.env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) {
    process.env.NEXTAUTH_URL = `http://localhost:${process.env.PORT || 3000}`;
  }
}

/**
 * The address people reach this server at, for links sent away from it (chat
 * messages, emails, calendars): NEXTAUTH_URL's origin, which a deployment
 * sets, else this server on localhost (the demo).
 */
export function siteOrigin(): string {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
