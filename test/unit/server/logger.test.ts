// The logs never carry secrets: a failed query's parameters (argon2 and token hashes were among them)
// are dropped from an error's message and stack, and bodies, passwords, tokens, cookies and authorization
// headers are redacted wherever they are logged.
import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, serializeError } from '../../../src/server/logger.ts';
import { errorsPlugin } from '../../../src/server/plugins/errors.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$LGCyGNBt+njDjdSF6Ik1fw$lhpehScroEzkJQfNPUXp/YuoOGRwHnK2kr63LgmFdSM';
const TOKEN_HASH = '63d21a383afbd10585b349c526282cdacc359864293c8e374aa4a54e7e34acbc';

function failedInsert(
  cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
) {
  return new DrizzleQueryError(
    'insert into "users" ("username", "full_name", "password_hash") values ($1, $2, $3)',
    ['nguoimoi', 'Người\u0000 mới', HASH],
    cause,
  );
}

function capture() {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk, _e, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  return { logger, text: () => lines.join('') };
}

describe('logger', () => {
  it('an error from a failed query keeps its SQL and cause, never its parameters', () => {
    const out = JSON.stringify(serializeError(failedInsert()));
    expect(out).toContain('insert into \\"users\\"');
    expect(out).toContain('invalid byte sequence');
    expect(out).toContain('params: [redacted]');
    expect(out).not.toContain('argon2');
    expect(out).not.toContain('nguoimoi');
  });

  it('an error logged through the logger (err or error) carries no hash either', () => {
    const { logger, text } = capture();
    logger.error({ err: failedInsert() }, 'unhandled error');
    logger.warn(
      { error: new DrizzleQueryError('insert into "api_tokens" ("token_hash") values ($1)', [TOKEN_HASH]) },
      'x',
    );
    logger.error({ err: new Error(`wrapped: ${HASH}`) }, 'y');
    expect(text()).toContain('unhandled error');
    expect(text()).not.toContain('argon2');
    expect(text()).not.toContain(TOKEN_HASH);
  });

  it('a 500 logged by the server (Fastify with the errors plugin) carries no hash', async () => {
    const { logger, text } = capture();
    const app = Fastify({ loggerInstance: logger });
    await app.register(errorsPlugin);
    app.post('/boom', async () => {
      throw failedInsert(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    });
    const res = await app.inject({ method: 'POST', url: '/boom', payload: { password: 'Matkhau123' } });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(text()).toContain('"level":50');
    expect(text()).not.toContain('argon2');
    expect(text()).not.toContain('Matkhau123');
  });

  it('bodies, passwords, tokens, cookies and authorization headers are redacted', () => {
    const { logger, text } = capture();
    logger.info(
      {
        req: {
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: {
            cookie: 'thuocdo_sid=secret-session',
            authorization: 'Bearer tdo_secret',
            'x-csrf-token': 'csrf-secret',
          },
        },
        body: { username: 'admin', password: 'Matkhau123' },
        user: { username: 'admin', passwordHash: HASH, password: 'Matkhau123' },
        token: 'tdo_plain',
      },
      'request',
    );
    const line = text();
    for (const secret of ['secret-session', 'tdo_secret', 'csrf-secret', 'Matkhau123', 'argon2', 'tdo_plain'])
      expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
    expect(line).toContain('/api/v1/auth/login'); // the rest stays
  });
});
