import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { signInSchema, signUpSchema, roleChangeSchema } from "@/lib/people/schemas";
import { agendaItemSchema, editionSchema, phaseSchema } from "@/lib/editions/schemas";
import { moveMemberSchema, teamSchema } from "@/lib/teams/schemas";
import { rejectTopicSchema, topicListQuerySchema, topicSchema } from "@/lib/topics/schemas";
import { challengeSchema } from "@/lib/challenges/schemas";
import { webhookSchema } from "@/lib/notifications/schemas";
import { translate } from "@/lib/platform/i18n";

/** The messages of a failed parse, keyed by field path ("" for the form as a whole). */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(translate(issue.message, "en"));
  return errors;
}

describe("editionSchema", () => {
  const valid = {
    number: "9",
    title: "Hackathon 0x09",
    timezone: "Europe/Paris",
    hackingStartsAt: "2020-01-16T09:00",
    presentationsStartAt: "2020-01-17T16:00",
    endsAt: "2020-01-17T19:00",
  };

  it("accepts a complete edition, reading the number from the form and defaulting the team size to 5", () => {
    expect(editionSchema.parse(valid)).toEqual({ ...valid, number: 9, maxTeamSize: 5 });
  });

  it("trims text and accepts seconds in times", () => {
    const parsed = editionSchema.parse({ ...valid, title: "  Hackathon 0x09  ", timezone: " Europe/Paris ", endsAt: "2020-01-17T19:00:00" });
    expect(parsed.title).toBe("Hackathon 0x09");
    expect(parsed.timezone).toBe("Europe/Paris");
  });

  it("rejects presentations before hacking starts, next to the presentations field", () => {
    expect(errorsOf(editionSchema, { ...valid, presentationsStartAt: "2020-01-15T16:00" })).toEqual({
      presentationsStartAt: ["Presentations start after hacking starts."],
    });
  });

  it("rejects presentations at the very moment hacking starts", () => {
    expect(errorsOf(editionSchema, { ...valid, presentationsStartAt: valid.hackingStartsAt })).toHaveProperty("presentationsStartAt");
  });

  it("rejects an end before the presentations, next to the end field, but allows them to coincide", () => {
    expect(errorsOf(editionSchema, { ...valid, endsAt: "2020-01-17T15:00" })).toEqual({
      endsAt: ["The edition ends after the presentations start."],
    });
    expect(editionSchema.safeParse({ ...valid, endsAt: valid.presentationsStartAt }).success).toBe(true);
  });

  it("asks for a real timezone name", () => {
    expect(errorsOf(editionSchema, { ...valid, timezone: "Paris" })).toEqual({ timezone: ["Use a timezone name such as Europe/Paris."] });
    expect(errorsOf(editionSchema, { ...valid, timezone: " " }).timezone).toContain("Timezone is required.");
  });

  it("asks for a date and a time in the right field", () => {
    expect(errorsOf(editionSchema, { ...valid, hackingStartsAt: "16/01/2020 09:00" })).toEqual({
      hackingStartsAt: ["Hacking start: pick a date and a time."],
    });
    expect(errorsOf(editionSchema, { ...valid, endsAt: undefined })).toEqual({ endsAt: ["End is required."] });
  });

  it("explains what is wrong with the number", () => {
    expect(errorsOf(editionSchema, { ...valid, number: "0" })).toEqual({ number: ["Number must be at least 1."] });
    expect(errorsOf(editionSchema, { ...valid, number: "nine" })).toEqual({ number: ["Number must be a number."] });
    expect(errorsOf(editionSchema, { ...valid, number: "9.5" })).toEqual({ number: ["Number must be a whole number."] });
    expect(errorsOf(editionSchema, { ...valid, number: 0x10000 })).toEqual({ number: ["Number must be at most 65535."] });
  });

  it("bounds the team size cap", () => {
    expect(editionSchema.parse({ ...valid, maxTeamSize: "4" }).maxTeamSize).toBe(4);
    expect(errorsOf(editionSchema, { ...valid, maxTeamSize: "0" })).toEqual({ maxTeamSize: ["Team size cap must be at least 1."] });
    expect(errorsOf(editionSchema, { ...valid, maxTeamSize: "51" })).toEqual({ maxTeamSize: ["Team size cap must be at most 50."] });
  });

  it("asks for a title of at least 3 characters", () => {
    expect(errorsOf(editionSchema, { ...valid, title: "  x " })).toEqual({ title: ["Title needs at least 3 characters."] });
  });
});

