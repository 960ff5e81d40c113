// What lib/ says to a person (a refusal, a field's problem, a chart's title)
// is a key of the "lib" namespace of messages/<lang>.json with its values,
// translated where it is shown: in the reader's language on a page or in an
// answer (app/_lib/translate.ts, components/say.ts), in the recipient's in an
// email or a chat message (lib/platform/i18n.ts). It travels as text where
// only text fits (a zod issue, Error.message): encoded, and recognised by its
// first character, which nobody types. A value may itself be such a message
// (a field's label inside "… is required"), and several may be joined (an
// email's lines). Plain text passes unchanged.
//
// The interface's labels (a phase's name, a kind of email) are lib's too, as
// "labels.…": what the pages call them, an email calls them.
import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type en from "../../messages/en.json";

type LibTree = (typeof en)["lib"] & { labels: (typeof en)["labels"] };
export type LibKey = MessageKeys<LibTree, NestedKeyOf<LibTree>>;
export type MessageValues = Record<string, string | number>;

/** U+2063 INVISIBLE SEPARATOR: never typed, never shown (a page showing it is a bug the walk finds). */
export const MESSAGE_MARK = "\u2063";

// Encoded, a message is one JSON tree: a nested message is a branch, not a
// string escaped inside a string (which doubled its backslashes at each level).
type Node = string | number | { k: string; v?: Record<string, Node> } | { j: Node[]; s: string };

/** The tree a text stands for: a message's, or the text itself. */
function nodeOf(text: string): Node {
  if (!text.startsWith(MESSAGE_MARK)) return text;
  try {
    const node: unknown = JSON.parse(text.slice(1));
    return typeof node === "object" && node !== null && !Array.isArray(node) ? (node as Node) : text;
  } catch {
    return text;
  }
}

const encode = (node: Node) => MESSAGE_MARK + JSON.stringify(node);

/** The message `key` of lib/ with its values, as text to translate where it is shown. */
export function msg(key: LibKey, values?: MessageValues): string {
  if (!values) return encode({ k: key });
  return encode({ k: key, v: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? nodeOf(value) : value])) });
}

/** Texts (messages of lib/ or plain text) one after the other, `separator` between them. */
export function joinMessages(parts: string[], separator = "\n"): string {
  return encode({ j: parts.map(nodeOf), s: separator });
}

/** "a, b and c" in the reader's language (each item a message or plain text). */
export function listMessage(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length === 2) return msg("platform.list.and", { a: items[0], b: items[1] });
  return msg("platform.list.comma", { a: items[0], b: listMessage(items.slice(1)) });
}

/** The key and values of a message of lib/ (nested messages as their text), or null for plain text and joined ones. */
export function decodeMessage(text: string): { key: string; values: MessageValues } | null {
  const node = nodeOf(text);
  if (typeof node !== "object" || !("k" in node) || typeof node.k !== "string") return null;
  const values = Object.fromEntries(Object.entries(node.v ?? {}).map(([name, value]) => [name, typeof value === "object" ? encode(value) : value]));
  return { key: node.k, values };
}

/** A translator of the "lib" namespace (next-intl's, use-intl's): key and values → text. */
export type LibTranslate = (key: string, values: MessageValues) => string;

/** A tree in the language of `t`; null where it isn't one of ours (people's words that look like it). */
function renderNode(node: unknown, t: LibTranslate): string | number | null {
  if (typeof node === "string" || typeof node === "number") return node;
  if (typeof node !== "object" || node === null) return null;
  if ("j" in node && Array.isArray(node.j) && "s" in node && typeof node.s === "string") {
    const parts = node.j.map((part) => renderNode(part, t));
    return parts.every((part) => part !== null) ? parts.join(node.s) : null;
  }
  if (!("k" in node) || typeof node.k !== "string") return null;
  const given = "v" in node && typeof node.v === "object" && node.v !== null ? Object.entries(node.v) : [];
  const values: MessageValues = {};
  for (const [name, value] of given) {
    const said = renderNode(value, t);
    if (said === null) return null;
    values[name] = said;
  }
  return t(node.k, values);
}

/** `text` in the language of `t`: a message of lib/ translated (its nested messages first), plain text as it is. */
export function renderMessage(text: string, t: LibTranslate): string {
  const node = nodeOf(text);
  if (typeof node !== "object") return text;
  const said = renderNode(node, t);
  return said === null ? text : String(said);
}
