// The configured evidence store: LocalFileStore under <THUOCDO_DATA_DIR>/files (default) or an
// S3-compatible bucket (EVIDENCE_STORE=s3). Also the fallback when an app is built without one.
import path from 'node:path';
import type { AppConfig } from '../config.ts';
import type { FileStore } from './file-store.ts';
import { LocalFileStore } from './local-file-store.ts';
import { S3FileStore } from './s3-file-store.ts';

export function createFileStore(config: AppConfig, options: { usedBytes?: () => Promise<number> } = {}): FileStore {
  const root = path.join(config.dataDir, 'files');
  const s = config.evidenceStore;
  if (s.kind === 'local') return new LocalFileStore({ root, quotaBytes: config.evidenceQuotaBytes });
  return new S3FileStore({
    endpoint: s.endpoint,
    bucket: s.bucket,
    region: s.region,
    accessKeyId: s.accessKeyId,
    secretAccessKey: s.secretAccessKey,
    forcePathStyle: s.forcePathStyle,
    tmpDir: path.join(root, 'tmp'),
    quotaBytes: config.evidenceQuotaBytes,
    usedBytes: options.usedBytes,
    retry: { timeoutMs: s.timeoutMs, retries: s.retries },
  });
}
