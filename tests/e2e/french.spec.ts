// The main journeys in French, as a reader whose browser asks for French
// (Accept-Language: fr-FR): signing in, proposing a topic, forming a team,
// voting on a phone and reading an article, each page in French with
// <html lang="fr"> and no serious accessibility violation. Then the footer's
// switch: a choice that outlives the page, and, signed in, follows the
// person to another browser.
import { devices, expect, test, type Browser, type Page } from "./test";
import { expectAccessible, setPhase, signIn, signUp, unique } from "./helpers";

const FRENCH = { locale: "fr-FR" };

async function inFrench(browser: Browser, options = {}): Promise<Page> {
  return (await browser.newContext({ ...FRENCH, ...options })).newPage();
}

/** Signs in through the French form. */
async function seConnecter(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("hexathon");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

test("in French: sign in, propose a topic, form a team, vote on a phone, read an article", async ({ browser }) => {
  test.setTimeout(180_000);
  // the organizer prepares an edition, in English
  const organizer = await (await browser.newContext()).newPage();
  await signIn(organizer, "organizer@demo.test");
  await organizer.goto("/editions/new");
  await organizer.getByLabel("Title").fill(`Hackathon en français ${unique()}`);
  await organizer.getByRole("button", { name: "Create edition" }).click();
  await expect(organizer).toHaveURL(/\/editions\/0x[0-9A-F]+\/manage$/);
  const hex = /\/editions\/(0x[0-9A-F]+)\//.exec(organizer.url())![1];
  const editionUrl = `/editions/${hex}`;
  await setPhase(organizer, editionUrl, "Proposals open");

  // signing in: the page, its labels and its refusal in French
  const alice = await inFrench(browser);
  await alice.goto("/signin");
  await expect(alice.locator("html")).toHaveAttribute("lang", "fr");
  await expect(alice.getByRole("heading", { level: 1 })).toHaveText("Se connecter à Hexathon");
  await alice.getByLabel("E-mail").fill(`personne-${unique()}@demo.test`);
  await alice.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await alice.getByRole("button", { name: "Se connecter", exact: true }).click();
  await expect(alice.getByText("E-mail ou mot de passe incorrect. Vérifiez-les et réessayez.")).toBeVisible();
  await expectAccessible(alice);
  await seConnecter(alice, "alice@demo.test");

  // proposing a topic
  const title = `Tableau de bord des builds ${unique()}`;
  await alice.goto(`${editionUrl}/topics/new`);
  await expect(alice.getByRole("heading", { level: 1 })).toHaveText("Proposer un sujet");
  await alice.getByLabel("Titre").fill(title);
  await alice.getByLabel("Type").selectOption({ label: "Outillage d’équipe" });
  await alice.getByLabel("Pitch").fill("Voir d’un coup d’œil quels builds échouent, et pourquoi.");
  await alice.getByRole("button", { name: "Proposer le sujet" }).click();
  await expect(alice.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(alice.getByRole("main")).toContainText("En attente de validation");
  await expectAccessible(alice);

  // forming a team around the organizer's topic, while another team forms in English
  await organizer.goto(`${editionUrl}/topics/new`);
  await organizer.getByLabel("Title").fill("A topic for two teams");
  await organizer.getByLabel("Kind").selectOption({ label: "Fun" });
  await organizer.getByLabel("Pitch").fill("Two teams, one vote in French.");
  await organizer.getByRole("button", { name: "Propose topic" }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "A topic for two teams" })).toBeVisible();
  const topicUrl = new URL(organizer.url()).pathname;
  await setPhase(organizer, editionUrl, "Teams forming");
  await organizer.goto(topicUrl);
  await organizer.getByLabel("Team name").fill("Les Anglais");
  await organizer.getByRole("button", { name: "Create team" }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "Les Anglais" })).toBeVisible();
  await alice.goto(topicUrl);
  await alice.getByLabel("Nom de l’équipe").fill("Les Français");
  await alice.getByRole("button", { name: "Créer l’équipe" }).click();
  await expect(alice.getByRole("heading", { level: 1, name: "Les Français" })).toBeVisible();
  await expectAccessible(alice);

  // voting on a phone: joining by the code, picking, sending
  const api = `/api/editions/${hex}/vote`;
  const rules = { method: "RANKED", picks: 2, requireSignIn: false, audienceWeight: 1, bonusWeight: 1, publicVotePrize: false, foldPlusAddresses: false };
  const settings = await organizer.request.patch(api, { data: rules });
  expect(settings.status(), await settings.text()).toBe(200);
  const code = ((await settings.json()) as { joinCode: string }).joinCode;
  expect((await organizer.request.post(api, { data: { action: "open" } })).status()).toBe(200);
  const phone = await inFrench(browser, devices["Pixel 7"]);
  await phone.goto("/vote");
  await phone.getByLabel("Code affiché à l’écran").fill(code);
  await phone.getByRole("button", { name: "Rejoindre" }).click();
  await expect(phone).toHaveURL(new RegExp(`/vote/${code}$`));
  const list = phone.getByRole("list", { name: "Équipes" });
  await expect(list).toHaveAttribute("data-ready", "true");
  await expect(phone.getByRole("main")).toContainText("0 choisi sur 2");
  await list.getByRole("button", { name: /^Les Français/ }).click();
  await list.getByRole("button", { name: /^Les Anglais/ }).click();
  await phone.getByRole("button", { name: "Envoyer mon vote" }).click();
  await expect(phone.getByRole("status")).toContainText("Vote enregistré\u00a0: 1er Les Français, 2e Les Anglais");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await phone.evaluate(() => window.innerWidth));
  await expectAccessible(phone);
  expect((await organizer.request.post(api, { data: { action: "close" } })).status()).toBe(200);

  // reading an article
  const reader = await inFrench(browser);
  await reader.goto("/articles");
  await expect(reader.locator("html")).toHaveAttribute("lang", "fr");
  await expect(reader.getByRole("button", { name: "Rechercher" })).toBeVisible();
  await expectAccessible(reader);
  await reader.locator('main a[href^="/articles/"]').first().click();
  await expect(reader.getByRole("main")).toContainText(/Temps de lecture\u00a0: \d+ minutes?/);
  await expect(reader.getByRole("main")).toContainText("Publié le");
  await expectAccessible(reader);

  // back to a draft: the other walks see the demo as it was
  await setPhase(organizer, editionUrl, "Draft");
});

