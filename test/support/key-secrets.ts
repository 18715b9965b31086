// The key-encryption secrets of the test configuration (the same ones createTestApp's server uses): a
// secret generated once into test/.tmp/data, as a development deployment does.
import { loadConfig } from '../../src/infra/config.ts';
import { type KeySecrets, keySecrets } from '../../src/app/publication/key-secret.ts';

export const TEST_ENV = { NODE_ENV: 'test', LOG_LEVEL: 'silent', THUOCDO_DATA_DIR: 'test/.tmp/data' } as const;

export function testKeySecrets(): KeySecrets {
  return keySecrets(loadConfig({ ...TEST_ENV }));
}
