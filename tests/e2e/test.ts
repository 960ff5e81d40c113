// The `test` every browser scenario uses: Playwright's, plus one rule. A
// context a scenario opens itself (a second phone, the projector) is closed
// when the scenario ends, like the page Playwright hands it: left open, its
// live pages kept streaming, rendering and asking the server for the rest of
// the run, and every later scenario ran slower for it.
import { test as base } from "@playwright/test";

export * from "@playwright/test";

export const test = base.extend<{ closeContexts: void }>({
  closeContexts: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
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
