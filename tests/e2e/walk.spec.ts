// Every page, as every role, on a phone (390 px), and as an organizer on a
// laptop too (1,280 px): nothing answers 500, nothing is wider than the screen
// (with long unbroken names in the data), no message of lib/ is shown
// untranslated, and the browser reports no Content-Security-Policy violation. The pages come from app/ itself, so a new page is walked the day
// it is added.
import { expect, test, type Browser, type Page } from "./test";
import { signIn } from "./helpers";
import { concrete, demoIds, pagePatterns, type DemoIds } from "./routes";

const ROLES = [null, "bob@demo.test", "alice@demo.test", "judge@demo.test", "organizer@demo.test"] as const;
const LONG = "Ünbrokenlongtitlewithoutanyspace".repeat(4).slice(0, 120);

let ids: DemoIds;
let topic: { title: string; kind: string; pitch: string };

async function organizerPage(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "organizer@demo.test");
  return page;
}

/** Collects the page's Content-Security-Policy violations, from the moment each document starts. */
async function watchPolicy(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeBinding("__cspViolation", (_source, report: string) => void seen.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(
        `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} ${e.sample}`,
      ),
    );
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  return seen;
}

async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    // what sticks out, and isn't inside a box that scrolls or clips it (that box is what sticks out)
    const contained = (e: Element) => {
      for (let p = e.parentElement; p; p = p.parentElement) if (/auto|hidden|scroll|clip/.test(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== "fixed" && !contained(e))
      .slice(-3)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}"> ${Math.round(e.getBoundingClientRect().right)} px`);
    return `${document.documentElement.scrollWidth} px wide on ${width}: ${wide.join(", ")}`;
  });
}

/** A message of lib/ that reached the page untranslated (lib/platform/messages.ts marks them with U+2063). */
async function untranslated(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const html = document.body.outerHTML;
    const at = html.indexOf("\u2063");
    return at < 0 ? null : html.slice(Math.max(0, at - 80), at + 120);
  });
}

test.beforeAll(async ({ browser }) => {
  const page = await organizerPage(browser);
  ids = await demoIds(page.request);
  // a topic with the longest unbroken title the form takes, on the pages that list it
  await page.goto(`/editions/0x09/topics/${ids.topic}/edit`);
  topic = {
    title: await page.getByLabel("Title").inputValue(),
    kind: await page.getByLabel("Kind").inputValue(),
    pitch: await page.getByLabel("Pitch").inputValue(),
  };
  const patched = await page.request.patch(`/api/topics/${ids.topic}`, { data: { ...topic, title: LONG } });
  expect(patched.status(), await patched.text()).toBe(200);
  await page.context().close();
});

test.afterAll(async ({ browser }) => {
  const page = await organizerPage(browser);
  await page.request.patch(`/api/topics/${ids.topic}`, { data: topic });
  await page.context().close();
});

/**
 * One role's walk: every page at 390 px, then, for organizers (the widest pages: tables, the
 * stage control), the same page at 1,280 px; what went wrong, as sentences.
 */
async function walk(browser: Browser, role: (typeof ROLES)[number], locale?: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchPolicy(page);
  if (role) await signIn(page, role);
  // then the language's cookie, as the footer's switch sets it
  if (locale) await context.addCookies([{ name: "hexathon-locale", value: locale, url: test.info().project.use.baseURL! }]);
  // live updates change nothing of a page's width: their streams would only keep the server busy.
  // Blocked by the browser itself: Playwright's page.route() would turn the HTTP cache off, and every
  // page would download and compile all its scripts again (about a third of the walk's time).
  const browserSide = await context.newCDPSession(page);
  await browserSide.send("Network.enable");
  await browserSide.send("Network.setBlockedURLs", { urls: ["*/api/*/events", "*/api/*/live"] });
  const who = `${role ? role.split("@")[0] : "signed out"}${locale ? ` in ${locale}` : ""}`;
  const problems: string[] = [];
  for (const pattern of pagePatterns()) {
    const url = concrete(pattern, ids);
    await page.setViewportSize({ width: 390, height: 844 });
    const response = await page.goto(url, { waitUntil: "load" });
    const status = response?.status() ?? 0;
    if (status >= 500) problems.push(`${who}: ${url}: ${status}`);
    const narrow = await overflow(page);
    if (narrow) problems.push(`${who}: ${url} at 390 px: ${narrow}`);
    const raw = await untranslated(page);
    if (raw) problems.push(`${who}: ${url}: a message of lib/ shown untranslated: ${raw}`);
    if (role !== "organizer@demo.test") continue;
    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await overflow(page);
    if (wide) problems.push(`${who}: ${url} at 1,280 px: ${wide}`);
  }
  await context.close();
  return [...problems, ...violations.map((v) => `${who}: policy violation: ${v}`)];
}

test("every page as every role: no 500, no overflow at 390 px (organizers: and 1,280 px), no policy violation", async ({ browser }) => {
  test.setTimeout(480_000);
  // the roles walk side by side: the server renders one page while a browser lays out another
  const problems = (await Promise.all(ROLES.map((role) => walk(browser, role)))).flat();
  expect(problems, problems.join("\n")).toEqual([]);
});

test("every page in the pseudo-locale (each word 40% longer) and in French: no overflow at 390 px", async ({ browser }) => {
  test.setTimeout(480_000);
  // the organizer's pages are the widest and the most; an employee's in French, the longer real language
  const walks = [walk(browser, "organizer@demo.test", "en-XA"), walk(browser, "alice@demo.test", "fr")];
  const problems = (await Promise.all(walks)).flat();
  expect(problems, problems.join("\n")).toEqual([]);
});
