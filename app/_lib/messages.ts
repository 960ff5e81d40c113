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
 * What lib/ says reaches the browser already in words (actions, JSON answers), except where a client
 * component says it itself (components/say.ts): the sign-in form (people, platform: its schema and
 * next-auth's refusals) and the judge's invitation (judging). The rest of lib's namespace, a third of
 * the messages, stays on the server: every page carries its language's messages to the browser.
 */
const LIB_IN_THE_BROWSER = ["people", "platform", "judging"] as const;

export function clientMessages(messages: Messages): AbstractIntlMessages {
  const lib = Object.fromEntries(LIB_IN_THE_BROWSER.map((domain) => [domain, messages.lib[domain]]));
  return { ...messages, lib };
}
