// OpenID Connect helpers for the company SSO. The ID token proves who signed
// in; many providers (oidc-provider, Azure AD without optional claims) leave
// email and name out of it when they also issue an access token, so the
// missing claims are read from the provider's userinfo endpoint, as the
// OpenID Connect spec intends.

export type OidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string; [claim: string]: unknown };

const discovery = new Map<string, Promise<{ userinfo_endpoint?: string }>>();

function discover(issuer: string) {
  let doc = discovery.get(issuer);
  if (!doc) {
    doc = fetch(`${issuer}/.well-known/openid-configuration`).then((r) => {
      if (!r.ok) throw new Error(`OpenID discovery failed with HTTP ${r.status}`);
      return r.json();
    });
    doc.catch(() => discovery.delete(issuer)); // retry next time
    discovery.set(issuer, doc);
  }
  return doc;
}

/** The ID token's claims completed from userinfo when email or name is missing. Userinfo must be about the same subject. */
export async function completeClaims(issuer: string, idTokenClaims: OidcClaims, accessToken: string | undefined): Promise<OidcClaims> {
  if ((idTokenClaims.email && idTokenClaims.name) || !accessToken) return idTokenClaims;
  const { userinfo_endpoint: endpoint } = await discover(issuer);
  if (!endpoint) return idTokenClaims;
  const response = await fetch(endpoint, { headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" } });
  if (!response.ok) return idTokenClaims;
  const userinfo = (await response.json()) as OidcClaims;
  if (userinfo.sub !== idTokenClaims.sub) return idTokenClaims; // a mismatch must never change who signed in
  return { ...userinfo, ...Object.fromEntries(Object.entries(idTokenClaims).filter(([, v]) => v !== undefined && v !== "")) } as OidcClaims;
}

/** The person an SSO sign-in stands for; null when the provider says the email is not verified or gives none. */
export function ssoIdentity(claims: OidcClaims): { email: string; name: string } | null {
  if (!claims.email || claims.email_verified === false) return null;
  return { email: claims.email.trim().toLowerCase(), name: (claims.name ?? claims.preferred_username ?? "").trim() };
}

/** Where a person sits in the company, when the provider says: judging's conflict-of-interest rules read it. */
export type SsoOrganization = { department: string | null; managerEmail: string | null };

/**
 * The department and the manager's address from the claims the deployment
 * names (HEXATHON_OIDC_DEPARTMENT_CLAIM, HEXATHON_OIDC_MANAGER_CLAIM); a
 * missing, empty or oversized claim is null, never an error: sign-in goes on.
 */
export function ssoOrganization(claims: OidcClaims, names: { department: string; manager: string }): SsoOrganization {
  const read = (name: string) => {
    const value = claims[name];
    return typeof value === "string" && value.trim() && value.length <= 200 ? value.trim() : null;
  };
  return { department: read(names.department), managerEmail: read(names.manager)?.toLowerCase() ?? null };
}
