// Structured logs with pino (the JSON logger of the Node world: one line per
// entry, levels, fast): one line per request (scripts/serve.mjs through the
// start-up hook) and per notable event, each with the request's id when there
// is one. JSON in production for the company's log pipeline; human-readable
// with pino-pretty in development, or with LOG_FORMAT=pretty.
//
// Nothing secret is ever written: known fields are censored (passwords,
// cookies, authorization headers, tokens), and every line passes a last filter
// that removes the credentials of any URL and the values of the secrets this
// process was given (NEXTAUTH_SECRET, METRICS_TOKEN, …), wherever they appear,
// in an error's message or a stack.
import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

export type RequestContext = { id: string };

// shared with scripts/serve.mjs, which runs each request in it
const REQUEST = Symbol.for("hexathon.requestContext");
const LOGGER = Symbol.for("hexathon.logger");
type Holder = { [REQUEST]?: AsyncLocalStorage<RequestContext>; [LOGGER]?: Logger };

/** Where the current request's id is kept while it is answered. */
export function requestContext(): AsyncLocalStorage<RequestContext> {
  return ((globalThis as Holder)[REQUEST] ??= new AsyncLocalStorage());
}

/** The id of the request being answered (the X-Request-Id header), if any. */
export function currentRequestId(): string | undefined {
  return requestContext().getStore()?.id;
}

/** The names whose values are censored wherever they appear in a logged object. */
const SECRET_KEYS = ["password", "newPassword", "currentPassword", "passwordHash", "token", "secret", "clientSecret", "authorization", "cookie", "set-cookie"];
const REDACT = SECRET_KEYS.flatMap((key) => {
  const step = /^\w+$/.test(key) ? `.${key}` : `["${key}"]`;
  return [step.replace(/^\./, ""), `*${step}`, `*.*${step}`];
});

/** The secret values this process holds, from its environment. */
function secretValues(env: Record<string, string | undefined>): string[] {
  const values = [env.NEXTAUTH_SECRET, env.METRICS_TOKEN, env.HEXATHON_OIDC_CLIENT_SECRET];
  for (const name of ["DATABASE_URL", "SMTP_URL"]) {
    try {
      const password = env[name] ? decodeURIComponent(new URL(env[name]!).password) : "";
      values.push(password);
    } catch {
      // not a URL: nothing to take from it
    }
  }
  // a short value would censor ordinary words
  return values.map((v) => v?.trim() ?? "").filter((v) => v.length >= 6);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Removes credentials from a log line: a URL's user and password, and the given secret values (also JSON-escaped). */
export function scrubber(secrets: string[]): (line: string) => string {
  const forms = secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  const known = forms.length ? new RegExp([...new Set(forms)].map(escapeRegExp).join("|"), "g") : null;
  return (line) => {
    let out = line.replace(/([a-z][\w+.-]*:\/\/)[^\s/@"'\\]+@/gi, "$1[redacted]@");
    if (known) out = out.replace(known, "[redacted]");
    return out;
  };
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

type Options = { env?: Record<string, string | undefined>; destination?: DestinationStream; pretty?: boolean };

/** A logger as configured by the environment (LOG_LEVEL, LOG_FORMAT); `destination` for tests. */
export function createLogger({ env = process.env, destination, pretty: asText }: Options = {}): Logger {
  const development = env.NODE_ENV === "development";
  const wanted = env.LOG_LEVEL?.trim() ?? "";
  // a wrong LOG_LEVEL is reported by the environment check, through this logger: it mustn't throw first
  const level = LEVELS.includes(wanted) ? wanted : env.NODE_ENV === "test" ? "warn" : development ? "debug" : "info";
  const readable = asText ?? (env.LOG_FORMAT?.trim() ? env.LOG_FORMAT.trim() === "pretty" : development);
  const scrub = scrubber(secretValues(env));
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    redact: { paths: REDACT, censor: "[redacted]" },
    mixin: () => {
      const id = currentRequestId();
      return id ? { requestId: id } : {};
    },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    hooks: { streamWrite: scrub },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const out = destination ?? (readable ? pretty({ sync: true, colorize: !!process.stdout.isTTY, ignore: "pid" }) : pino.destination({ dest: 1, sync: true }));
  return pino(options, out);
}

/** This process's logger. */
export function log(): Logger {
  return ((globalThis as Holder)[LOGGER] ??= createLogger());
}
