// A real SMTP server for the tests (the npm smtp-server package, by
// nodemailer's authors), keeping what it receives: the integration tests read
// `messages`, the browser tests' server writes each message to `dir` as JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * @param {{ port?: number, dir?: string }} [options]
 * @returns {Promise<{ port: number, url: string, messages: { to: string, from: string, subject: string, text: string, html: string, headers: Record<string, string> }[], close: () => Promise<void> }>}
 */
export async function startSmtpSink({ port = 0, dir } = {}) {
  /** @type {{ to: string, from: string, subject: string, text: string, html: string, headers: Record<string, string> }[]} */
  const messages = [];
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          const message = {
            to,
            from: mail.from?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            // raw header values, by lower-case name (List-Unsubscribe, Message-ID…)
            headers: Object.fromEntries(
              mail.headerLines.map((h) => [
                h.key,
                h.line
                  .slice(h.line.indexOf(":") + 1)
                  .replace(/\r?\n[ \t]+/g, " ")
                  .trim(),
              ]),
            ),
          };
          messages.push(message);
          if (dir) writeFileSync(path.join(dir, `${Date.now()}-${messages.length}.json`), JSON.stringify(message));
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.server.address());
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
