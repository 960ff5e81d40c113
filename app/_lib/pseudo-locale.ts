// The pseudo-locale (en-XA): English with every word lengthened by 40%,
// accented, and every message wrapped in ⟦ ⟧ — what a longer language does
// to the layout, and any text that escaped the messages (it shows unwrapped).
// Only when HEXATHON_PSEUDO_LOCALE=1 (the browser tests, a translator's
// check); chosen with the cookie hexathon-locale=en-XA.
import "server-only";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";
import type { Messages } from "./messages";

const ACCENTED: Record<string, string> = { a: "á", e: "é", i: "ï", o: "ö", u: "ü", y: "ý", A: "Å", E: "É", I: "Ï", O: "Ö", U: "Ü", c: "ç", n: "ñ" };

/** "Sign" → "Šïïgñ": each word 40% longer (its own letters repeated), so it still wraps where it did. */
function stretch(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const extra = Math.ceil(word.length * 0.4);
    const letters = [...word];
    const longer = letters.flatMap((letter, i) => (i < extra ? [letter, letter] : [letter])).join("");
    return [...longer].map((letter) => ACCENTED[letter] ?? letter).join("");
  });
}

function stretchAll(elements: MessageFormatElement[]): MessageFormatElement[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) element.value = stretch(element.value);
    else if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) stretchAll(option.value);
    else if (element.type === TYPE.tag) stretchAll(element.children);
  }
  return elements;
}

type Tree = { [key: string]: string | Tree };

function pseudoTree(tree: Tree): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [key, typeof value === "string" ? `⟦${printAST(stretchAll(parse(value)))}⟧` : pseudoTree(value)]),
  );
}

let cached: Messages | undefined;

export function pseudoMessages(english: Messages): Messages {
  return (cached ??= pseudoTree(english as unknown as Tree) as unknown as Messages);
}
