// next-auth configuration: email + password (credentials) and, when configured,
// the company's OpenID Connect provider. Sessions are JWTs carrying the user
// id only; the role is read fresh from the database on every request
// (getActor), so a role change takes effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { authSecret, ensureAuthUrl, oidcConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { completeClaims, ssoIdentity, type OidcClaims } from "@/lib/oidc";
import { sameSiteUrl } from "@/lib/safe-redirect";
import { signInSchema } from "@/lib/schemas/auth";
import { findOrCreateSsoUser, verifyCredentials } from "@/lib/users";

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
      const identity = ssoIdentity(await completeClaims(cfg.issuer, claims, tokens.access_token));
      return { id: claims.sub, email: identity?.email ?? null, name: identity?.name || null };
    },
  };
}

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
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const user = await verifyCredentials(getDb(), parsed.data.email, parsed.data.password);
          return user ? { id: user.id, email: user.email, name: user.name } : null;
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
          await findOrCreateSsoUser(getDb(), user.email, user.name ?? "");
          return true;
        } catch (error) {
          if (error instanceof DomainError) return "/signin?error=OidcDomain";
          throw error;
        }
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "oidc" && user?.email) {
          const dbUser = await findOrCreateSsoUser(getDb(), user.email, user.name ?? "");
          token.sub = dbUser.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}

export const oidcEnabled = () => oidcConfig() !== null;
export const oidcName = () => oidcConfig()?.name ?? "";
