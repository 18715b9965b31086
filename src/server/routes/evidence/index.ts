// Evidence (tài liệu kiểm chứng) routes. The store comes from the server's dependencies; an app built
// without one (tests, tools) gets the configured store — in tests, a fresh temporary directory per app so
// suites never see each other's files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storedBytesTotal } from '../../../db/queries/evidence.ts';
import type { App, ServerDeps } from '../../http/route-types.ts';
import { createFileStore } from '../../../infra/storage/create-file-store.ts';
import type { FileStore } from '../../../infra/storage/file-store.ts';
import { LocalFileStore } from '../../../infra/storage/local-file-store.ts';
import { registerDownloadEvidence } from './download.ts';
import { registerEditEvidence } from './edit.ts';
import { registerLinkAndList } from './link-list.ts';
import { registerUploadEvidence } from './upload.ts';

export function registerEvidenceRoutes(app: App, deps: ServerDeps) {
  const store = deps.fileStore ?? defaultStore(deps);
  if (!deps.fileStore && store instanceof LocalFileStore && deps.config.env === 'test') {
    app.addHook('onClose', async () => fs.promises.rm(store.root, { recursive: true, force: true }));
  }
  registerUploadEvidence(app, deps, store);
  registerLinkAndList(app, deps);
  registerEditEvidence(app, deps, store);
  registerDownloadEvidence(app, deps, store);
}

function defaultStore(deps: ServerDeps): FileStore {
  const { config } = deps;
  if (config.env === 'test' && config.evidenceStore.kind === 'local') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thuocdo-files-'));
    return new LocalFileStore({ root, quotaBytes: config.evidenceQuotaBytes });
  }
  return createFileStore(config, { usedBytes: () => storedBytesTotal(deps.db) });
}