test("the footer's switch: the choice stays in this browser, and a signed-in person's follows them to another", async ({ browser }) => {
  // a reader whose browser asks for French reads in English once they choose it, on every page after
  const reader = await inFrench(browser);
  await reader.goto("/editions");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Éditions");
  const footer = reader.getByRole("contentinfo");
  await expect(footer.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await footer.getByRole("button", { name: "English" }).click();
  await expect(reader).toHaveURL(/\/editions$/);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Editions");
  await expect(reader.locator("html")).toHaveAttribute("lang", "en");
  await reader.goto("/articles");
  await expect(reader.getByRole("button", { name: "Search" })).toBeVisible();

  // someone who signs up in English and chooses French…
  const email = `lucie-${unique()}@demo.test`;
  const lucie = await (await browser.newContext()).newPage();
  await signUp(lucie, { name: "Lucie", email, password: "a long enough password" });
  await lucie.goto("/account");
  await lucie.getByRole("contentinfo").getByRole("button", { name: "Français" }).click();
  await expect(lucie.getByRole("heading", { level: 1 })).toHaveText("Votre compte");

  // …reads in French on another computer, whose browser asks for English, once signed in
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto("/signin");
  await elsewhere.getByLabel("Email").fill(email);
  await elsewhere.getByLabel("Password").fill("a long enough password");
  await elsewhere.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "fr");
  await expect(elsewhere.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
});
