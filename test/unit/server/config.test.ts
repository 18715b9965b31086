import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenHost } from '../../../src/cli/startup/listen-address.ts';
import { ConfigError, loadConfig } from '../../../src/infra/config.ts';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has sensible defaults: development, port 3000, embedded database in ./data, no SMTP', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      smtp: undefined,
      sessionTtlHours: 12,
      logLevel: 'info',
    });
    expect(c.dataDir).toBe(path.resolve('./data'));
  });
  it('HOST: whether it was given is kept (the demo listens on loopback unless it was); serve keeps every interface', () => {
    expect(loadConfig({}).hostGiven).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostGiven: true });
    expect(listenHost(loadConfig({}), true)).toBe('127.0.0.1');
    expect(listenHost(loadConfig({ HOST: '0.0.0.0' }), true)).toBe('0.0.0.0');
    expect(listenHost(loadConfig({ HOST: '10.0.0.5' }), true)).toBe('10.0.0.5');
    expect(listenHost(loadConfig({}), false)).toBe('0.0.0.0');
  });
  it('import limits: defaults, overrides, and a wrong value naming its variable', () => {
    expect(loadConfig({}).imports).toEqual({
      limits: {
        maxInflatedBytes: 64 * 1024 * 1024,
        maxEntryBytes: 48 * 1024 * 1024,
        maxEntries: 2000,
        maxRows: 100_000,
        maxCells: 300_000,
      },
      workers: 1,
      workerMemoryMb: 512,
    });
    const big = loadConfig({
      IMPORT_MAX_INFLATED_MB: '256',
      IMPORT_MAX_CELLS: '2000000',
      IMPORT_WORKERS: '2',
      IMPORT_WORKER_MEMORY_MB: '2048',
    }).imports;
    expect(big).toMatchObject({
      limits: { maxInflatedBytes: 256 * 1024 * 1024, maxEntryBytes: 192 * 1024 * 1024, maxCells: 2_000_000 },
      workers: 2,
      workerMemoryMb: 2048,
    });
    expect(configError({ IMPORT_WORKERS: '0' }).variable).toBe('IMPORT_WORKERS');
    expect(configError({ IMPORT_MAX_CELLS: 'nhiều' }).variable).toBe('IMPORT_MAX_CELLS');
  });
  it('reads numbers from text', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });
  it('PORT=abc stops with an error naming PORT', () => {
    const err = configError({ PORT: 'abc' });
    expect(err.variable).toBe('PORT');
    expect(err.message).toMatch(/^Cấu hình không hợp lệ: PORT/);
  });
  it('rejects a non-PostgreSQL DATABASE_URL', () => {
    const err = configError({ DATABASE_URL: 'mysql://root@localhost/dti' });
    expect(err.variable).toBe('DATABASE_URL');
    expect(err.message).toContain('postgres://');
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe('postgresql://u@h/db');
  });
  it('production needs a SESSION_SECRET of at least 32 characters', () => {
    expect(configError({ NODE_ENV: 'production' }).variable).toBe('SESSION_SECRET');
    expect(configError({ NODE_ENV: 'production', SESSION_SECRET: 'short' }).variable).toBe('SESSION_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).env).toBe('production');
  });
  it('SMTP_HOST without SMTP_FROM is refused, naming SMTP_FROM', () => {
    expect(configError({ SMTP_HOST: 'mail.example.vn' }).variable).toBe('SMTP_FROM');
    expect(loadConfig({ SMTP_HOST: 'mail.example.vn', SMTP_FROM: 'dti@example.vn' }).smtp).toEqual({
      host: 'mail.example.vn',
      port: 587,
      user: undefined,
      password: undefined,
      from: 'dti@example.vn',
    });
  });
  it('API_DOCS: the API documentation is served in development and test always, in production only when true', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocs).toBe(true);
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(configError({ ...production, API_DOCS: 'yes' }).variable).toBe('API_DOCS');
  });
  it('JOB_RETENTION_DAYS: finished jobs are kept 14 days by default, 1 to 3650', () => {
    expect(loadConfig({}).jobRetentionDays).toBe(14);
    expect(loadConfig({ JOB_RETENTION_DAYS: '90' }).jobRetentionDays).toBe(90);
    expect(configError({ JOB_RETENTION_DAYS: '0' }).variable).toBe('JOB_RETENTION_DAYS');
    expect(configError({ JOB_RETENTION_DAYS: 'mãi mãi' }).variable).toBe('JOB_RETENTION_DAYS');
  });
});
