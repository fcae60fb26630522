// A real OpenID Connect provider (node-oidc-provider, an OpenID-certified
// implementation) that plays ProConnect in the tests: authorization code flow with
// PKCE, acr_values=eidas1, ProConnect's scopes and claims, userinfo as a signed JWT,
// RP-initiated logout.
//
// Environment: PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI.
// The login form accepts any password; the login names one of the AGENTS below.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 4010);
const issuer = `http://127.0.0.1:${port}`;
const SCOPES = 'openid given_name usual_name email siret uid';

// Test agents: SIRET = SIREN of the employer (9 digits) + establishment (5 digits).
// tests/collectivites/proconnect_agents.py holds the same SIRENs for the factories.
export const AGENTS = {
  'agent-commune': {
    given_name: 'Camille', usual_name: 'Martin', email: 'camille.martin@plesse.test',
    siret: '21440128100018', uid: 'pc-0001',
  },
  'agent-epci': {
    given_name: 'Dominique', usual_name: 'Bernard', email: 'dominique.bernard@pays-blain.test',
    siret: '24440040700011', uid: 'pc-0002',
  },
  'agent-departement': {
    given_name: 'Claude', usual_name: 'Petit', email: 'claude.petit@loire-atlantique.test',
    siret: '22440002800016', uid: 'pc-0003',
  },
  'agent-ccas': {
    given_name: 'Alex', usual_name: 'Durand', email: 'alex.durand@ccas-plesse.test',
    siret: '26440130200012', uid: 'pc-0004',
  },
  'agent-existant': {
    given_name: 'Sacha', usual_name: 'Leroy', email: 'sacha.leroy@plesse.test',
    siret: '21440128100018', uid: 'pc-0005',
  },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.CLIENT_ID || 'territoires',
    client_secret: process.env.CLIENT_SECRET || 'territoires-secret',
    redirect_uris: [process.env.REDIRECT_URI],
    post_logout_redirect_uris: [process.env.POST_LOGOUT_REDIRECT_URI],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
    userinfo_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['test-only-cookie-key'] },
  scopes: SCOPES.split(' '),
  claims: {
    openid: ['sub'],
    given_name: ['given_name'],
    usual_name: ['usual_name'],
    email: ['email'],
    siret: ['siret'],
    uid: ['uid'],
  },
  acrValues: ['eidas1'],
  pkce: { methods: ['S256'], required: () => true },
  features: {
    devInteractions: { enabled: true },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
          <title>Déconnexion de ProConnect</title></head><body><main><h1>Déconnexion</h1>
          ${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">
          Se déconnecter de ProConnect</button></main></body></html>`;
      },
    },
  },
  async findAccount(ctx, id) {
    const agent = AGENTS[id];
    if (!agent) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...agent }) };
  },
  // First-party client: the agent is not asked to consent (as on ProConnect).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(SCOPES);
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive connections would hold the close
  });
}
