// Articles, end to end: a team member writes one (a table, C code, an image
// uploaded into the text), watches the preview, reloads without losing a
// word, submits it; an organizer publishes it; an anonymous reader finds it
// through the edition page, the filters, the search and the feed. Then a
// corpus of hostile Markdown is published and read: nothing may run.
import { expect, onlyOn, test, type Browser, type Page } from "./test";
import sharp from "sharp";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { expectAccessible, signIn, unique } from "./helpers";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** A small PNG with a GPS position in its metadata, which the upload must drop. */
async function photo() {
  return sharp({ create: { width: 640, height: 360, channels: 3, background: "#1e40af" } })
    .withExif({ IFD0: { Copyright: "secret-camera-owner" } })
    .png()
    .toBuffer();
}

async function startArticle(page: Page, forWhom: string, title: string) {
  await page.goto("/write");
  await page.getByLabel("For").selectOption({ label: forWhom });
  await page.getByLabel("Working title").fill(title);
  await page.getByRole("button", { name: "Start writing" }).click();
  await expect(page).toHaveURL(/\/write\/[a-z0-9]+$/);
}

/** The address of an edition's first listed article. */
async function firstArticleOf(page: Page, edition: string) {
  const list = await (await page.request.get(`/articles?edition=${edition}`)).text();
  const found = /href="(\/articles\/[a-z0-9-]+)"/.exec(list);
  expect(found, `an article of ${edition}`).not.toBeNull();
  return found![1];
}

async function publishAs(organizer: Page, title: string) {
  await organizer.goto("/write");
  await organizer.getByRole("link", { name: title }).click();
  await organizer.getByRole("button", { name: /^Publish/ }).click();
  // a published article with changes says "Published" already: done once the changes are out
  await expect(organizer.getByTestId("article-status")).toContainText("Published");
  await expect(organizer.getByTestId("article-status")).not.toContainText("Changes not yet published");
}

