// People: sign-up, sign-in checks, the one-time setup, roles.
import type { Db } from "./db";
import type { Role } from "./domain";
import { allowedEmailDomains } from "./config";
import { DomainError, conflict, forbidden, invalid, isUniqueViolation, notFound } from "./errors";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { assertOrganizer, type Actor } from "./permissions";
import type { SignUpInput } from "./schemas/auth";

export type PublicUser = { id: string; name: string; email: string; role: Role };
const publicFields = { id: true, name: true, email: true, role: true } as const;

/** Sign-up is limited to the company's email domains when HEXATHON_ALLOWED_EMAIL_DOMAINS is set. */
export function emailDomainAllowed(email: string, domains = allowedEmailDomains()): boolean {
  if (domains.length === 0) return true;
  const domain = email.toLowerCase().split("@").pop() ?? "";
  return domains.includes(domain);
}

function assertDomain(email: string) {
  const domains = allowedEmailDomains();
  if (!emailDomainAllowed(email, domains)) {
    throw forbidden(`Sign-up is limited to addresses at ${domains.map((d) => "@" + d).join(", ")}.`);
  }
}

const SETUP_KEY = "setup";

/** True on a fresh install: nobody has been made the first organizer yet. */
export async function needsSetup(db: Db): Promise<boolean> {
  const done = await db.setting.findUnique({ where: { key: SETUP_KEY } });
  if (done) return false;
  return (await db.user.count()) === 0;
}

/**
 * The one-time setup: the first person becomes an organizer. The Setting row's
 * primary key makes a second setup fail even if two requests race.
 */
export async function createFirstOrganizer(db: Db, input: SignUpInput): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if ((await tx.setting.findUnique({ where: { key: SETUP_KEY } })) || (await tx.user.count()) > 0) {
        throw forbidden("Hexathon is already set up. Sign in, or ask an organizer for access.");
      }
      await tx.setting.create({ data: { key: SETUP_KEY, value: new Date().toISOString() } });
      return tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: "ORGANIZER" },
        select: publicFields,
      }) as Promise<PublicUser>;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw forbidden("Hexathon is already set up. Sign in, or ask an organizer for access.");
    throw error;
  }
}

/** Marks setup as done without creating anyone (the demo seed, which creates its own organizer). */
export async function markSetupDone(db: Db): Promise<void> {
  await db.setting.upsert({ where: { key: SETUP_KEY }, create: { key: SETUP_KEY, value: new Date().toISOString() }, update: {} });
}

export async function signUp(db: Db, input: SignUpInput): Promise<PublicUser> {
  assertDomain(input.email);
  if (await needsSetup(db)) {
    throw invalid("Hexathon isn't set up yet: the first person creates the organizer account on the setup page.");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return (await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: "EMPLOYEE" },
      select: publicFields,
    })) as PublicUser;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("An account with this email already exists. Sign in instead.", "email");
    throw error;
  }
}

/** The user for these credentials, or null. Same cost whether or not the email exists. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<PublicUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user?.passwordHash) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role };
}

/**
 * A person signing in through the company's OpenID Connect provider: found by
 * email, or created as an employee (within the allowed domains).
 */
export async function findOrCreateSsoUser(db: Db, email: string, name: string): Promise<PublicUser> {
  const normalized = email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email: normalized }, select: publicFields });
  if (existing) return existing as PublicUser;
  assertDomain(normalized);
  try {
    return (await db.user.create({
      data: { email: normalized, name: name.trim() || normalized.split("@")[0], role: "EMPLOYEE" },
      select: publicFields,
    })) as PublicUser;
  } catch (error) {
    if (isUniqueViolation(error)) {
      return (await db.user.findUniqueOrThrow({ where: { email: normalized }, select: publicFields })) as PublicUser;
    }
    throw error;
  }
}

/** The signed-in person as stored now: roles change, so sessions are re-checked on every request. */
export async function loadActor(db: Db, userId: string): Promise<(Actor & { name: string; email: string }) | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: publicFields });
  return user ? { ...user, role: user.role as Role } : null;
}

export async function listPeople(db: Db, actor: Actor | null) {
  assertOrganizer(actor, "manage people");
  return db.user.findMany({ select: { ...publicFields, createdAt: true }, orderBy: [{ role: "asc" }, { name: "asc" }] });
}

export async function setRole(db: Db, actor: Actor | null, userId: string, role: Role): Promise<PublicUser> {
  assertOrganizer(actor, "change roles");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound("That person doesn't exist.");
    if (user.role === "ORGANIZER" && role !== "ORGANIZER") {
      const organizers = await tx.user.count({ where: { role: "ORGANIZER" } });
      if (organizers <= 1) {
        throw new DomainError("INVALID", "There must always be at least one organizer: make someone else an organizer first.");
      }
    }
    return (await tx.user.update({ where: { id: userId }, data: { role }, select: publicFields })) as PublicUser;
  });
}
