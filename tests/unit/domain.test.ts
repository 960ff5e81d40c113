import { describe, expect, it } from "vitest";
import { PHASES, PHASE_DESCRIPTIONS, PHASE_LABELS, formatEditionNumber, isPhase, parseEditionSlug } from "@/lib/editions/rules";
import { ROLES, ROLE_LABELS, isRole } from "@/lib/people/rules";
import { TOPIC_KINDS, TOPIC_KIND_DESCRIPTIONS, TOPIC_KIND_LABELS, TOPIC_STATUSES, TOPIC_STATUS_LABELS } from "@/lib/topics/rules";

describe("formatEditionNumber", () => {
  it.each([
    [1, "0x01"],
    [9, "0x09"],
    [10, "0x0A"],
    [15, "0x0F"],
    [16, "0x10"],
    [255, "0xFF"],
    [256, "0x100"],
    [0xffff, "0xFFFF"],
  ])("shows edition %i as %s", (n, shown) => {
    expect(formatEditionNumber(n)).toBe(shown);
  });
});

describe("parseEditionSlug", () => {
  it.each([
    ["0x09", 9],
    ["0x9", 9],
    ["0X0a", 10],
    ["0x0A", 10],
    ["0xff", 255],
    ["0x100", 256],
    ["0xFFFF", 0xffff],
    [" 0x09 ", 9],
  ])("reads %j as edition %i", (slug, n) => {
    expect(parseEditionSlug(slug)).toBe(n);
  });

  it.each(["9", "09", "0x", "0xZZ", "0x0", "0x00", "0x09; drop", "x09", "0x-1", "0x1.5", "0x10000", "", "0x 9"])("rejects %j", (slug) => {
    expect(parseEditionSlug(slug)).toBeNull();
  });

  it("round-trips with formatEditionNumber for every edition number", () => {
    for (let n = 1; n <= 0xffff; n += 37) expect(parseEditionSlug(formatEditionNumber(n))).toBe(n);
  });
});

describe("vocabulary", () => {
  it("lists the phases in the order an edition goes through them", () => {
    expect(PHASES).toEqual(["DRAFT", "PROPOSALS_OPEN", "TEAMS_FORMING", "HACKING", "PRESENTATIONS", "VOTING", "CLOSED", "ARCHIVED"]);
  });

  it("has a label and a description for every phase, role, topic kind and status", () => {
    for (const p of PHASES) {
      expect(PHASE_LABELS[p]).toBeTruthy();
      expect(PHASE_DESCRIPTIONS[p]).toBeTruthy();
    }
    for (const r of ROLES) expect(ROLE_LABELS[r]).toBeTruthy();
    for (const k of TOPIC_KINDS) {
      expect(TOPIC_KIND_LABELS[k]).toBeTruthy();
      expect(TOPIC_KIND_DESCRIPTIONS[k]).toBeTruthy();
    }
    for (const s of TOPIC_STATUSES) expect(TOPIC_STATUS_LABELS[s]).toBeTruthy();
  });

  it("recognises roles and phases exactly (case matters)", () => {
    expect(isRole("JUDGE")).toBe(true);
    expect(isRole("judge")).toBe(false);
    expect(isRole("ADMIN")).toBe(false);
    expect(isPhase("VOTING")).toBe(true);
    expect(isPhase("voting")).toBe(false);
    expect(isPhase("")).toBe(false);
  });
});
