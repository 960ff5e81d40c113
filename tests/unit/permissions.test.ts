import { describe, expect, it } from "vitest";
import { PHASES, type Phase, canManageEditions, canSeeEdition } from "@/lib/editions/rules";
import {
  TOPIC_STATUSES,
  type TopicStatus,
  canEditTopic,
  canModerateTopic,
  canProposeTopic,
  canSeeTopic,
  canShowInterest,
  explainTopicProposalsClosed,
  topicIsOpen,
  topicProposalsOpen,
} from "@/lib/topics/rules";
import { DomainError } from "@/lib/platform/errors";
import { assertOrganizer, canManageRoles, isOrganizer, requireActor, type Actor } from "@/lib/people/rules";
import { canChangeOwnTeam, canEditTeam, canMovePeople, explainTeamsLocked, teamsOpen } from "@/lib/teams/rules";
import { translate } from "@/lib/platform/i18n";

const organizer: Actor = { id: "olga", role: "ORGANIZER" };
const judge: Actor = { id: "jules", role: "JUDGE" };
const proposer: Actor = { id: "alice", role: "EMPLOYEE" };
const otherEmployee: Actor = { id: "bob", role: "EMPLOYEE" };
const anonymous = null;

const topic = (status: TopicStatus = "PENDING", proposerId = proposer.id) => ({ proposerId, status });

/** The phases, in order, in which `allowed` says yes. */
const phasesWhere = (allowed: (edition: { phase: Phase }) => boolean): Phase[] => PHASES.filter((phase) => allowed({ phase }));

const ALL_PHASES = [...PHASES];
const PROPOSAL_PHASES: Phase[] = ["PROPOSALS_OPEN", "TEAMS_FORMING"];
const ALL_BUT_ARCHIVED = PHASES.filter((p) => p !== "ARCHIVED");
const UNTIL_CLOSED = PHASES.filter((p) => p !== "CLOSED" && p !== "ARCHIVED");

describe("seeing editions", () => {
  it("shows a draft edition to organizers only", () => {
    expect(canSeeEdition(organizer, { phase: "DRAFT" })).toBe(true);
    for (const actor of [judge, proposer, anonymous]) expect(canSeeEdition(actor, { phase: "DRAFT" })).toBe(false);
  });

  it("shows every published edition to everyone, signed in or not", () => {
    const published = PHASES.filter((p) => p !== "DRAFT");
    for (const actor of [organizer, judge, proposer, anonymous]) {
      expect(phasesWhere((e) => canSeeEdition(actor, e))).toEqual(actor === organizer ? ALL_PHASES : published);
    }
  });
});

describe("managing editions and roles", () => {
  it("is reserved to organizers", () => {
    expect(canManageEditions(organizer)).toBe(true);
    expect(canManageRoles(organizer)).toBe(true);
    for (const actor of [judge, proposer, anonymous]) {
      expect(canManageEditions(actor)).toBe(false);
      expect(canManageRoles(actor)).toBe(false);
    }
  });

  it("recognises organizers by role only", () => {
    expect(isOrganizer(organizer)).toBe(true);
    expect(isOrganizer(judge)).toBe(false);
    expect(isOrganizer(proposer)).toBe(false);
    expect(isOrganizer(null)).toBe(false);
    expect(isOrganizer(undefined)).toBe(false);
  });
});

describe("proposing topics", () => {
  it("is open while proposals are open and while teams form, and closes when hacking starts", () => {
    expect(phasesWhere(topicProposalsOpen)).toEqual(PROPOSAL_PHASES);
  });

  it("lets employees and judges propose only in those phases", () => {
    for (const actor of [proposer, otherEmployee, judge]) {
      expect(phasesWhere((e) => canProposeTopic(actor, e))).toEqual(PROPOSAL_PHASES);
    }
  });

  it("also lets organizers seed topics while the edition is still a draft", () => {
    expect(phasesWhere((e) => canProposeTopic(organizer, e))).toEqual(["DRAFT", ...PROPOSAL_PHASES]);
  });

  it("never lets an anonymous visitor propose", () => {
    expect(phasesWhere((e) => canProposeTopic(anonymous, e))).toEqual([]);
  });
});

