// Configuration of proxies, sessions and API tokens (issue 11, findings 5, 6, 13): defaults, and one
// clear line naming the variable on a bad value.
import { describe, expect, it } from 'vitest';
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

describe('TRUSTED_PROXIES', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: ' ' }).trustedProxies).toEqual([]);
  });
  it('takes comma-separated IPv4/IPv6 addresses and CIDR blocks', () => {
    expect(
      loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1 , 2001:db8::/32,192.168.1.0/24' }).trustedProxies,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32', '192.168.1.0/24']);
  });
  it('boundary: /32 and /128 are the longest prefixes; one more is refused', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1/32,::1/128' }).trustedProxies).toHaveLength(2);
    expect(configError({ TRUSTED_PROXIES: '10.0.0.0/33' }).variable).toBe('TRUSTED_PROXIES');
    expect(configError({ TRUSTED_PROXIES: '::/129' }).variable).toBe('TRUSTED_PROXIES');
  });
  it('a name, a range or a malformed entry stops the process with one line naming the variable and the entry', () => {
    for (const bad of ['nginx', '10.0.0.1-10.0.0.9', '10.0.0.0/8/1', '300.1.1.1', '10.0.0.0/x']) {
      const err = configError({ TRUSTED_PROXIES: `127.0.0.1,${bad}` });
      expect(err.variable).toBe('TRUSTED_PROXIES');
      expect(err.message).toContain(`"${bad}"`);
      expect(err.message.split('\n')).toHaveLength(1);
    }
  });
});

describe('sessions and API tokens', () => {
  it('defaults: idle timeout 30 minutes, tokens 90 days by default and 365 at most', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 30, apiTokenDays: { defaultDays: 90, maxDays: 365 } });
  });
  it('SESSION_IDLE_MINUTES between 2 minutes and a day', () => {
    expect(loadConfig({ SESSION_IDLE_MINUTES: '2' }).sessionIdleMinutes).toBe(2);
    expect(configError({ SESSION_IDLE_MINUTES: '1' }).variable).toBe('SESSION_IDLE_MINUTES');
    expect(configError({ SESSION_IDLE_MINUTES: '1441' }).variable).toBe('SESSION_IDLE_MINUTES');
  });
  it('a default token lifetime longer than the maximum is refused, naming API_TOKEN_DAYS', () => {
    expect(loadConfig({ API_TOKEN_DAYS: '30', API_TOKEN_MAX_DAYS: '30' }).apiTokenDays).toEqual({
      defaultDays: 30,
      maxDays: 30,
    });
    expect(configError({ API_TOKEN_DAYS: '400' }).variable).toBe('API_TOKEN_DAYS');
  });
});
