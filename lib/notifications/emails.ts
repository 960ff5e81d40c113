// The emails notifications send: one notice at once, or the day's digest.
// Each has a plain-text and an HTML part saying the same, the times in the
// edition's time zone on the 24-hour clock, a link to the settings, and a
// one-click unsubscribe (RFC 8058: List-Unsubscribe with an HTTPS address
// that takes a POST, and List-Unsubscribe-Post) that needs no sign-in.
import { escapeHtml, type Mail } from "../platform/mail";
import { formatInZone } from "../platform/time";
import { EMAIL_KIND_LABELS, EMAIL_KINDS, type EmailKind } from "./rules";

/** Where a message's footer links: the settings page, and the person's unsubscribe page for what this message is. */
export type MailLinks = { settingsUrl: string; unsubscribeUrl: string };

export type NoticeContent = { kind: EmailKind; title: string; text: string; url: string };

export type DigestLine = { kind: EmailKind; title: string; text: string; url: string; at: Date; timezone: string };

/** The headers that give mail clients their "unsubscribe" button; the POST goes to the link's one-click address. */
function unsubscribeHeaders(links: MailLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.unsubscribeUrl}/one-click>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function footerText(why: string, links: MailLinks): string {
  return [`--`, why, `Choose which emails you get: ${links.settingsUrl}`, `Stop these emails: ${links.unsubscribeUrl}`].join("\n");
}

function page(body: string, why: string, links: MailLinks): string {
  const footer =
    `<p style="margin-top:2em;font-size:0.85em;color:#475569">${escapeHtml(why)}<br>` +
    `<a href="${escapeHtml(links.settingsUrl)}">Choose which emails you get</a> · <a href="${escapeHtml(links.unsubscribeUrl)}">Stop these emails</a></p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a;max-width:40em">${body}${footer}</body></html>`;
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

/** One notification, sent at once. */
export function noticeMail(to: string, notice: NoticeContent, links: MailLinks): Mail {
  const why = `You get this because “${EMAIL_KIND_LABELS[notice.kind].label}” is set to “at once” in your Hexathon settings.`;
  const text = [notice.title, "", ...(notice.text ? [notice.text, ""] : []), `Open: ${notice.url}`, "", footerText(why, links)].join("\n");
  const html = page(
    `<h1 style="font-size:1.25em">${escapeHtml(notice.title)}</h1>${paragraphs(notice.text)}<p><a href="${escapeHtml(notice.url)}">Open in Hexathon</a></p>`,
    why,
    links,
  );
  return { to, subject: notice.title, text, html, headers: unsubscribeHeaders(links) };
}

/** The day's notifications in one message, grouped by kind in the order of the settings page, each with its time. */
export function digestMail(to: string, lines: DigestLine[], links: MailLinks): Mail {
  const groups = EMAIL_KINDS.map((kind) => ({
    kind,
    lines: lines.filter((line) => line.kind === kind).sort((a, b) => a.at.getTime() - b.at.getTime()),
  })).filter((group) => group.lines.length > 0);
  const when = (line: DigestLine) => formatInZone(line.at, line.timezone);
  const subject = `Hexathon: your daily digest (${lines.length === 1 ? "1 notification" : `${lines.length} notifications`})`;
  const why = "You get this digest because some notifications are set to “in the daily digest” in your Hexathon settings.";
  const text = [
    subject,
    "",
    ...groups.flatMap((group) => [
      EMAIL_KIND_LABELS[group.kind].label,
      ...group.lines.map((line) => `- ${when(line)}: ${line.title}${line.text ? ` ${line.text}` : ""}\n  ${line.url}`),
      "",
    ]),
    footerText(why, links),
  ].join("\n");
  const html = page(
    `<h1 style="font-size:1.25em">${escapeHtml(subject)}</h1>` +
      groups
        .map(
          (group) =>
            `<h2 style="font-size:1.05em">${escapeHtml(EMAIL_KIND_LABELS[group.kind].label)}</h2><ul>` +
            group.lines
              .map(
                (line) =>
                  `<li><time datetime="${line.at.toISOString()}">${escapeHtml(when(line))}</time>: <a href="${escapeHtml(line.url)}">${escapeHtml(line.title)}</a>` +
                  `${line.text ? ` ${escapeHtml(line.text)}` : ""}</li>`,
              )
              .join("") +
            "</ul>",
        )
        .join(""),
    why,
    links,
  );
  return { to, subject, text, html, headers: unsubscribeHeaders(links) };
}