test("an article is written, previewed, submitted, published, and found by an anonymous reader", async ({ browser }) => {
  const id = unique();
  const title = `Heatmaps of the whole network ${id}`;
  const alice = await signedIn(browser, "alice@demo.test");
  await startArticle(alice, "0x09: Heatmappers", title);

  await alice.getByLabel("Summary").fill("We drew every cell of the network as a heatmap, live, and found three dead zones nobody knew about.");
  await alice.getByLabel("Tags").fill(`heatmaps-${id}, geodata`);
  const body = alice.getByLabel("Text (Markdown)");
  await body.fill(
    [
      "## What we built",
      "",
      "A live heatmap of **every cell**, drawn from the mobility data.",
      "",
      "## Numbers",
      "",
      "| tiles | render time (ms) |",
      "| ---: | ---: |",
      "| 1,000 | 12 |",
      "| 100,000 | 310 |",
      "",
      "## The hot loop",
      "",
      "```c",
      "static int hottest(const int *cells, int n) {",
      "  int best = 0;",
      "  for (int i = 1; i < n; i++) if (cells[i] > cells[best]) best = i;",
      "  return best;",
      "}",
      "```",
      "",
    ].join("\n"),
  );
  // an image, uploaded into the text where the cursor is
  await alice.getByLabel("insert an image").setInputFiles({ name: "dead-zones.png", mimeType: "image/png", buffer: await photo() });
  await expect(body).toHaveValue(/!\[dead zones\]\(\/uploads\/[a-f0-9]{32}\.png\)/);
  // on a phone, the text and its preview take turns on the screen
  const previewTab = alice.getByRole("button", { name: "Preview", exact: true });
  const phone = await previewTab.isVisible();
  if (phone) await previewTab.click();
  const preview = alice.getByTestId("preview");
  await expect(preview.getByRole("table")).toContainText("100,000");
  await expect(preview.locator("code .hljs-keyword").first()).toHaveText(/static|int|for|return/);
  await expect(preview.getByRole("img", { name: "dead zones" })).toBeVisible();
  await expect(alice.getByTestId("save-status")).toContainText("Saved", { timeout: 10_000 });
  if (phone) await alice.getByRole("button", { name: "Write", exact: true }).click();

  // nothing typed is lost: a reload shows it all
  await alice.reload();
  await expect(alice.getByLabel("Text (Markdown)")).toHaveValue(/## The hot loop/);
  await expect(alice.getByLabel("Summary")).toHaveValue(/three dead zones/);
  await expectAccessible(alice);

  await alice.getByRole("button", { name: "Submit for review" }).click();
  await expect(alice.getByTestId("article-status")).toContainText("In review");
  // authors can't publish
  await expect(alice.getByRole("button", { name: /^Publish/ })).toHaveCount(0);

  const organizer = await signedIn(browser, "organizer@demo.test");
  await publishAs(organizer, title);
  await organizer.getByRole("link", { name: "See the published article" }).click();
  const article = organizer.getByTestId("article");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(title);

  // an anonymous reader
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/editions/0x09");
  await reader.getByRole("region", { name: "Articles" }).getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByText(/Reading time: \d+ minutes?/)).toBeVisible();
  await expect(
    reader
      .getByRole("link", { name: "Alice Martin" })
      .or(reader.getByTestId("article").getByRole("link", { name: /Alice/ }))
      .first(),
  ).toBeVisible();
  await expect(reader.getByTestId("article").getByRole("table")).toContainText("310");
  await expect(reader.locator(".prose pre code .hljs-keyword").first()).toBeVisible();
  const image = reader.getByTestId("article").getByRole("img", { name: "dead zones" });
  await expect(image).toBeVisible();
  // lazily loaded: it comes once scrolled to
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await expect(reader.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "The hot loop" })).toHaveAttribute("href", "#the-hot-loop");
  // a card for link previews, with one canonical address
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(reader.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/articles\/heatmaps-of-the-whole-network/);
  await expectAccessible(reader);
  // nothing wider than the screen, wide tables and code scroll in their own box
  expect(await reader.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // the uploaded image kept no metadata, and is cached for good
  const src = await image.getAttribute("src");
  const response = await reader.request.get(src!);
  expect(response.headers()["cache-control"]).toContain("immutable");
  expect((await sharp(await response.body()).metadata()).exif).toBeUndefined();

  // the list's filters and the search find it; the feed carries it
  await reader.goto(`/articles?tag=heatmaps-${id}`);
  await expect(reader.getByTestId("article-count")).toHaveText(`1 article tagged #heatmaps-${id}.`);
  await reader.goto("/articles");
  await reader.getByRole("searchbox", { name: "Search" }).fill(`dead zones ${id}`);
  await reader.getByLabel("Edition").selectOption("0x09");
  await reader.getByRole("button", { name: "Search" }).click();
  const results = reader.getByRole("main").getByRole("list").first();
  await expect(results.getByRole("link", { name: title })).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
  await expectAccessible(reader);
  const feed = await reader.request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain(`<title>${title}</title>`);

  // edited after publication: nothing changes for readers until it's published again, then "updated on"
  await alice.getByLabel("Summary").fill("We drew every cell of the network as a heatmap, live, and found four dead zones.");
  await expect(alice.getByTestId("save-status")).toContainText("Saved", { timeout: 10_000 });
  await reader.goto(await organizer.url());
  const header = reader.getByTestId("article").locator("header").first();
  await expect(header.getByText("three dead zones")).toBeVisible();
  await expect(header.getByText(/Updated on/)).toHaveCount(0);
  await publishAs(organizer, title);
  await reader.reload();
  await expect(header.getByText("found four dead zones")).toBeVisible();
  await expect(header.getByText(/Updated on/)).toBeVisible();
});

