// Jury prizes' rules, as plain functions: who sits on the jury.
import { canJudge } from "../people/rules";

/** The judges, and organizers standing in for one, sit on the jury. */
export const canVoteOnJury = canJudge;
