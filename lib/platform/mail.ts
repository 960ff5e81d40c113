// Email through the company's SMTP server (SMTP_URL, from MAIL_FROM), with
// nodemailer: the maintained SMTP client of the Node world (TLS, STARTTLS,
// authentication, pooling), nothing to hand-write. Without SMTP_URL, Hexathon
// sends no email and says so where it matters (new accounts then wait for an
// organizer's approval).
import nodemailer, { type Transporter } from "nodemailer";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** e.g. List-Unsubscribe */
  headers?: Record<string, string>;
  /** "<id@host>": the same on a repeated send, so it is recognized */
  messageId?: string;
};

export type MailConfig = { url: string; from: string };

/** Text set into an email's HTML part, as text. */
export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** SMTP_URL ("smtp://user:pass@mail.example.com:587", "smtps://…:465") and MAIL_FROM, or null when email is off. */
export function mailConfig(): MailConfig | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\//i.test(url)) throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got "${url.split(":")[0]}:…").`);
  const from = process.env.MAIL_FROM?.trim() || `Hexathon <hexathon@${new URL(url).hostname || "localhost"}>`;
  return { url, from };
}

let cached: { url: string; transport: Transporter } | null = null;

function transport(config: MailConfig): Transporter {
  if (cached?.url !== config.url) cached = { url: config.url, transport: nodemailer.createTransport(config.url) };
  return cached.transport;
}

/** Sends one message; throws with the server's answer when it refuses. */
export async function sendMail(mail: Mail, config = mailConfig()): Promise<void> {
  if (!config) throw new Error("Email is off: SMTP_URL is not set.");
  await transport(config).sendMail({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    messageId: mail.messageId,
  });
}

/** Whether email goes out: SMTP_URL is set and well-formed (a malformed one is reported where organizers look, not thrown everywhere). */
export function mailIsOn(): boolean {
  try {
    return mailConfig() !== null;
  } catch {
    return false;
  }
}

export type MailCheck = { state: "off" } | { state: "ok"; server: string } | { state: "failed"; server: string | null; problem: string };

/** How long the check waits for the mail server: the organizer's page waits for it. */
const CHECK_TIMEOUT_MS = 10_000;

/**
 * Checks the SMTP configuration the way sending would use it: connects,
 * greets, upgrades to TLS and signs in, without sending anything. The
 * answer is a sentence for the organizers' page, never an exception.
 */
export async function checkMail(): Promise<MailCheck> {
  let config: MailConfig | null;
  try {
    config = mailConfig();
  } catch (error) {
    return { state: "failed", server: null, problem: (error as Error).message };
  }
  if (!config) return { state: "off" };
  const url = new URL(config.url);
  const server = `${url.hostname}:${url.port || (url.protocol === "smtps:" ? "465" : "587")}`;
  const probe = nodemailer.createTransport(config.url, {
    connectionTimeout: CHECK_TIMEOUT_MS,
    greetingTimeout: CHECK_TIMEOUT_MS,
    socketTimeout: CHECK_TIMEOUT_MS,
  });
  try {
    await probe.verify();
    return { state: "ok", server };
  } catch (error) {
    const smtp = error as Error & { code?: string; response?: string };
    return { state: "failed", server, problem: smtp.response ?? (smtp.code ? `${smtp.code}: ${smtp.message}` : smtp.message) };
  } finally {
    probe.close();
  }
}
