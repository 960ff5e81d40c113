// next-auth configuration: email + password (credentials) and, when configured,
// the company's OpenID Connect provider. Sessions are JWTs carrying the user
// id and a Session row's id (lib/people/sessions.ts); the row and the person are read
// on every request, so signing out, a password or role change, or an
// organizer's "sign out everywhere" end a session at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { authSecret, ensureAuthUrl, oidcConfig } from "@/lib/platform/config";
import { getDb } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { completeClaims, ssoIdentity, ssoOrganization, type OidcClaims, type SsoOrganization } from "@/lib/people/oidc";
import { sameSiteUrl } from "@/lib/platform/safe-redirect";
import { signInSchema } from "@/lib/people/schemas";
import { clientAddress, clientHash } from "@/lib/platform/client-address";
import { endSession, startSession } from "@/lib/people/sessions";
import { findOrCreateSsoUser, signInWithPassword } from "@/lib/people/commands";
import { redeemInvite } from "@/lib/judging/commands";
import { redeemSchema } from "@/lib/judging/schemas";

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
    async profile(claims, tokens) {
      const complete = await completeClaims(cfg.issuer, claims, tokens.access_token);
      const identity = ssoIdentity(complete);
      return { id: claims.sub, email: identity?.email ?? null, name: identity?.name || null, ...ssoOrganization(complete, cfg.claims) };
    },
  };
}

/** The department and manager the SSO profile carried (null when the provider sent none). */
const organizationOf = (user: object): SsoOrganization => {
  const { department, managerEmail } = user as Partial<SsoOrganization>;
  return { department: department ?? null, managerEmail: managerEmail ?? null };
};

export function authOptions(): NextAuthOptions {
  ensureAuthUrl();
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
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
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // only addresses of this site, whatever was put in callbackUrl ("\t//evil.example" made the default throw)
      redirect({ url, baseUrl }) {
        return sameSiteUrl(url, baseUrl);
      },
      async signIn({ user, account }) {
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
      async jwt({ token, user, account }) {
        if (!user) return token;
        // signing in: a new Session row, whose id the cookie carries from now on
        const userId =
          account?.provider === "oidc" && user.email ? (await findOrCreateSsoUser(getDb(), user.email, user.name ?? "", organizationOf(user))).id : user.id;
        token.sub = userId;
        token.sid = await startSession(getDb(), userId, (user as { userAgent?: string }).userAgent ?? "");
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

export const oidcEnabled = () => oidcConfig() !== null;
export const oidcName = () => oidcConfig()?.name ?? "";
