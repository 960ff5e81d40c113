// The pure side of email notifications: when the digest goes out (the
// edition's zone, summer time included), whose choice wins, what the emails
// say (escaped, with their unsubscribe headers), and unsubscribe links that
// only this server can make.
import { describe, expect, it } from "vitest";
import { digestMail, noticeMail } from "@/lib/notifications/emails";
import { msg } from "@/lib/platform/messages";
import { digestDueAt, EMAIL_KINDS, EMAIL_KIND_LABELS, emailModeOf } from "@/lib/notifications/rules";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/notifications/signing";

const links = { settingsUrl: "https://hx.example/account#email", unsubscribeUrl: "https://hx.example/unsubscribe/abc.def" };

describe("the digest's hour", () => {
  it("is the next 08:00 in the edition's zone", () => {
    // 07:30 in Paris (winter, UTC+1): the same morning
    expect(digestDueAt(new Date("2031-01-10T06:30:00Z"), "Europe/Paris").toISOString()).toBe("2031-01-10T07:00:00.000Z");
    // 08:00 exactly and later: the next morning
    expect(digestDueAt(new Date("2031-01-10T07:00:00Z"), "Europe/Paris").toISOString()).toBe("2031-01-11T07:00:00.000Z");
    expect(digestDueAt(new Date("2031-01-10T22:59:00Z"), "Europe/Paris").toISOString()).toBe("2031-01-11T07:00:00.000Z");
    // summer time begins on 30 March 2031: 08:00 is then 06:00 UTC
    expect(digestDueAt(new Date("2031-03-29T20:00:00Z"), "Europe/Paris").toISOString()).toBe("2031-03-30T06:00:00.000Z");
    // 07:00 in New York: the same morning, at 13:00 UTC
    expect(digestDueAt(new Date("2031-01-10T12:00:00Z"), "America/New_York").toISOString()).toBe("2031-01-10T13:00:00.000Z");
    expect(digestDueAt(new Date("2031-01-10T12:00:00Z"), "UTC").toISOString()).toBe("2031-01-11T08:00:00.000Z");
  });
});

describe("modes", () => {
  it("a person's choice wins over the kind's default; anything else is the default", () => {
    expect(emailModeOf("topic.interest", undefined)).toBe("DIGEST");
    expect(emailModeOf("topic.interest", new Map([["topic.interest", "OFF"]]))).toBe("OFF");
    expect(emailModeOf("team.changed", new Map([["team.changed", "HOURLY"]]))).toBe("NOW");
    for (const kind of EMAIL_KINDS) expect(EMAIL_KIND_LABELS[kind].label.length).toBeGreaterThan(3);
  });
});