test("an article's page is cached for everyone and follows its publication: waiting, published, unpublished", async ({ browser }) => {
  onlyOn("desktop", "the server decides it, whatever the screen");
  const id = unique();
  const title = `Cached for everyone ${id}`;
  const path = `/articles/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const organizer = await signedIn(browser, "organizer@demo.test");
  await startArticle(organizer, "0x09: no team (organizers)", title);
  await organizer.getByLabel("Summary").fill("A page served the same to every reader, and renewed the moment it changes.");
  await organizer
    .getByLabel("Text (Markdown)")
    .fill("## First version\n\nEvery reader gets the same stored page, and it is renewed the moment the article changes.");
  await expect(organizer.getByTestId("save-status")).toContainText("Saved", { timeout: 10_000 });

  // a reader who comes too early gets "not found", and that answer doesn't outlive the publication
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.request.get(path)).status()).toBe(404);
  // stored pages of another edition's article and of one of this edition's
  const otherEdition = await firstArticleOf(reader, "0x07");
  const sameEdition = await firstArticleOf(reader, "0x09");
  for (const stored of [otherEdition, sameEdition]) await reader.request.get(stored);
  expect((await reader.request.get(otherEdition)).headers()["x-nextjs-cache"]).toBe("HIT");
  await publishAs(organizer, title);
  // exactly the pages concerned are renewed: this edition's articles list it under "More from 0x09", the others stay stored
  expect(await (await reader.request.get(sameEdition)).text()).toContain(title);
  expect((await reader.request.get(otherEdition)).headers()["x-nextjs-cache"]).toBe("HIT");
  const first = await reader.request.get(path);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain(title);
  // from then on the stored page is served, without rendering it again
  const again = await reader.request.get(path);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");

  // the same stored page, with each visitor's own header
  await reader.goto(path);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await organizer.goto(path);
  await expect(organizer.getByRole("banner")).toContainText("Organizer");
  await expect(organizer.getByRole("banner").getByRole("link", { name: "Write" })).toBeVisible();

  // unpublished: gone for readers at once
  await organizer.goto("/write");
  await organizer.getByRole("link", { name: title }).click();
  await organizer.getByRole("button", { name: "Unpublish" }).click();
  await expect(organizer.getByText("Unpublished: it's off the public pages.")).toBeVisible();
  expect((await reader.request.get(path)).status()).toBe(404);
  expect(await (await reader.request.get(sameEdition)).text()).not.toContain(title);
  await reader.reload();
  await expect(reader.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("uploads that aren't images, or are too big, are refused with a clear message", async ({ browser }) => {
  onlyOn("desktop", "the server decides it, whatever the screen");
  const alice = await signedIn(browser, "alice@demo.test");
  await startArticle(alice, "0x09: Heatmappers", `Refused uploads ${unique()}`);
  const insert = alice.getByLabel("insert an image");
  await insert.setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("this is text pretending to be a picture") });
  await expect(alice.getByRole("main").getByRole("alert").first()).toContainText("notes.png: That file isn't an image we take: PNG, JPEG, WebP, GIF or AVIF.");
  await insert.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(9 * 1024 * 1024, 1) });
  await expect(alice.getByRole("main").getByRole("alert").first()).toContainText(/huge\.png: That image is (too large|9\.0 MB)/);
  await expect(alice.getByLabel("Text (Markdown)")).not.toHaveValue(/uploads/);
});

test("hostile Markdown is published and read: nothing runs, nothing injected survives", async ({ browser }) => {
  onlyOn("desktop", "the server decides it, whatever the screen");
  const organizer = await signedIn(browser, "organizer@demo.test");
  const title = `Every trick in the book ${unique()}`;
  await startArticle(organizer, "0x09: no team (organizers)", title);
  await organizer.getByLabel("Summary").fill("A corpus of known XSS payloads, to prove that none of them runs on a published page.");
  await organizer.getByLabel("Text (Markdown)").fill(XSS_PAYLOADS.map((p) => `## ${p.name.replace(/[#<>]/g, "")}\n\n${p.markdown}\n`).join("\n"));
  await expect(organizer.getByTestId("save-status")).toContainText("Saved", { timeout: 10_000 });
  await organizer.getByRole("button", { name: /^Publish/ }).click();
  await expect(organizer.getByTestId("article-status")).toContainText("Published");

  const reader = await (await browser.newContext()).newPage();
  const ran: string[] = [];
  reader.on("dialog", async (dialog) => {
    ran.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await reader.addInitScript(() => {
    (window as unknown as { __xss: string[] }).__xss = [];
    for (const name of ["alert", "confirm", "prompt"] as const)
      window[name] = ((message?: unknown) => void (window as unknown as { __xss: string[] }).__xss.push(String(message))) as never;
  });
  await reader.goto("/articles");
  await reader.getByRole("link", { name: title }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  // give anything deferred a chance to run: hover and focus every link, scroll everything into view
  const links = reader.getByTestId("article").locator(".prose a");
  for (let i = 0; i < Math.min(await links.count(), 40); i++)
    await links
      .nth(i)
      .hover({ trial: false })
      .catch(() => undefined);
  await reader.mouse.wheel(0, 20_000);
  await reader.waitForTimeout(500);
  const injected = await reader.getByTestId("article").evaluate((root) => ({
    scripts: root.querySelectorAll("script, iframe, object, embed, style, svg, math, form, input:not([type=checkbox]), base, meta, link").length,
    handlers: [...root.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name) || a.name === "style")).length,
    urls: [...root.querySelectorAll("[href], [src]")]
      .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "")
      .filter((u) => /^\s*(javascript|vbscript|data):/i.test(u)),
  }));
  expect(injected).toEqual({ scripts: 0, handlers: 0, urls: [] });
  expect(await reader.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([]);
  expect(ran).toEqual([]);
});
