// GET /api/public/v1/verify-thuocdo.mjs — the single-file verifier linked from the portal's open-data page:
// `node verify-thuocdo.mjs snapshot.json` with Node 18+, nothing installed, from any folder. The file is
// publication/verifier/verify-thuocdo.mjs as written, with the deployment's published key ids (its own
// keys only, trusted-keys.ts) and the date of the list written in, so the downloaded verifier also tells
// a snapshot re-signed with someone else's key. Public: the keys are public by design.
import { readFileSync } from 'node:fs';
import type { App, ServerDeps } from '../../http/route-types.ts';
import { keySecrets } from '../../../app/publication/key-secret.ts';
import { publishedKeyIds } from '../../../app/publication/trusted-keys.ts';
import { serverNow } from '../server-now.ts';

const SOURCE = new URL('../../../app/publication/verifier/verify-thuocdo.mjs', import.meta.url);
const KEYS_SLOT = '/* PUBLISHED_KEYS */ [];';
const DATE_SLOT = '/* KEYS_LISTED_AT */ null;';

let source: string | null = null;

/** The verifier's text with `keys` and `listedAt` written into its two slots. */
export function verifierText(keys: readonly { id: string; createdAt: string }[], listedAt: Date): string {
  source ??= readFileSync(SOURCE, 'utf8');
  if (!source.includes(KEYS_SLOT) || !source.includes(DATE_SLOT))
    throw new Error('verify-thuocdo.mjs: key slots missing');
  return source
    .replace(KEYS_SLOT, `${JSON.stringify(keys)};`)
    .replace(DATE_SLOT, `${JSON.stringify(listedAt.toISOString())};`);
}

export function registerVerifierRoute(app: App, deps: ServerDeps) {
  app.get(
    '/verify-thuocdo.mjs',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Công cụ kiểm tra bản công bố (một tệp, chạy bằng node, không cần cài đặt)',
      },
    },
    async (_request, reply) => {
      const keys = await publishedKeyIds(deps.db, keySecrets(deps.config));
      return reply
        .type('text/javascript; charset=utf-8')
        .header('content-disposition', 'attachment; filename="verify-thuocdo.mjs"')
        .header('cache-control', 'no-cache')
        .send(verifierText(keys, serverNow(deps)));
    },
  );
}
