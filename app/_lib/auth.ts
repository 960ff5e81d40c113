// next-auth configuration: email + password (credentials), a one-time link by
// email when the server can send email, and, when configured, the company's
// OpenID Connect provider. Sessions are JWTs carrying the user
// id and a Session row's id (lib/people/sessions.ts); the row and the person are read
// on every request, so signing out, a password or role change, or an
// organizer's "sign out everywhere" end a session at once. The adapter
// (lib/people/email-sign-in.ts) is what the email provider requires; the SSO's
// callback goes through it as well, so it is set whether or not email is on.
import "server-only";
import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { authSecret, ensureAuthUrl, oidcConfig } from "@/lib/platform/config";
import { publicOrigin } from "@/app/_lib/origin";
import { getDb } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { completeClaims, ssoIdentity, ssoOrganization, type OidcClaims, type SsoOrganization } from "@/lib/people/oidc";
import { sameSiteUrl } from "@/lib/platform/safe-redirect";
import { emailSchema, signInSchema } from "@/lib/people/schemas";
import { clientAddress, clientHash } from "@/lib/platform/client-address";
import { endSession, startSession } from "@/lib/people/sessions";
import { findOrCreateSsoUser, signInWithPassword } from "@/lib/people/commands";
import { redeemInvite } from "@/lib/judging/commands";
import { redeemSchema } from "@/lib/judging/schemas";
import { linkRequest, signInAdapter, signInLinkMail, SIGN_IN_LINK_MINUTES } from "@/lib/people/email-sign-in";
import { mailConfig, sendMail } from "@/lib/platform/mail";
import { log } from "@/lib/platform/log";

const header = (headers: Record<string, unknown> | undefined, name: string) => {
  const value = headers?.[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0] ?? "") : "";
};