describe("phaseSchema", () => {
  it("accepts the known phases only", () => {
    expect(phaseSchema.parse({ phase: "VOTING" })).toEqual({ phase: "VOTING" });
    expect(errorsOf(phaseSchema, { phase: "PARTY" })).toEqual({ phase: ["Pick one of the phases."] });
  });
});

describe("agendaItemSchema", () => {
  const pizzas = { title: "Pizzas", startsAt: "2020-01-16T19:00" };

  it("accepts an item without an end, location or description", () => {
    expect(agendaItemSchema.parse(pizzas)).toEqual({ ...pizzas, endsAt: undefined, location: "", description: "" });
  });

  it("treats an empty end field as no end", () => {
    expect(agendaItemSchema.parse({ ...pizzas, endsAt: "" }).endsAt).toBeUndefined();
    expect(agendaItemSchema.parse({ ...pizzas, endsAt: "   " }).endsAt).toBeUndefined();
  });

  it("accepts an end after the start", () => {
    expect(agendaItemSchema.parse({ ...pizzas, endsAt: "2020-01-16T20:00" }).endsAt).toBe("2020-01-16T20:00");
  });

  it("rejects an end before, or equal to, the start, next to the end field", () => {
    expect(errorsOf(agendaItemSchema, { ...pizzas, endsAt: "2020-01-16T18:00" })).toEqual({ endsAt: ["The end comes after the start."] });
    expect(errorsOf(agendaItemSchema, { ...pizzas, endsAt: pizzas.startsAt })).toEqual({ endsAt: ["The end comes after the start."] });
  });

  it("asks for a date and a time", () => {
    expect(errorsOf(agendaItemSchema, { ...pizzas, startsAt: "tonight" })).toEqual({ startsAt: ["Start: pick a date and a time."] });
    expect(errorsOf(agendaItemSchema, { ...pizzas, endsAt: "later" })).toEqual({ endsAt: ["End: pick a date and a time."] });
  });

  it("limits the location and the description", () => {
    expect(errorsOf(agendaItemSchema, { ...pizzas, location: "x".repeat(121) })).toEqual({
      location: ["Location can't be longer than 120 characters."],
    });
    expect(errorsOf(agendaItemSchema, { ...pizzas, description: "x".repeat(501) })).toEqual({
      description: ["Description can't be longer than 500 characters."],
    });
  });
});

describe("topicSchema", () => {
  const topic = { title: "Tracing with eBPF", pitch: "Trace the C core library with USDT probes.", kind: "TEAM_TOOLING" };

  it("accepts a topic and trims its text", () => {
    expect(topicSchema.parse({ ...topic, title: "  Tracing with eBPF \n", pitch: `\n ${topic.pitch}  ` })).toEqual(topic);
  });

  it("rejects a too-short pitch with a readable message", () => {
    expect(errorsOf(topicSchema, { ...topic, pitch: "eBPF!" })).toEqual({ pitch: ["Pitch needs at least 10 characters."] });
  });

  it("counts the pitch's length after trimming", () => {
    expect(errorsOf(topicSchema, { ...topic, pitch: "   short      " })).toEqual({ pitch: ["Pitch needs at least 10 characters."] });
  });

  it("limits the pitch's length", () => {
    expect(errorsOf(topicSchema, { ...topic, pitch: "x".repeat(10_001) })).toEqual({ pitch: ["Pitch can't be longer than 10000 characters."] });
  });

  it("asks for a title and a known kind", () => {
    expect(errorsOf(topicSchema, { ...topic, title: undefined })).toEqual({ title: ["Title is required."] });
    expect(errorsOf(topicSchema, { ...topic, title: "ab" })).toEqual({ title: ["Title needs at least 3 characters."] });
    expect(errorsOf(topicSchema, { ...topic, kind: "BORING" })).toEqual({ kind: ["Pick the kind of topic."] });
  });

  it("reports every problem at once", () => {
    expect(Object.keys(errorsOf(topicSchema, {})).sort()).toEqual(["kind", "pitch", "title"]);
  });
});

