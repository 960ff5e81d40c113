// What lib/ says to a person (a refusal, a field's problem, a chart's title)
// is a key of the "lib" namespace of messages/<lang>.json with its values,
// translated where it is shown: in the reader's language on a page or in an
// answer (app/_lib/translate.ts, components/say.ts), in the recipient's in an
// email or a chat message (lib/platform/i18n.ts). It travels as text where
// only text fits (a zod issue, Error.message): encoded, and recognised by its
// first character, which nobody types. A value may itself be such a message
// (a field's label inside "… is required"). Plain text passes unchanged.
import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type en from "../../messages/en.json";

type LibTree = (typeof en)["lib"];
export type LibKey = MessageKeys<LibTree, NestedKeyOf<LibTree>>;
export type MessageValues = Record<string, string | number>;

/** U+2063 INVISIBLE SEPARATOR: never typed, never shown (a page showing it is a bug the walk finds). */
export const MESSAGE_MARK = "\u2063";

/** The message `key` of lib/ with its values, as text to translate where it is shown. */
export function msg(key: LibKey, values?: MessageValues): string {
  return MESSAGE_MARK + JSON.stringify(values ? [key, values] : [key]);
}

/** The key and values of a message of lib/, or null for plain text. */
export function decodeMessage(text: string): { key: string; values: MessageValues } | null {
  if (!text.startsWith(MESSAGE_MARK)) return null;
  try {
    const [key, values] = JSON.parse(text.slice(1)) as [unknown, unknown];
    if (typeof key !== "string") return null;
    return { key, values: typeof values === "object" && values !== null ? (values as MessageValues) : {} };
  } catch {
    return null;
  }
}

/** A translator of the "lib" namespace (next-intl's, use-intl's): key and values → text. */
export type LibTranslate = (key: string, values: MessageValues) => string;

/** `text` in the language of `t`: a message of lib/ translated (its nested messages first), plain text as it is. */
export function renderMessage(text: string, t: LibTranslate): string {
  const message = decodeMessage(text);
  if (!message) return text;
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => [name, typeof value === "string" ? renderMessage(value, t) : value]));
  return t(message.key, values);
}
