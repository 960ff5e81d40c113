// The server the browser tests run against: the production build (`next
// build` ran before), on a throw-away SQLite database with the demo data, and
// signed in to a real OpenID Connect provider standing in for the company SSO.
// With --empty: a fresh install with an empty database and no SSO (the one-time setup).
import { spawn, execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { mailboxDir, smtpPort } from "../tests/e2e/mailbox.mjs";
import { OIDC_CLIENT, startOidcProvider } from "../tests/e2e/oidc-provider.mjs";
import { METRICS_TOKEN, serverLogFile } from "../tests/e2e/operations.mjs";
import { startSmtpSink } from "../tests/helpers/smtp-sink.mjs";

const root = path.join(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3100);
const origin = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(os.tmpdir(), "hexathon-e2e-"));
const empty = process.argv.includes("--empty") || process.argv.includes("--db-down");
// --db-down: a server whose PostgreSQL is unreachable (nothing listens on port 1): the "temporarily unavailable" answers
const dbDown = process.argv.includes("--db-down");
const oidc = empty ? null : await startOidcProvider({ port: port + 1, appOrigin: origin });
// the demo server sends email through a real SMTP server; the fresh install has none (new accounts wait for approval)
rmSync(mailboxDir(port), { recursive: true, force: true });
const smtp = empty ? null : await startSmtpSink({ port: smtpPort(port), dir: mailboxDir(port) });
const env = {
  ...process.env,
  DATABASE_URL: dbDown ? "postgresql://hexathon:secret-password@127.0.0.1:1/hexathon" : `file:${path.join(dir, "e2e.db")}`,
  HEXATHON_DATA_DIR: dir,
  NEXTAUTH_URL: origin,
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
  METRICS_TOKEN,
  LOG_FORMAT: "json",
  // the tests' chat and webhook receivers listen on this machine, as a company's chat server is listed by its operator
  HEXATHON_WEBHOOK_ALLOW: "127.0.0.1/32",
  // the walk in the pseudo-locale (every word 40% longer) looks for what a longer language would overflow
  HEXATHON_PSEUDO_LOCALE: "1",
  ...(smtp && { SMTP_URL: smtp.url, MAIL_FROM: "Hexathon <hexathon@demo.test>" }),
  ...(oidc && {
    HEXATHON_OIDC_ISSUER: oidc.issuer,
    HEXATHON_OIDC_CLIENT_ID: OIDC_CLIENT.id,
    HEXATHON_OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    HEXATHON_OIDC_NAME: "Demo SSO",
  }),
};
const script = empty ? "scripts/migrate.ts" : "scripts/seed-demo.ts";
if (!dbDown) execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { cwd: root, env, stdio: "inherit" });
const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
  cwd: root,
  env,
  stdio: ["inherit", "pipe", "pipe"],
});
// the server's log, as an operator's log pipeline would get it, for the tests that read it; warnings and
// errors (and whatever isn't a JSON line) are shown too, the rest would drown the tests' report
const log = createWriteStream(serverLogFile(port));
server.stderr.pipe(log);
server.stderr.pipe(process.stderr);
createInterface({ input: server.stdout }).on("line", (line) => {
  log.write(`${line}\n`);
  if (!/^\{"level":[123]0,/.test(line)) process.stdout.write(`${line}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  oidc?.close();
  void smtp?.close();
  process.exit(code ?? 0);
});