describe("rejectTopicSchema", () => {
  it("asks for a reason", () => {
    expect(errorsOf(rejectTopicSchema, { reason: " " })).toEqual({ reason: ["Reason is required."] });
    expect(errorsOf(rejectTopicSchema, { reason: "no" })).toEqual({ reason: ["Reason needs at least 3 characters."] });
  });
});

describe("topicListQuerySchema", () => {
  it("falls back to sensible defaults on unknown query values instead of failing", () => {
    expect(topicListQuerySchema.parse({})).toEqual({ kind: undefined, sort: "interest" });
    expect(topicListQuerySchema.parse({ kind: "NOPE", sort: "random" })).toEqual({ kind: undefined, sort: "interest" });
    expect(topicListQuerySchema.parse({ kind: "FUN", sort: "recent" })).toEqual({ kind: "FUN", sort: "recent" });
  });
});

describe("signUpSchema", () => {
  const person = { name: "Alice Martin", email: "alice@example.com", password: "correct horse battery" };

  it("trims and lowercases the email", () => {
    expect(signUpSchema.parse({ ...person, email: "  Alice.Martin@Example.COM " }).email).toBe("alice.martin@example.com");
  });

  it.each(["alice", "alice@", "@example.com", "alice example.com", "alice@@example.com"])("rejects the bad email %j", (email) => {
    expect(errorsOf(signUpSchema, { ...person, email })).toEqual({ email: ["Enter an email address like name@company.com."] });
  });

  it("asks for an email when it is missing or blank", () => {
    expect(errorsOf(signUpSchema, { ...person, email: undefined })).toEqual({ email: ["Email is required."] });
    expect(errorsOf(signUpSchema, { ...person, email: "   " })).toEqual({ email: ["Email is required."] });
  });

  it("asks for a password of at least 8 characters", () => {
    expect(errorsOf(signUpSchema, { ...person, password: "short" })).toEqual({ password: ["Use at least 8 characters for your password."] });
  });

  it("does not trim the password", () => {
    expect(signUpSchema.parse({ ...person, password: " spaced password " }).password).toBe(" spaced password ");
  });

  it("asks for a name", () => {
    expect(errorsOf(signUpSchema, { ...person, name: "   " })).toEqual({ name: ["Name is required."] });
  });
});

describe("signInSchema", () => {
  it("lowercases the email and only requires some password", () => {
    expect(signInSchema.parse({ email: "BOB@example.com", password: "x" })).toEqual({ email: "bob@example.com", password: "x" });
    expect(errorsOf(signInSchema, { email: "bob@example.com", password: "" })).toEqual({ password: ["Password is required."] });
  });
});

describe("teams and roles", () => {
  it("requires a team name of at least 2 characters and a topic", () => {
    expect(teamSchema.parse({ name: " Laws of the Universe ", topicId: "t1" })).toEqual({ name: "Laws of the Universe", topicId: "t1", memberIds: [] });
    expect(errorsOf(teamSchema, { name: "L", topicId: "" })).toEqual({
      name: ["Team name needs at least 2 characters."],
      topicId: ["An id is required."],
    });
  });

  it("reads an empty team in a move as taking the person out of any team", () => {
    expect(moveMemberSchema.parse({ userId: "u1", teamId: "" })).toEqual({ userId: "u1", teamId: null });
    expect(moveMemberSchema.parse({ userId: "u1", teamId: "team1" })).toEqual({ userId: "u1", teamId: "team1" });
  });

  it("accepts the three roles only", () => {
    expect(roleChangeSchema.parse({ userId: "u1", role: "JUDGE" }).role).toBe("JUDGE");
    expect(errorsOf(roleChangeSchema, { userId: "u1", role: "ADMIN" })).toEqual({ role: ["Pick organizer, judge or employee."] });
  });
});

