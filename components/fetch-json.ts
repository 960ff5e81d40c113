// The browser side of the JSON API: one call, one answer shape. The server's
// readable error message ({ error: { message } }) comes back as `message`;
// a network failure says so, and the page keeps what is on screen.

export type JsonResult<T> = { ok: true; data: T } | { ok: false; message: string };

export async function fetchJson<T>(url: string, method = "GET", body?: unknown): Promise<JsonResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      cache: "no-store",
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, message: (data as { error?: { message?: string } })?.error?.message ?? `The server answered ${response.status}.` };
  } catch {
    return { ok: false, message: "The server can't be reached. Check the network; what is on screen is kept, try again." };
  }
}