function oidcProvider(): OAuthConfig<OidcClaims> | null {
  const cfg = oidcConfig();
  if (!cfg) return null;
  return {
    id: "oidc",
    name: cfg.name,
    type: "oauth",
    wellKnown: `${cfg.issuer}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    // the signIn callback has made the person (findOrCreateSsoUser): next-auth, finding them by email, must take them
    allowDangerousEmailAccountLinking: true,
    async profile(claims, tokens) {
      const complete = await completeClaims(cfg.issuer, claims, tokens.access_token);
      const identity = ssoIdentity(complete);
      return { id: claims.sub, email: identity?.email ?? null, name: identity?.name || null, ...ssoOrganization(complete, cfg.claims) };
    },
  };
}

/**
 * The page the emailed link opens rather than next-auth's callback itself: a
 * button there uses the token. Mail scanners open the links in a message, and
 * opening the callback would use the link up before its owner clicks.
 */
function linkPage(callback: string): string {
  const { searchParams } = new URL(callback);
  const after = new URL(searchParams.get("callbackUrl") ?? "/", callback);
  const params = new URLSearchParams({
    email: searchParams.get("email") ?? "",
    token: searchParams.get("token") ?? "",
    callbackUrl: after.pathname + after.search,
  });
  return new URL(`/signin?${params}`, callback).href;
}

function emailProvider() {
  if (!mailConfig()) return null;
  return EmailProvider({
    maxAge: SIGN_IN_LINK_MINUTES * 60,
    // an address the sign-up form would refuse gets no link either (next-auth answers EmailSignin)
    normalizeIdentifier(identifier) {
      const parsed = emailSchema.safeParse(identifier);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
      return parsed.data;
    },
    async sendVerificationRequest({ identifier, url }) {
      try {
        await sendMail(signInLinkMail(identifier, linkPage(url)));
      } catch (error) {
        log().error({ err: error }, "sending a sign-in link failed");
        throw error; // next-auth answers EmailSignin: the form says it couldn't send
      }
    },
  });
}

/** The department and manager the SSO profile carried (null when the provider sent none). */
const organizationOf = (user: object): SsoOrganization => {
  const { department, managerEmail } = user as Partial<SsoOrganization>;
  return { department: department ?? null, managerEmail: managerEmail ?? null };
};

export function authOptions(): NextAuthOptions {
  ensureAuthUrl();
  const oidc = oidcProvider();
  const email = emailProvider();
  const adapter: Adapter = signInAdapter(getDb());
  return {
    secret: authSecret(),
    adapter,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const client = clientHash(clientAddress(header(request?.headers, "x-forwarded-for")), authSecret());
          try {
            const user = await signInWithPassword(getDb(), parsed.data.email, parsed.data.password, client);
            return { id: user.id, email: user.email, name: user.name, userAgent: header(request?.headers, "user-agent") };
          } catch (error) {
            // next-auth hands a thrown message to the sign-in form (a wait); a wrong password is its plain "CredentialsSignin"
            // (a wait, an address not yet confirmed)
            if (error instanceof DomainError && (error.code === "RATE_LIMITED" || error.code === "FORBIDDEN")) throw new Error(error.message);
            if (error instanceof DomainError) return null;
            throw error;
          }
        },
      }),
      // a judge's one-time invitation (lib/judging/commands.ts): a new guest account, seated on its tracks
      CredentialsProvider({
        id: "judge-invite",
        name: "Judge invitation",
        credentials: { token: { label: "Invitation", type: "text" }, name: { label: "Your name", type: "text" } },
        async authorize(credentials, request) {
          const parsed = redeemSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "This invitation can't be used.");
          try {
            const { userId } = await redeemInvite(getDb(), parsed.data.token, { name: parsed.data.name });
            return { id: userId, email: null, name: parsed.data.name, userAgent: header(request?.headers, "user-agent") };
          } catch (error) {
            if (error instanceof DomainError) throw new Error(error.message);
            throw error;
          }
        },
      }),
      ...(email ? [email] : []),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // only addresses of this site, whatever was put in callbackUrl ("\t//evil.example" made the default throw)
      redirect({ url, baseUrl }) {
        return sameSiteUrl(url, baseUrl);
      },
      async signIn({ user, account, email }) {
        if (account?.provider === "email") return email?.verificationRequest ? answerLinkRequest(user.email ?? "") : true;
        if (account?.provider !== "oidc") return true;
        if (!user.email) return "/signin?error=OidcNoEmail";
        try {
          await findOrCreateSsoUser(getDb(), user.email, user.name ?? "", organizationOf(user));
          return true;
        } catch (error) {
          if (error instanceof DomainError) return "/signin?error=OidcDomain";
          throw error;
        }
      },
      async jwt({ token, user }) {
        if (!user) return token;
        // signing in: a new Session row, whose id the cookie carries from now on. user.id is our User's id for every
        // provider: the credentials' authorize returns it, and for a link or the SSO next-auth hands us the adapter's
        // user (the SSO person made by the signIn callback above).
        const userAgent = (user as { userAgent?: string }).userAgent ?? (await headers()).get("user-agent") ?? "";
        token.sub = user.id;
        token.sid = await startSession(getDb(), user.id, userAgent);
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub, sid: token.sid });
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(getDb(), token.sid);
      },
    },
  };
}

/**
 * Whether to send a link asked for: next-auth sends it when this is true. An
 * address that may not have one gets, instead of a mail, the very answer a sent
 * link gets; too many links asked for get the form's "wait" sentence.
 */
async function answerLinkRequest(address: string): Promise<true | string> {
  const client = clientHash(clientAddress((await headers()).get("x-forwarded-for")), authSecret());
  const answer = await linkRequest(getDb(), address, client);
  // absolute, and the address next-auth answers a sent link with: signIn() in the browser reads it with new URL()
  const api = `${await publicOrigin()}/api/auth`;
  if (answer === "wait") return `${api}/error?error=EmailLimit`;
  return answer === "send" ? true : `${api}/verify-request?provider=email&type=email`;
}

export const oidcEnabled = () => oidcConfig() !== null;
export const emailLinkEnabled = () => mailConfig() !== null;
export const oidcName = () => oidcConfig()?.name ?? "";
