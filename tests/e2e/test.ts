// The `test` every browser scenario uses: Playwright's, plus three rules.
// - A context a scenario opens itself (a second phone, the projector) is
//   closed when the scenario ends, like the page Playwright hands it: left
//   open, its live pages kept streaming, rendering and asking the server for
//   the rest of the run, and every later scenario ran slower for it.
// - No page may have missed a message in the browser: each page carries only
//   the namespaces client components use (app/_lib/messages.ts), and next-intl
//   says in the console when one asks for a message it wasn't given.
// - No page may have thrown an error nobody caught: a component that crashes
//   takes its part of the screen with it (a vote control once vanished when
//   an answer was cut off), and the scenario may not notice what is missing.
import { test as base, expect } from "@playwright/test";

export * from "@playwright/test";

const INTL_ERROR = /\b(MISSING_MESSAGE|INSUFFICIENT_PATH|INVALID_MESSAGE|FORMATTING_ERROR)\b/;

export const test = base.extend<{ closeContexts: void }>({
  closeContexts: [
    async ({ browser }, use) => {
      await use();
      const pages = browser.contexts().flatMap((context) => context.pages());
      const said = await Promise.all(pages.map((page) => page.consoleMessages({ filter: "all" }).catch(() => [])));
      const thrown = await Promise.all(
        pages.map(async (page) => (await page.pageErrors({ filter: "all" }).catch(() => [])).map((error) => `${page.url()}: ${error.stack ?? error.message}`)),
      );
      await Promise.all(browser.contexts().map((context) => context.close()));
      const intlErrors = said.flat().flatMap((message) => (INTL_ERROR.test(message.text()) ? [message.text()] : []));
      expect(intlErrors, "messages a page's client components asked for and weren't given").toEqual([]);
      expect(thrown.flat(), "errors a page threw and nothing caught").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Runs the scenario in one project only, for a file both the laptop and the phone
 * projects run: what the server decides is the same on both, and each browser
 * scenario costs seconds of the suite.
 */
export function onlyOn(project: "desktop" | "phone", why: string) {
  test.skip(test.info().project.name !== project, why);
}
