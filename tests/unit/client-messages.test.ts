// Every page carries to the browser the messages its client components use,
// and no others (app/_lib/messages.ts: CLIENT_NAMESPACES): the whole catalogue
// on every page would be most of its weight. The namespaces the browser needs
// are found here from the code: the client components ("use client", and what
// they import from app/ and components/) and the namespaces they ask for.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages, messagesOf } from "@/app/_lib/messages";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** The file an import names, when it is one of ours outside lib/ (lib/ never translates with next-intl). */
function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (!base || !/^(app|components)\//.test(base)) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (/\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  return null;
}

/** The client components, and for each, what it asks next-intl for. */
function clientNamespaces(): Map<string, string[]> {
  const files = [...sources("app"), ...sources("components")];
  const text = new Map(files.map((file) => [file, readFileSync(path.join(ROOT, file), "utf8")]));
  const queue = files.filter((file) => /^\s*["']use client["']/.test(text.get(file)!));
  const client = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (client.has(file)) continue;
    client.add(file);
    for (const [, specifier] of text.get(file)!.matchAll(/\bfrom\s+["']([^"']+)["']/g)) {
      const target = resolve(file, specifier);
      if (target) queue.push(target);
    }
  }
  const used = new Map<string, string[]>();
  for (const file of client)
    for (const [, namespace] of text.get(file)!.matchAll(/\buseTranslations\(\s*(?:["']([^"']*)["'])?\s*\)/g)) {
      const key = namespace ?? `no namespace in ${file}`;
      used.set(key, [...(used.get(key) ?? []), file]);
    }
  return used;
}

const covers = (listed: string, namespace: string) => namespace === listed || namespace.startsWith(`${listed}.`);
// sent in part by design: what lib/ says, only where a client component says it itself (LIB_IN_THE_BROWSER)
const PARTIAL = ["lib"];

describe("the messages the browser gets", () => {
  const used = clientNamespaces();

  it("are found in the code: every client component names its namespace", () => {
    expect([...used.keys()].filter((namespace) => !/^[a-zA-Z.]+$/.test(namespace))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  it("hold every namespace a client component uses", () => {
    const missing = [...used.keys()].filter((namespace) => !PARTIAL.includes(namespace) && !CLIENT_NAMESPACES.some((listed) => covers(listed, namespace)));
    expect(missing, "add these to CLIENT_NAMESPACES in app/_lib/messages.ts").toEqual([]);
  });

  it("hold nothing that no client component uses", () => {
    const unused = CLIENT_NAMESPACES.filter((listed) => ![...used.keys()].some((namespace) => covers(listed, namespace) || covers(namespace, listed)));
    expect(unused, "remove these from CLIENT_NAMESPACES in app/_lib/messages.ts").toEqual([]);
  });

  it("are the listed namespaces of each language, whole", async () => {
    const messages = await messagesOf("fr");
    const sent = clientMessages(messages) as Record<string, Record<string, unknown>>;
    expect(sent.vote.control).toEqual(messages.vote.control);
    expect(sent.layout).toEqual(messages.layout);
    expect(sent.topics.form).toEqual(messages.topics.form);
    expect(sent.topics).not.toHaveProperty("metaTitle"); // what only the server renders
    expect(sent).not.toHaveProperty("home");
    expect(Object.keys(sent.lib).sort()).toEqual(["arena", "insights", "judging", "people", "platform", "votes"]);
    // a fraction of the whole
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(messages).length / 2);
  });
});