describe("editing a topic", () => {
  it("lets the proposer edit their own topic until hacking starts", () => {
    expect(phasesWhere((e) => canEditTopic(proposer, topic("PENDING"), e))).toEqual(PROPOSAL_PHASES);
    expect(phasesWhere((e) => canEditTopic(proposer, topic("APPROVED"), e))).toEqual(PROPOSAL_PHASES);
  });

  it("lets the proposer rework a rejected topic (to resubmit it)", () => {
    expect(phasesWhere((e) => canEditTopic(proposer, topic("REJECTED"), e))).toEqual(PROPOSAL_PHASES);
  });

  it("does not let the proposer edit a topic that was merged into another", () => {
    expect(phasesWhere((e) => canEditTopic(proposer, topic("MERGED"), e))).toEqual([]);
  });

  it("does not let another employee, a judge or an anonymous visitor edit someone else's topic", () => {
    for (const status of TOPIC_STATUSES) {
      for (const actor of [otherEmployee, judge, anonymous]) {
        expect(phasesWhere((e) => canEditTopic(actor, topic(status), e))).toEqual([]);
      }
    }
  });

  it("lets a judge edit a topic they proposed themselves, like any proposer", () => {
    expect(phasesWhere((e) => canEditTopic(judge, topic("PENDING", judge.id), e))).toEqual(PROPOSAL_PHASES);
  });

  it("lets organizers edit any topic, whatever its status, until the edition is archived", () => {
    for (const status of TOPIC_STATUSES) {
      expect(phasesWhere((e) => canEditTopic(organizer, topic(status), e))).toEqual(ALL_BUT_ARCHIVED);
    }
  });
});

describe("moderating topics", () => {
  it("is for organizers, until the edition is archived", () => {
    expect(phasesWhere((e) => canModerateTopic(organizer, e))).toEqual(ALL_BUT_ARCHIVED);
  });

  it("is never for judges, employees (even proposers) or anonymous visitors", () => {
    for (const actor of [judge, proposer, otherEmployee, anonymous]) {
      expect(phasesWhere((e) => canModerateTopic(actor, e))).toEqual([]);
    }
  });
});

describe("seeing a topic", () => {
  it("shows pending, approved and merged topics to everyone", () => {
    for (const status of ["PENDING", "APPROVED", "MERGED"] as const) {
      for (const actor of [organizer, judge, proposer, otherEmployee, anonymous]) {
        expect(canSeeTopic(actor, topic(status))).toBe(true);
      }
    }
  });

  it("shows a rejected topic only to its proposer and to organizers", () => {
    expect(canSeeTopic(proposer, topic("REJECTED"))).toBe(true);
    expect(canSeeTopic(organizer, topic("REJECTED"))).toBe(true);
    expect(canSeeTopic(otherEmployee, topic("REJECTED"))).toBe(false);
    expect(canSeeTopic(judge, topic("REJECTED"))).toBe(false);
    expect(canSeeTopic(anonymous, topic("REJECTED"))).toBe(false);
  });
});

describe("showing interest in a topic", () => {
  it("treats pending and approved topics as open, rejected and merged ones as closed", () => {
    expect(TOPIC_STATUSES.filter((status) => topicIsOpen({ status }))).toEqual(["PENDING", "APPROVED"]);
  });

  it("lets anyone signed in show interest in an open topic while proposals are open", () => {
    for (const actor of [organizer, judge, proposer, otherEmployee]) {
      for (const status of ["PENDING", "APPROVED"] as const) {
        expect(phasesWhere((e) => canShowInterest(actor, topic(status), e))).toEqual(PROPOSAL_PHASES);
      }
    }
  });

  it("refuses interest in rejected or merged topics, in any phase", () => {
    for (const actor of [organizer, proposer, otherEmployee]) {
      for (const status of ["REJECTED", "MERGED"] as const) {
        expect(phasesWhere((e) => canShowInterest(actor, topic(status), e))).toEqual([]);
      }
    }
  });

  it("refuses interest from an anonymous visitor", () => {
    expect(phasesWhere((e) => canShowInterest(anonymous, topic("APPROVED"), e))).toEqual([]);
  });
});

