// The podium as the projector and the live page draw it: a shared place shows
// its teams together under one heading with why they share it, and a team a
// tie-break put ahead on equal points says which rule decided.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderInEnglish } from "../helpers/in-english";
import { Podium } from "@/components/live/vote-screens";
import type { RevealedPlace } from "@/lib/votes/queries";

const place = (p: Partial<RevealedPlace> & Pick<RevealedPlace, "place" | "name">): RevealedPlace => ({
  teamId: p.name,
  topic: null,
  audiencePoints: 6,
  bonusPoints: 0,
  total: 6,
  tied: false,
  tieBreakNote: null,
  ...p,
});

/** The podium's text, one line per element that holds text. */
function text(places: RevealedPlace[], sharedNote: string | null) {
  const html = renderInEnglish(createElement(Podium, { places, more: false, sharedNote, projector: true }));
  return html
    .replace(/<(p|li|h1|div|span)[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

describe("the podium on the projector", () => {
  it("shows a three-way tie equal on every tie-break as one shared place, with the reason", () => {
    const lines = text(
      [
        place({ place: 1, name: "Byte Me", tied: true }),
        place({ place: 1, name: "Snake Case", tied: true }),
        place({ place: 1, name: "Heatmappers", tied: true }),
      ],
      "A shared place: equal on points, audience points, first-place votes, second-place votes and third-place votes.",
    );
    expect(lines.filter((l) => /place/.test(l) && !/^A shared/.test(l))).toEqual(["First place, shared by 3 teams"]);
    expect(lines).toEqual(expect.arrayContaining(["Byte Me", "Snake Case", "Heatmappers"]));
    expect(lines).toContain("A shared place: equal on points, audience points, first-place votes, second-place votes and third-place votes.");
  });

  it("says which rule put a team ahead on equal points, once for a shared place", () => {
    const lines = text(
      [
        place({ place: 1, name: "Kernel Sanders", tieBreakNote: "Ahead of Byte Me and Snake Case on first-place votes: 2 to 1" }),
        place({ place: 2, name: "Byte Me", tied: true }),
        place({ place: 2, name: "Snake Case", tied: true }),
      ],
      "A shared place: equal on points and audience points.",
    );
    expect(lines.slice(1, 4)).toEqual(["First place", "Kernel Sanders", "6 pts (6 audience + 0 bonus)"]);
    expect(lines[4]).toBe("Ahead of Byte Me and Snake Case on first-place votes: 2 to 1");
    expect(lines.filter((l) => l.startsWith("Second place"))).toEqual(["Second place, shared by 2 teams"]);
    expect(lines.filter((l) => l.startsWith("Ahead of"))).toHaveLength(1);
  });

  it("says nothing about ties when there are none", () => {
    const lines = text([place({ place: 3, name: "Heatmappers", total: 3 })], null);
    expect(lines.some((l) => /shared|Ahead of/.test(l))).toBe(false);
    expect(lines).toContain("Third place");
  });
});
