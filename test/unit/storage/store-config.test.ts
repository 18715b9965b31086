// Evidence store configuration: local by default, S3 only with its required variables, one clear error.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/infra/config.ts';
import { createFileStore } from '../../../src/infra/storage/create-file-store.ts';

const S3 = {
  EVIDENCE_STORE: 's3',
  S3_ENDPOINT: 'https://s3.example.vn',
  S3_BUCKET: 'minh-chung',
  S3_ACCESS_KEY_ID: 'AK',
  S3_SECRET_ACCESS_KEY: 'SK',
};

describe('evidence store configuration', () => {
  it('defaults to the local store under <data dir>/files, 50 MB per file, no quota', () => {
    const c = loadConfig({ THUOCDO_DATA_DIR: '/srv/thuocdo' });
    expect(c.evidenceStore).toEqual({ kind: 'local' });
    expect(c.evidenceMaxBytes).toBe(50 * 1024 * 1024);
    expect(c.evidenceQuotaBytes).toBeUndefined();
    const store = createFileStore(c);
    expect(store.kind).toBe('local');
    expect((store as unknown as { root: string }).root).toBe('/srv/thuocdo/files');
  });

  it('selects S3 with path-style addressing by default', () => {
    const c = loadConfig({ ...S3, EVIDENCE_QUOTA_BYTES: '1000000' });
    expect(c.evidenceStore).toMatchObject({
      kind: 's3',
      bucket: 'minh-chung',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    expect(c.evidenceQuotaBytes).toBe(1_000_000);
    expect(createFileStore(c).kind).toBe('s3');
    expect(loadConfig({ ...S3, S3_FORCE_PATH_STYLE: 'false' }).evidenceStore).toMatchObject({ forcePathStyle: false });
    expect(c.evidenceStore).toMatchObject({ timeoutMs: 15_000, retries: 2 });
    expect(loadConfig({ ...S3, S3_TIMEOUT_MS: '5000', S3_RETRIES: '0' }).evidenceStore).toMatchObject({
      timeoutMs: 5000,
      retries: 0,
    });
    // The start-up orphan sweep: on, sparing objects younger than an hour, unless configured otherwise.
    expect(c.evidenceStore).toMatchObject({ orphanSweep: true, orphanGraceMs: 3600_000 });
    expect(
      loadConfig({ ...S3, S3_ORPHAN_SWEEP: 'false', S3_ORPHAN_GRACE_MINUTES: '1440' }).evidenceStore,
    ).toMatchObject({ orphanSweep: false, orphanGraceMs: 86_400_000 });
  });

  it('names the missing or wrong variable in one line', () => {
    const { S3_BUCKET: _omit, ...noBucket } = S3;
    expect(() => loadConfig(noBucket)).toThrow(new ConfigError('S3_BUCKET', 'bắt buộc khi EVIDENCE_STORE=s3'));
    expect(() => loadConfig({ EVIDENCE_STORE: 'ftp' })).toThrow(/EVIDENCE_STORE/);
    expect(() => loadConfig({ EVIDENCE_QUOTA_BYTES: '-5' })).toThrow(/EVIDENCE_QUOTA_BYTES/);
    expect(() => loadConfig({ ...S3, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...S3, S3_TIMEOUT_MS: '10' })).toThrow(/S3_TIMEOUT_MS/);
    expect(() => loadConfig({ ...S3, S3_ORPHAN_GRACE_MINUTES: '0' })).toThrow(/S3_ORPHAN_GRACE_MINUTES/);
  });
});
