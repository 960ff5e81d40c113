// The browser side of the JSON API: one call, one answer shape. The server's
// readable error ({ error: { code, message, field, at } }, already in the
// reader's language) comes back as `message`, `code`, `field` and `at` (the
// line and column in a text the message is about); a network
// failure says so (`offline`), and the page keeps what is on screen. Its own
// two sentences are in the page's language once the layout has set them
// (components/fetch-json-texts.tsx).

export type JsonResult<T> =
  { ok: true; data: T } | { ok: false; message: string; code?: string; field?: string; at?: { line: number; column: number }; offline?: true };

type Texts = { unreachable: string; answered: (status: number) => string };

let texts: Texts = {
  unreachable: "The server can't be reached. Check the network; what is on screen is kept, try again.",
  answered: (status) => `The server answered ${status}.`,
};

function parsed(text: string): unknown {
  try {
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** The page's language's sentences for what the server can't say itself. */
export function setFetchTexts(next: Texts) {
  texts = next;
}

export async function fetchJson<T>(url: string, method = "GET", body?: unknown): Promise<JsonResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      cache: "no-store",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // read whole before parsing: a body cut off (an instance killed mid-answer) throws here, and is the network's failure
    const text = await response.text();
    const data = parsed(text);
    if (response.ok) {
      // 204, no content: nothing to hand over. A success whose body isn't JSON came from something else (a
      // proxy's page): never passed on as the data, which the page would take for the answer it asked for.
      if (text === "") return { ok: true, data: {} as T };
      return data === undefined ? { ok: false, message: texts.unreachable, offline: true } : { ok: true, data: data as T };
    }
    const error = (data as { error?: { message?: string; code?: string; field?: string; at?: { line: number; column: number } } })?.error;
    return { ok: false, message: error?.message ?? texts.answered(response.status), code: error?.code, field: error?.field, at: error?.at };
  } catch {
    return { ok: false, message: texts.unreachable, offline: true };
  }
}
