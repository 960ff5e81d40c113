// Each language's messages (messages/<code>.json), loaded once per process.
// English is the reference: its keys type every t() call (global.d.ts), and a
// unit test holds the other languages to the same keys and arguments.
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/platform/locale";
import type en from "@/messages/en.json";

export type Messages = typeof en;

export async function messagesOf(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}

/**
 * The namespaces client components use (useTranslations): each page carries its language's messages to
 * the browser, and the whole catalogue would be most of its weight. A unit test finds them in the code
 * (tests/unit/client-messages.test.ts) and holds this list to them.
 *
 * What lib/ says reaches the browser already in words (actions, JSON answers), except where a client
 * component says it itself (components/say.ts): the sign-in form (people, platform: its schema and
 * next-auth's refusals) and the judge's invitation (its schema and why a link can't be used). The rest
 * of lib's namespace stays on the server.
 */
export const CLIENT_NAMESPACES = [
  "account.passwordForm",
  "arena",
  "auth.accountForm",
  "auth.signInForm",
  "auth.verify",
  "ballot",
  "challenges.answerForm",
  "challenges.form",
  "challenges.leaderboard",
  "challenges.scoreForm",
  "charts",
  "codeEditor",
  "common",
  "countdown",
  "display",
  "error",
  "insights",
  "judge.forms",
  "judge.inviteForm",
  "judging.forms",
  "labels",
  "layout",
  "lib.arena.forfeit",
  "lib.insights.match",
  "lib.judging.field",
  "lib.judging.invite",
  "lib.people",
  "lib.platform",
  "lib.votes.tieBreak",
  "live",
  "manage.agendaForm",
  "manage.form",
  "manage.phaseForm",
  "notifications.emailSettings",
  "notifications.webhookForm",
  "outcome",
  "people.forgetForm",
  "people.roleForm",
  "prizes.forms",
  "stage",
  "teams.createForm",
  "teams.moveForm",
  "teams.renameForm",
  "topics.form",
  "topics.moderation",
  "vote.audit",
  "vote.control",
  "write.editor",
  "write.start",
  "write.workspace",
] as const;

type Tree = { [key: string]: string | Tree };

export function clientMessages(messages: Messages): AbstractIntlMessages {
  const sent: Tree = {};
  for (const namespace of CLIENT_NAMESPACES) {
    const keys = namespace.split(".");
    let from = messages as unknown as Tree;
    let to = sent;
    for (const key of keys.slice(0, -1)) {
      from = from[key] as Tree;
      to = (to[key] ??= {}) as Tree;
    }
    to[keys.at(-1)!] = from[keys.at(-1)!];
  }
  return sent;
}
