import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config/index.js';

function problemWith(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be rejected`);
}

describe('loadConfig', () => {
  it('has a working default for everything a development machine needs', () => {
    const config = loadConfig({});
    expect(config).to.deep.include({
      nodeEnv: 'development',
      port: 3000,
      apiProcesses: 1,
      host: '0.0.0.0',
      logLevel: 'info',
      databaseUrl: 'postgres://root@127.0.0.1:5432/touchline',
      redisUrl: 'redis://127.0.0.1:6379',
      corsOrigins: [],
      bodyLimit: '100kb',
      rateLimit: { perUserPerMinute: 600, perIpPerMinute: 1200, prefix: 'touchline:rate-limit:' },
    });
    expect(config.openfga).to.deep.equal({ apiUrl: undefined, storeId: undefined, modelId: undefined, apiToken: undefined, embeddedDatastore: 'postgres', embeddedTransport: 'in-process', modelRefreshMs: 2000, embeddedReadCacheEntries: 20_000 });
    expect(config.auth).to.deep.equal({ issuerBaseUrl: undefined, audience: 'https://api.touchline.dev', devIssuer: true });
    expect(config.shutdownTimeoutMs).to.be.a('number').greaterThan(0);
  });

  it('reads every variable into its camelCase field', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://app:secret@db:5432/touchline',
      REDIS_URL: 'rediss://cache:6380',
      OPENFGA_API_URL: 'http://openfga:8080',
      OPENFGA_STORE_ID: '01HVMMBCMGZNT3SED4Z17ECXCA',
      OPENFGA_MODEL_ID: '01HVMMBCMGZNT3SED4Z17ECXCB',
      OPENFGA_API_TOKEN: 'token-value',
      FGA_EMBEDDED_DATASTORE: 'memory',
      FGA_EMBEDDED_TRANSPORT: 'http',
      FGA_MODEL_REFRESH_MS: '5000',
      FGA_EMBEDDED_READ_CACHE_ENTRIES: '0',
      API_PROCESSES: '2',
      AUTH0_ISSUER_BASE_URL: 'https://touchline.eu.auth0.com/',
      AUTH0_AUDIENCE: 'https://api.example.org',
      CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/',
      BODY_LIMIT: '1mb',
      SHUTDOWN_TIMEOUT_MS: '2500',
      RATE_LIMIT_PER_USER_PER_MINUTE: '30',
      RATE_LIMIT_PER_IP_PER_MINUTE: '0',
      RATE_LIMIT_PREFIX: 'staging:rl:',
    });
    expect(config).to.deep.equal({
      nodeEnv: 'production',
      port: 8080,
      apiProcesses: 2,
      host: '127.0.0.1',
      logLevel: 'debug',
      databaseUrl: 'postgresql://app:secret@db:5432/touchline',
      redisUrl: 'rediss://cache:6380',
      openfga: {
        apiUrl: 'http://openfga:8080',
        storeId: '01HVMMBCMGZNT3SED4Z17ECXCA',
        modelId: '01HVMMBCMGZNT3SED4Z17ECXCB',
        apiToken: 'token-value',
        embeddedDatastore: 'memory',
        embeddedTransport: 'http',
        modelRefreshMs: 5000,
        embeddedReadCacheEntries: 0,
      },
      auth: { issuerBaseUrl: 'https://touchline.eu.auth0.com/', audience: 'https://api.example.org', devIssuer: false },
      corsOrigins: ['https://app.example.org', 'http://localhost:5173'],
      bodyLimit: '1mb',
      shutdownTimeoutMs: 2500,
      rateLimit: { perUserPerMinute: 30, perIpPerMinute: 0, prefix: 'staging:rl:' },
    });
  });

  it('treats an empty value as unset', () => {
    expect(loadConfig({ PORT: '', OPENFGA_API_URL: ' ' })).to.include({ port: 3000 });
    expect(loadConfig({ OPENFGA_API_URL: '' }).openfga.apiUrl).to.equal(undefined);
  });

  it('names the variable in every error', () => {
    expect(problemWith({ PORT: 'abc' })).to.equal('Invalid configuration: PORT must be an integer between 0 and 65535');
    expect(problemWith({ PORT: '70000' })).to.equal('Invalid configuration: PORT must be an integer between 0 and 65535');
    expect(problemWith({ PORT: '80.5' })).to.contain('PORT must be an integer');
    expect(problemWith({ NODE_ENV: 'prod' })).to.contain('NODE_ENV must be one of development, test, production');
    expect(problemWith({ LOG_LEVEL: 'loud' })).to.contain('LOG_LEVEL must be one of');
    expect(problemWith({ DATABASE_URL: 'mysql://db/x' })).to.contain('DATABASE_URL must use postgres://');
    expect(problemWith({ DATABASE_URL: 'postgres://db:5432' })).to.contain('DATABASE_URL must name a database');
    expect(problemWith({ REDIS_URL: 'not a url' })).to.contain('REDIS_URL must be a URL');
    expect(problemWith({ OPENFGA_API_URL: 'ftp://fga' })).to.contain('OPENFGA_API_URL must use http:// or https://');
    expect(problemWith({ OPENFGA_STORE_ID: 'store-1' })).to.contain('OPENFGA_STORE_ID must be a ULID');
    expect(problemWith({ FGA_EMBEDDED_DATASTORE: 'sqlite' })).to.contain('FGA_EMBEDDED_DATASTORE must be one of postgres, memory');
    expect(problemWith({ CORS_ORIGINS: 'https://ok.example, *' })).to.contain("CORS_ORIGINS must be a comma-separated list of origins like https://app.example.com ('*' is not one)");
    expect(problemWith({ BODY_LIMIT: 'huge' })).to.contain('BODY_LIMIT must be a size');
    expect(problemWith({ SHUTDOWN_TIMEOUT_MS: '-1' })).to.contain('SHUTDOWN_TIMEOUT_MS must be an integer');
    expect(problemWith({ RATE_LIMIT_PER_USER_PER_MINUTE: '-5' })).to.contain('RATE_LIMIT_PER_USER_PER_MINUTE must be an integer');
    expect(problemWith({ RATE_LIMIT_PER_IP_PER_MINUTE: 'lots' })).to.contain('RATE_LIMIT_PER_IP_PER_MINUTE must be an integer');
    expect(problemWith({ RATE_LIMIT_PREFIX: 'has space' })).to.contain('RATE_LIMIT_PREFIX must be');
  });

  it('lists every wrong variable at once', () => {
    const message = problemWith({ PORT: 'x', REDIS_URL: 'http://cache' });
    expect(message).to.contain('PORT');
    expect(message).to.contain('REDIS_URL');
  });

  it('refuses production without Auth0, so the dev issuer can never sign production tokens', () => {
    expect(problemWith({ NODE_ENV: 'production' })).to.contain('AUTH0_ISSUER_BASE_URL is required when NODE_ENV=production');
    expect(problemWith({ NODE_ENV: 'production', AUTH0_ISSUER_BASE_URL: 'http://tenant.auth0.com/' })).to.contain('AUTH0_ISSUER_BASE_URL must use https://');
  });

  it('keeps tests quiet by default', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).to.equal('warn');
  });

  it('turns rate limits off under NODE_ENV=test unless set (every suite shares 127.0.0.1), and keeps explicit values', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimit).to.include({ perUserPerMinute: 0, perIpPerMinute: 0 });
    expect(loadConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_USER_PER_MINUTE: '5', RATE_LIMIT_PER_IP_PER_MINUTE: '7' }).rateLimit).to.include({ perUserPerMinute: 5, perIpPerMinute: 7 });
  });
});
