// Issue 11: one person (or one team) could fill the match workers with
// practice matches. One match at a time per person, a few per team.
import { describe, expect, it } from "vitest";
import { ArenaLimiter, PRACTICE_PER_TEAM } from "@/lib/arena/commands";
import { expectDomainError } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

/** A match that runs until the test says it's over. */
function match() {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { play: () => done, finish, fail };
}

describe("the practice limiter", () => {
  it("refuses a person's second match while the first runs, with a message, and allows it once the first is over", async () => {
    const limiter = new ArenaLimiter();
    const ada = { userId: "ada", teamId: null };
    const first = match();
    const running = limiter.run(ada, first.play);
    const second = await expectDomainError(limiter.run(ada, async () => "second"));
    expect(second.code).toBe("RATE_LIMITED");
    expect(translate(second.message, "en")).toBe(
      "You already have a match running (a practice match or your bot's check): wait for it to finish, then try again.",
    );
    // somebody else isn't held up
    expect(await limiter.run({ userId: "bob", teamId: null }, async () => "bob's")).toBe("bob's");
    first.finish("first");
    expect(await running).toBe("first");
    expect(await limiter.run(ada, async () => "again")).toBe("again");
  });

  it("releases a match that failed", async () => {
    const limiter = new ArenaLimiter();
    const ada = { userId: "ada", teamId: "t1" };
    const failing = match();
    const running = limiter.run(ada, failing.play);
    failing.fail(new Error("the worker died"));
    await expect(running).rejects.toThrow("the worker died");
    expect(await limiter.run(ada, async () => "again")).toBe("again");
    expect(limiter.running()).toEqual({ people: 0, teams: 0 });
  });

  it("caps a team's matches at once, whoever of the team asks", async () => {
    const limiter = new ArenaLimiter();
    const [a, b] = [match(), match()];
    const ra = limiter.run({ userId: "ada", teamId: "t1" }, a.play);
    const rb = limiter.run({ userId: "bea", teamId: "t1" }, b.play);
    const third = await expectDomainError(limiter.run({ userId: "cat", teamId: "t1" }, async () => "cat's"));
    expect(third.code).toBe("RATE_LIMITED");
    expect(translate(third.message, "en")).toBe(`Your team already has ${PRACTICE_PER_TEAM} matches running: wait for one to finish, then try again.`);
    // the refused request took nothing
    expect(limiter.running()).toEqual({ people: 2, teams: 1 });
    // another team, and someone in no team, aren't held up
    expect(await limiter.run({ userId: "dan", teamId: "t2" }, async () => "dan's")).toBe("dan's");
    expect(await limiter.run({ userId: "eve", teamId: null }, async () => "eve's")).toBe("eve's");
    a.finish("a");
    await ra;
    expect(await limiter.run({ userId: "cat", teamId: "t1" }, async () => "cat's")).toBe("cat's");
    b.finish("b");
    await rb;
    expect(limiter.running()).toEqual({ people: 0, teams: 0 });
  });
});
