// The emails notifications send: one notice at once, or the day's digest.
// Each has a plain-text and an HTML part saying the same, the times in the
// edition's time zone on the 24-hour clock, a link to the settings, and a
// one-click unsubscribe (RFC 8058: List-Unsubscribe with an HTTPS address
// that takes a POST, and List-Unsubscribe-Post) that needs no sign-in. All of
// it in the recipient's language: the notices' own words are lib's messages.
import { translate } from "../platform/i18n";
import type { Locale } from "../platform/locale";
import { escapeHtml, type Mail } from "../platform/mail";
import { msg } from "../platform/messages";
import { formatInZone } from "../platform/time";
import { EMAIL_KINDS, type EmailKind } from "./rules";

/** Where a message's footer links: the settings page, and the person's unsubscribe page for what this message is. */
export type MailLinks = { settingsUrl: string; unsubscribeUrl: string };

export type NoticeContent = { kind: EmailKind; title: string; text: string; url: string };

export type DigestLine = { kind: EmailKind; title: string; text: string; url: string; at: Date; timezone: string };

/** The headers that give mail clients their "unsubscribe" button; the POST goes to the link's one-click address. */
function unsubscribeHeaders(links: MailLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribeUrl}/one-click>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function footerText(why: string, links: MailLinks, say: (text: string) => string): string {
  return [
    `--`,
    why,
    say(msg("notifications.mail.chooseEmailsAt", { url: links.settingsUrl })),
    say(msg("notifications.mail.stopAt", { url: links.unsubscribeUrl })),
  ].join("\n");
}

function page(body: string, why: string, links: MailLinks, locale: Locale, say: (text: string) => string): string {
  const footer =
    `<p style="margin-top:2em;font-size:0.85em;color:#475569">${escapeHtml(why)}<br>` +
    `<a href="${escapeHtml(links.settingsUrl)}">${escapeHtml(say(msg("notifications.mail.chooseEmails")))}</a> · ` +
    `<a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(say(msg("notifications.mail.stop")))}</a></p>`;
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a;max-width:40em">${body}${footer}</body></html>`;
}

const kindLabel = (kind: EmailKind) => msg(`labels.emailKind.${kind}.label`);

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

/** One notification, sent at once, in `locale`. */
export function noticeMail(to: string, notice: NoticeContent, links: MailLinks, locale: Locale = "en"): Mail {
  const say = (text: string) => translate(text, locale);
  const [title, body] = [say(notice.title), say(notice.text)];
  const why = say(msg("notifications.mail.noticeWhy", { kind: kindLabel(notice.kind) }));
  const open = say(msg("notifications.mail.open", { url: notice.url }));
  const text = [title, "", ...(body ? [body, ""] : []), open, "", footerText(why, links, say)].join("\n");
  const html = page(
    `<h1 style="font-size:1.25em">${escapeHtml(title)}</h1>${paragraphs(body)}` +
      `<p><a href="${escapeHtml(notice.url)}">${escapeHtml(say(msg("notifications.mail.openInHexathon")))}</a></p>`,
    why,
    links,
    locale,
    say,
  );
  return { to, subject: title, text, html, headers: unsubscribeHeaders(links) };
}

/** The day's notifications in one message in `locale`, grouped by kind in the order of the settings page, each with its time. */
export function digestMail(to: string, lines: DigestLine[], links: MailLinks, locale: Locale = "en"): Mail {
  const say = (text: string) => translate(text, locale);
  const groups = EMAIL_KINDS.map((kind) => ({
    kind,
    label: say(kindLabel(kind)),
    lines: lines
      .filter((line) => line.kind === kind)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((line) => ({ ...line, title: say(line.title), text: say(line.text) })),
  })).filter((group) => group.lines.length > 0);
  const when = (line: DigestLine) => formatInZone(line.at, line.timezone, undefined, locale);
  const subject = say(msg("notifications.mail.digestSubject", { count: lines.length }));
  const why = say(msg("notifications.mail.digestWhy"));
  const text = [
    subject,
    "",
    ...groups.flatMap((group) => [
      group.label,
      ...group.lines.map(
        (line) => `- ${say(msg("notifications.mail.digestLine", { time: when(line), title: line.title }))}${line.text ? ` ${line.text}` : ""}\n  ${line.url}`,
      ),
      "",
    ]),
    footerText(why, links, say),
  ].join("\n");
  const html = page(
    `<h1 style="font-size:1.25em">${escapeHtml(subject)}</h1>` +
      groups
        .map(
          (group) =>
            `<h2 style="font-size:1.05em">${escapeHtml(group.label)}</h2><ul>` +
            group.lines
              .map(
                (line) =>
                  `<li>${say(
                    msg("notifications.mail.digestLine", {
                      time: `<time datetime="${line.at.toISOString()}">${escapeHtml(when(line))}</time>`,
                      title: `<a href="${escapeHtml(line.url)}">${escapeHtml(line.title)}</a>`,
                    }),
                  )}` + `${line.text ? ` ${escapeHtml(line.text)}` : ""}</li>`,
              )
              .join("") +
            "</ul>",
        )
        .join(""),
    why,
    links,
    locale,
    say,
  );
  return { to, subject, text, html, headers: unsubscribeHeaders(links) };
}
