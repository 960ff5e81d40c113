// Every environment variable Hexathon reads, checked with zod when a server or
// an operator command starts: a wrong value stops the start with one sentence
// naming the variable and what it expects, rather than a stack trace at the
// first request that reads it. The readers (config.ts, mail.ts, …) stay lazy
// (tests change the environment); this is the gate in front of them.
// README.md → Configuration documents each variable.
import { z } from "zod";
import { LOCALES } from "./locale";
import { invalidAllowEntry } from "./outbound";

const optional = (schema: z.ZodType) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value), schema.optional());

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `a whole number from ${min} to ${max}`)
    .refine((value) => Number(value) >= min && Number(value) <= max, `a whole number from ${min} to ${max}`);

const url = (protocols: RegExp, expected: string) =>
  z.string().refine((value) => {
    try {
      return protocols.test(new URL(value).protocol);
    } catch {
      return false;
    }
  }, expected);

const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export const ENVIRONMENT = z
  .object({
    DATABASE_URL: optional(z.string().regex(/^(postgres(ql)?:\/\/|file:)/i, "file:… (SQLite) or postgresql://… (PostgreSQL)")),
    HEXATHON_DATA_DIR: optional(z.string()),
    PORT: optional(wholeNumber(0, 65535)),
    NEXTAUTH_URL: optional(url(/^https?:$/, "the site's public address, e.g. https://hexathon.example.com")),
    NEXTAUTH_SECRET: optional(z.string().min(16, "at least 16 characters (e.g. the output of `openssl rand -base64 32`)")),
    AUTH_TRUST_HOST: optional(z.enum(["true", "false", "1", "0"], "true or false")),
    HEXATHON_ALLOWED_EMAIL_DOMAINS: optional(
      z
        .string()
        .refine(
          (value) => value.split(/[\s,;]+/).every((domain) => !domain || DOMAIN.test(domain.replace(/^@/, ""))),
          "domains separated by commas, e.g. example.com, corp.example.com",
        ),
    ),
    HEXATHON_OIDC_ISSUER: optional(url(/^https?:$/, "the OpenID Connect issuer's address, e.g. https://sso.example.com/realms/company")),
    HEXATHON_OIDC_CLIENT_ID: optional(z.string()),
    HEXATHON_OIDC_CLIENT_SECRET: optional(z.string()),
    HEXATHON_OIDC_NAME: optional(z.string().max(60, "a name of at most 60 characters")),
    HEXATHON_OIDC_DEPARTMENT_CLAIM: optional(z.string().regex(/^[\w:.-]{1,100}$/, "a claim's name, e.g. department")),
    HEXATHON_OIDC_MANAGER_CLAIM: optional(z.string().regex(/^[\w:.-]{1,100}$/, "a claim's name, e.g. manager")),
    HEXATHON_PG_POOL_SIZE: optional(wholeNumber(1, 1000)),
    HEXATHON_TOURNAMENT_LEASE_SECONDS: optional(wholeNumber(1, 3600)),
    HEXATHON_VOTER_IDS_BURST: optional(wholeNumber(1, 1_000_000)),
    HEXATHON_VOTER_IDS_PER_MINUTE: optional(wholeNumber(1, 1_000_000)),
    HEXATHON_WEBHOOK_ALLOW: optional(
      z.string().refine(
        (value) =>
          !invalidAllowEntry(
            value
              .split(",")
              .map((entry) => entry.trim())
              .filter(Boolean),
          ),
        "addresses or CIDRs separated by commas, e.g. 10.0.0.0/8, 127.0.0.1",
      ),
    ),
    SMTP_URL: optional(url(/^smtps?:$/, "smtp://user:password@mail.example.com:587 or smtps://…:465")),
    MAIL_FROM: optional(z.string().regex(/@/, "an address, e.g. Hexathon <hexathon@example.com>")),
    METRICS_TOKEN: optional(z.string().min(16, "at least 16 characters (e.g. the output of `openssl rand -hex 24`)")),
    DEFAULT_LOCALE: optional(z.enum(LOCALES, `one of ${LOCALES.join(", ")}`)),
    HEXATHON_PSEUDO_LOCALE: optional(z.enum(["1", "0"], "1 (offer the pseudo-locale en-XA) or 0")),
    LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "one of fatal, error, warn, info, debug, trace, silent")),
    LOG_FORMAT: optional(z.enum(["json", "pretty"], "json or pretty")),
  })
  .superRefine((env, context) => {
    const oidc = ["HEXATHON_OIDC_ISSUER", "HEXATHON_OIDC_CLIENT_ID", "HEXATHON_OIDC_CLIENT_SECRET"] as const;
    const set = oidc.filter((name) => env[name]);
    if (set.length > 0 && set.length < oidc.length) {
      const missing = oidc.find((name) => !env[name])!;
      context.addIssue({ code: "custom", path: [missing], message: `set too: single sign-on needs all three of ${oidc.join(", ")}` });
    }
  });

export type Environment = z.infer<typeof ENVIRONMENT>;

/** What is wrong with the environment, in one sentence naming the variable; null when every variable is usable. */
export function environmentProblem(env: Record<string, string | undefined> = process.env): string | null {
  const parsed = ENVIRONMENT.safeParse(env);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0]);
  const value = env[name]?.trim();
  // a secret's value is never repeated back: it would land in the logs
  const shown = !value || /SECRET|TOKEN|PASSWORD/.test(name) || name === "SMTP_URL" || name === "DATABASE_URL" ? "" : ` (it is "${value.slice(0, 80)}")`;
  return issue.code === "custom" ? `${name} must be ${issue.message}.` : `${name} must be ${issue.message}${shown}.`;
}
