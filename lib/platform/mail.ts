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