describe("the emails", () => {
  it("a notice has both parts, escapes what people typed, and carries the one-click unsubscribe headers", () => {
    const mail = noticeMail(
      "a@example.com",
      { kind: "topic.interest", title: "Eve is interested in <script>alert(1)</script>", text: "2 people & more", url: "https://hx.example/t/1" },
      links,
    );
    expect(mail.subject).toBe("Eve is interested in <script>alert(1)</script>");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain("2 people &amp; more");
    expect(mail.text).toContain("Open: https://hx.example/t/1");
    expect(mail.text).toContain("Stop these emails: https://hx.example/unsubscribe/abc.def");
    expect(mail.headers).toEqual({
      "List-Unsubscribe": "<https://hx.example/unsubscribe/abc.def/one-click>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("a digest groups lines by kind in the settings' order, oldest first, with 24-hour times in each edition's zone", () => {
    const line = (kind: (typeof EMAIL_KINDS)[number], title: string, at: string) => ({
      kind,
      title,
      text: "",
      url: "https://hx.example/x",
      at: new Date(at),
      timezone: "Europe/Paris",
    });
    const mail = digestMail(
      "a@example.com",
      [
        line("phase.changed", "0x0a: voting", "2031-01-10T17:05:00Z"),
        line("topic.interest", "Bea is interested", "2031-01-10T13:00:00Z"),
        line("topic.interest", "Al is interested", "2031-01-10T09:00:00Z"),
      ],
      links,
    );
    expect(mail.subject).toBe("Hexathon: your daily digest (3 notifications)");
    const text = mail.text;
    expect(text.indexOf("Interest in my topics")).toBeLessThan(text.indexOf("The edition's next phase"));
    expect(text.indexOf("Al is interested")).toBeLessThan(text.indexOf("Bea is interested"));
    expect(text).toContain("Fri 10 Jan, 18:05: 0x0a: voting");
    expect(mail.html).toContain('<time datetime="2031-01-10T09:00:00.000Z">Fri 10 Jan, 10:00</time>');
  });
});

describe("the emails in the recipient's language", () => {
  const notice = {
    kind: "topic.interest" as const,
    title: msg("notifications.notice.topicInterest.title", { name: "Ève", topic: "Cartes <chaleur>" }),
    text: msg("notifications.notice.topicInterest.text", { count: 2 }),
    url: "https://hx.example/t/1",
  };

  it("a notice: its words, quotes and plurals, the kind's name as the settings page says it, and <html lang>", () => {
    const fr = noticeMail("a@example.com", notice, links, "fr");
    expect(fr.subject).toBe("Ève s’intéresse à votre sujet «\u00a0Cartes <chaleur>\u00a0»");
    expect(fr.text).toContain("2 personnes sont intéressées maintenant.");
    expect(fr.text).toContain("Ouvrir\u00a0: https://hx.example/t/1");
    expect(fr.text).toContain("«\u00a0Intérêt pour mes sujets\u00a0» est réglé sur «\u00a0tout de suite\u00a0»");
    expect(fr.text).toContain("Ne plus recevoir ces e-mails\u00a0: https://hx.example/unsubscribe/abc.def");
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.html).toContain("«\u00a0Cartes &lt;chaleur&gt;\u00a0»");
    const en = noticeMail("a@example.com", notice, links, "en");
    expect(en.subject).toBe("Ève is interested in your topic “Cartes <chaleur>”");
    expect(en.text).toContain("2 people are interested now.");
    expect(en.text).toContain("“Interest in my topics” is set to “at once”");
    expect(en.html).toContain('<html lang="en">');
  });

  it("a digest: its subject's plural, the kinds' names and the days and months in French, on the 24-hour clock", () => {
    const at = new Date("2031-01-10T17:05:00Z");
    const mail = digestMail("a@example.com", [{ ...notice, at, timezone: "Europe/Paris" }], links, "fr");
    expect(mail.subject).toBe("Hexathon\u00a0: votre résumé du jour (1 notification)");
    expect(mail.text).toContain("Intérêt pour mes sujets\n- ven. 10 janv., 18:05\u00a0: Ève s’intéresse à votre sujet");
    expect(mail.html).toContain('<time datetime="2031-01-10T17:05:00.000Z">ven. 10 janv., 18:05</time>');
    expect(mail.text).not.toContain("\u2063"); // nothing left untranslated
  });
});

describe("unsubscribe links", () => {
  it("name whose settings and what, and only this server's secret makes them", () => {
    const token = unsubscribeToken("secret", "user1", "topic.interest");
    expect(token).toMatch(/^[\w-]+\.[\w-]{32}$/);
    expect(readUnsubscribeToken("secret", token)).toEqual({ userId: "user1", scope: "topic.interest" });
    expect(readUnsubscribeToken("other secret", token)).toBeNull();
    const [, signature] = token.split(".");
    expect(readUnsubscribeToken("secret", `${Buffer.from("user2 all").toString("base64url")}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken("secret", "garbage")).toBeNull();
    expect(readUnsubscribeToken("secret", `${token}.more`)).toBeNull();
  });
});