describe("challengeSchema", () => {
  // what a browser sends: an unticked checkbox and an empty optional number are simply missing or empty
  const form = {
    kind: "TOURNAMENT",
    title: "Bot tournament",
    statement: "Play.",
    opensAt: "2026-11-24T10:00",
    closesAt: "2026-11-25T15:30",
    scoring: "JUDGE",
    rankPoints: "10, 7, 5",
    fixedPoints: "5",
    maxPoints: "10",
    answers: "",
    game: "connect4",
    matchRounds: "20",
    matchesPerPair: "2",
    format: "SWISS",
    swissRounds: "",
  };

  it("reads a form with the checkbox unticked and no Swiss rounds given", () => {
    const parsed = challengeSchema.parse(form);
    expect(parsed).toMatchObject({ hiddenUntilOpen: false, game: "connect4", matchRounds: 20, matchesPerPair: 2, format: "SWISS", swissRounds: null });
    expect(challengeSchema.parse({ ...form, hiddenUntilOpen: "on", swissRounds: "5" })).toMatchObject({ hiddenUntilOpen: true, swissRounds: 5 });
    const { swissRounds: _, ...withoutSwiss } = form;
    expect(challengeSchema.parse(withoutSwiss).swissRounds).toBeNull();
  });

  it("refuses an unknown game or format, and more rounds than the game allows", () => {
    expect(errorsOf(challengeSchema, { ...form, game: "chess" })).toEqual({ game: ["Pick the tournament's game."] });
    expect(errorsOf(challengeSchema, { ...form, format: "KNOCKOUT" })).toEqual({ format: ["Pick round robin or Swiss."] });
    expect(errorsOf(challengeSchema, { ...form, matchRounds: "500" })).toEqual({ matchRounds: ["At most 200 games per match in Connect Four."] });
    expect(errorsOf(challengeSchema, { ...form, matchesPerPair: "12" })).toEqual({ matchesPerPair: ["Matches per pair must be at most 9."] });
    expect(errorsOf(challengeSchema, { ...form, swissRounds: "0" })).toEqual({ swissRounds: ["Swiss rounds must be at least 1."] });
  });
});

describe("zod's own messages", () => {
  it("read in each language where a schema gives none: a wrong type, an unknown field, a bound, a form", async () => {
    const { z } = await import("zod");
    await import("@/lib/platform/schemas");
    const schema = z.strictObject({ n: z.number().max(5), tags: z.array(z.string()).min(2), email: z.email(), kind: z.enum(["A", "B"]), name: z.string() });
    const result = schema.safeParse({ n: "x", tags: ["a"], email: "nope", kind: "C", extra: 1, other: 2 });
    expect(result.success).toBe(false);
    const said = (locale: "en" | "fr") =>
      Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join(".") || "(form)", translate(issue.message, locale)]));
    expect(said("en")).toEqual({
      n: "This must be a number.",
      tags: "Give at least 2.",
      email: "That is not an email address.",
      kind: "That is not one of the choices.",
      name: "This is required.",
      "(form)": "Unexpected fields: extra, other.",
    });
    expect(said("fr")).toEqual({
      n: "Ceci doit être un nombre.",
      tags: "Donnez-en au moins 2.",
      email: "Ce n’est pas une adresse e-mail.",
      kind: "Ce n’est pas l’un des choix proposés.",
      name: "Ce champ est obligatoire.",
      "(form)": "Champs inattendus\u00a0: extra, other.",
    });
    expect(translate(z.string().max(3).safeParse("abcd").error!.issues[0].message, "en")).toBe("This can't be longer than 3 characters.");
  });
});

describe("webhookSchema", () => {
  const valid = { kind: "SLACK", name: "#hackathon", url: "https://hooks.slack.com/services/T0/B0/x", events: ["phase.changed"] };

  it("keeps a channel's language, and none picked (or the form's empty choice) means the instance's", () => {
    expect(webhookSchema.parse({ ...valid, locale: "fr" }).locale).toBe("fr");
    expect(webhookSchema.parse({ ...valid, locale: "" }).locale).toBeNull();
    expect(webhookSchema.parse(valid).locale).toBeNull();
  });

  it("refuses a language Hexathon doesn't speak, next to the language field", () => {
    expect(errorsOf(webhookSchema, { ...valid, locale: "xx-evil" })).toEqual({ locale: ["Pick a language Hexathon speaks, or the instance’s."] });
  });
});
