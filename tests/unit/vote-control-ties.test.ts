// The organizer's results (components/vote/vote-control.tsx) as the server
// renders them: a shared place reads "=2", and under the table the ties are
// spelled out: who shares which place, which rule put a team ahead on equal
// points (with the figures), and the rule itself.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderInEnglish } from "../helpers/in-english";
import { VoteControl } from "@/components/vote/vote-control";
import { translate } from "@/lib/platform/i18n";
import { describeTieBreak, rankTeams, sharedPlaceNote, tieBreakRule, type TeamTally } from "@/lib/votes/rules";
import type { Results, VoteSettings, VoteSnapshot } from "@/lib/votes/queries";

const settings: VoteSettings = {
  method: "RANKED",
  picks: 3,
  requireSignIn: false,
  audienceWeight: 1,
  bonusWeight: 1,
  publicVotePrize: false,
  foldPlusAddresses: false,
};

/** Results as computeResults makes them, from tallies (team ids are the names). */
function results(tallies: TeamTally[]): Results {
  const ranking = rankTeams(tallies, new Map(), { audience: 1, bonus: 1 }).map((r) => ({
    ...r,
    name: r.teamId,
    topic: null,
    tieBreakNote: r.tieBreak ? describeTieBreak(r.tieBreak, r.tieBreak.overTeamIds) : null,
  }));
  return { ranking, ballots: 4, settings, tieBreakRule: tieBreakRule(settings), sharedNote: ranking.some((r) => r.tied) ? sharedPlaceNote(settings) : null };
}

const tally = (teamId: string, audiencePoints: number, placeCounts: number[]): TeamTally => ({ teamId, audiencePoints, placeCounts, ballots: 0 });

function render(r: Results) {
  const vote: VoteSnapshot = {
    status: "CLOSED",
    joinCode: "K7PQ2M",
    method: "RANKED",
    picks: 3,
    requireSignIn: false,
    ballots: r.ballots,
    revealed: [],
    podiumSize: 2,
    nextRevealPlace: 2,
    sharedNote: null,
  };
  const html = renderInEnglish(
    createElement(VoteControl, {
      editionSlug: "0x0B",
      initialVote: vote,
      initialSettings: settings,
      initialResults: r,
      initialAudit: { ballots: r.ballots, voided: 0, addresses: [], otherAddresses: { addresses: 0, ballots: 0 }, minutes: [], voids: [] },
      timeZone: "Europe/Paris",
      signInAdvice: null,
      voteUrl: "http://localhost/vote/K7PQ2M",
    }),
  );
  const text = (fragment: string) =>
    fragment
      .replace(/<(tr|li|p)[^>]*>/g, "\n")
      .replace(/<[^>]+>/g, " ")
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean);
  const tbody = /<tbody[^>]*data-testid="results"[^>]*>([\s\S]*?)<\/tbody>/.exec(html)![1];
  const ties = /<div[^>]*data-testid="ties"[^>]*>([\s\S]*?)<\/div>/.exec(html)![1];
  return { rows: text(tbody), ties: text(ties) };
}

describe("the organizer's results", () => {
  it("marks a shared place with '=' and spells out the ties and the rule that decided", () => {
    const { rows, ties } = render(
      results([tally("Tie Alpha", 6, [1, 1, 1]), tally("Tie Bravo", 6, [1, 1, 1]), tally("Tie Charlie", 6, [2, 0, 0]), tally("Tie Delta", 4, [0, 2, 0])]),
    );
    expect(rows).toEqual(["1 Tie Charlie 6 0 6", "=2 Tie Alpha 6 0 6", "=2 Tie Bravo 6 0 6", "4 Tie Delta 4 0 4"]);
    expect(ties).toEqual([
      "Tie Alpha and Tie Bravo share 2nd place.",
      "Tie Charlie (1st): ahead of Tie Alpha and Tie Bravo on first-place votes: 2 to 1.",
      "Equal totals are decided by more audience points, then more first-place votes, then more second-place votes, then more third-place votes; teams equal on all of these share the place.",
    ]);
  });

  it("names the rule for each step of a three-way tie broken down the chain", () => {
    const { rows, ties } = render(results([tally("Ada", 6, [1, 1, 1]), tally("Bit", 6, [1, 0, 3]), tally("Cog", 6, [2, 0, 0])]));
    expect(rows.map((r) => r.split(" ")[0])).toEqual(["1", "2", "3"]);
    expect(ties.slice(0, 2)).toEqual(["Cog (1st): ahead of Ada on first-place votes: 2 to 1.", "Ada (2nd): ahead of Bit on second-place votes: 1 to 0."]);
  });

  it("lists no tie when there is none, nor the teams nobody voted for sharing the last place", () => {
    const { ties } = render(results([tally("Ada", 9, [3, 0, 0]), tally("Bit", 0, [0, 0, 0]), tally("Cog", 0, [0, 0, 0])]));
    expect(ties).toEqual([translate(tieBreakRule(settings), "en")]);
  });
});
