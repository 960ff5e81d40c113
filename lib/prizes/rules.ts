// Jury prizes' rules, as plain functions: who sits on the jury.
import { type Actor } from "../people/rules";

/** Judges (and organizers) sit on the jury. */
export const canVoteOnJury = (actor: Actor | null) => actor?.role === "JUDGE" || actor?.role === "ORGANIZER";
