// A real OpenID Connect provider for the browser tests (panva's oidc-provider,
// the certified implementation), standing in for a company's SSO. Its
// development login screen accepts any login; the login becomes the account
// id and `<login>@demo.test` its email.
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "hexathon-e2e", secret: "e2e-client-secret" };

export async function startOidcProvider({ port, appOrigin }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: ["openid", "email", "profile"],
    pkce: { required: () => true },
    async findAccount(_ctx, id) {
      const name = id.replace(/[._-]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@demo.test`, email_verified: true, name }) };
    },
  });
  provider.proxy = false;
  const server = provider.listen(port, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { issuer, close: () => server.close() };
}
