export interface BannerInfo {
  /** The workers role serves only health, readiness and metrics. */
  servesApi: boolean;
  apiUrl: string;
  bindAddress: string;
  fga: { url: string; embedded: boolean; datastore?: string; storeId: string; modelId: string };
  devIssuer?: { baseUrl: string; issuer: string };
  workers: string[];
  migrationsApplied: string[];
  /** The SendGrid stand-in's dev inbox page, when it runs (no SENDGRID_API_KEY). */
  emailInbox?: string;
}

// 127.0.0.1 rather than 0.0.0.0 or :: in the URLs we print: those are bind addresses, not places to browse.
export function browsableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
}

/** The human summary printed at start-up in development: where everything listens and how to get a token. */
export function formatStartupBanner(info: BannerInfo): string {
  const rows: [string, string][] = info.servesApi
    ? [
        ['API', info.apiUrl],
        ['API docs', `${info.apiUrl}/docs  (OpenAPI: ${info.apiUrl}/v1/openapi.json)`],
      ]
    : [];
  rows.push(
    ['Health', `${info.apiUrl}/healthz  ${info.apiUrl}/readyz  ${info.apiUrl}/metrics  (bound to ${info.bindAddress})`],
    [
      info.fga.embedded ? 'OpenFGA (embedded)' : 'OpenFGA',
      `${info.fga.url}${info.fga.datastore ? `  datastore ${info.fga.datastore}` : ''}  store ${info.fga.storeId}  model ${info.fga.modelId}`,
    ],
  );
  if (info.devIssuer) {
    rows.push(['Dev token issuer', `${info.devIssuer.baseUrl}  (iss ${info.devIssuer.issuer})`]);
    rows.push(['Get a token', `TOKEN=$(npm run -s token -- --sub 'auth0|anna' --email anna@example.com --name 'Anna')`]);
    rows.push(['Then', `curl -H "Authorization: Bearer $TOKEN" ${info.apiUrl}/v1/me`]);
  }
  if (info.emailInbox) rows.push(['Dev inbox', `${info.emailInbox}  (emails sent through the local SendGrid stand-in; JSON: ${info.emailInbox}messages)`]);
  rows.push(['Workers', info.workers.length ? info.workers.join(', ') : '(none)']);
  rows.push(['Migrations', info.migrationsApplied.length ? `applied ${info.migrationsApplied.join(', ')}` : 'up to date']);
  const width = Math.max(...rows.map(([label]) => label.length));
  return ['', 'Touchline is running', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`), ''].join('\n');
}