describe("teams", () => {
  it("are open only while teams form", () => {
    expect(phasesWhere(teamsOpen)).toEqual(["TEAMS_FORMING"]);
  });

  it("let anyone signed in create, join or leave a team while teams form", () => {
    for (const actor of [organizer, judge, proposer]) {
      expect(phasesWhere((e) => canChangeOwnTeam(actor, e))).toEqual(["TEAMS_FORMING"]);
    }
    expect(phasesWhere((e) => canChangeOwnTeam(anonymous, e))).toEqual([]);
  });

  it("can be rearranged by organizers at any time until the edition is closed", () => {
    expect(phasesWhere((e) => canMovePeople(organizer, e))).toEqual(UNTIL_CLOSED);
  });

  it("cannot be rearranged by judges, employees or anonymous visitors", () => {
    for (const actor of [judge, proposer, anonymous]) {
      expect(phasesWhere((e) => canMovePeople(actor, e))).toEqual([]);
    }
  });

  it("can be renamed by their members while teams form, and are locked once hacking starts", () => {
    expect(phasesWhere((e) => canEditTeam(proposer, true, e))).toEqual(["TEAMS_FORMING"]);
    expect(phasesWhere((e) => canEditTeam(judge, true, e))).toEqual(["TEAMS_FORMING"]);
  });

  it("cannot be renamed by people outside the team", () => {
    for (const actor of [proposer, judge, anonymous]) {
      expect(phasesWhere((e) => canEditTeam(actor, false, e))).toEqual([]);
    }
    expect(phasesWhere((e) => canEditTeam(anonymous, true, e))).toEqual([]);
  });

  it("can be renamed by organizers, member or not, until the edition is closed", () => {
    expect(phasesWhere((e) => canEditTeam(organizer, false, e))).toEqual(UNTIL_CLOSED);
    expect(phasesWhere((e) => canEditTeam(organizer, true, e))).toEqual(UNTIL_CLOSED);
  });
});

describe("assertions", () => {
  const thrown = (fn: () => unknown): DomainError => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return error as DomainError;
    }
    throw new Error("expected a DomainError, but nothing was thrown");
  };

  it("requireActor returns the person when signed in", () => {
    expect(requireActor(proposer)).toBe(proposer);
  });

  it("requireActor asks anonymous visitors to sign in", () => {
    const error = thrown(() => requireActor(null));
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(translate(error.message, "en")).toBe("Please sign in first.");
  });

  it("assertOrganizer returns the organizer", () => {
    expect(assertOrganizer(organizer, "create editions")).toBe(organizer);
  });

  it("assertOrganizer tells judges and employees what only organizers can do", () => {
    for (const actor of [judge, proposer]) {
      const error = thrown(() => assertOrganizer(actor, "create editions"));
      expect(error.code).toBe("FORBIDDEN");
      expect(translate(error.message, "en")).toBe("Only organizers can create editions.");
    }
  });

  it("assertOrganizer asks anonymous visitors to sign in rather than calling them forbidden", () => {
    const error = thrown(() => assertOrganizer(null, "create editions"));
    expect(error.code).toBe("UNAUTHENTICATED");
  });
});

describe("explaining refusals", () => {
  it("says in which phase topics can't be proposed, by its label", () => {
    const error = explainTopicProposalsClosed({ phase: "HACKING" });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("INVALID");
    expect(translate(error.message, "en")).toBe("Topics can't be proposed in the “Hacking” phase: proposals are open until hacking starts.");
  });

  it("says teams can't be formed yet before team forming opens", () => {
    for (const phase of ["DRAFT", "PROPOSALS_OPEN"] as const) {
      const error = explainTeamsLocked({ phase });
      expect(error.code).toBe("INVALID");
      expect(translate(error.message, "en")).toMatch(/^Teams can't be formed yet/);
      expect(translate(error.message, "en")).toContain(phase === "DRAFT" ? "“Draft”" : "“Proposals open”");
    }
  });

  it("says teams are locked once hacking has started, and whom to ask", () => {
    for (const phase of ["HACKING", "PRESENTATIONS", "VOTING", "CLOSED", "ARCHIVED"] as const) {
      const error = explainTeamsLocked({ phase });
      expect(error.code).toBe("INVALID");
      expect(translate(error.message, "en")).toMatch(/^Teams are locked in the “.+” phase\. Ask an organizer/);
    }
    expect(translate(explainTeamsLocked({ phase: "VOTING" }).message, "en")).toContain("“Voting”");
  });

  it("falls back to the raw phase name for an unknown phase", () => {
    expect(translate(explainTopicProposalsClosed({ phase: "SOMETHING_ELSE" }).message, "en")).toContain("“SOMETHING_ELSE”");
  });
});
