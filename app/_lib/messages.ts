// Each language's messages (messages/<code>.json), loaded once per process.
// English is the reference: its keys type every t() call (global.d.ts), and a
// unit test holds the other languages to the same keys and arguments.
import type { Locale } from "@/lib/platform/locale";
import type en from "@/messages/en.json";

export type Messages = typeof en;

export async function messagesOf(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}
