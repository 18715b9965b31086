// A published snapshot: version, time, SHA-256 digest (monospace, copyable) and the Ed25519 signature.
import { Descriptions, Typography } from 'antd';
import type { Snapshot } from '../../../api/appraisalTypes.ts';
import { showDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../i18n/context.ts';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all' as const,
  fontSize: 12,
};

export function SnapshotView({ s }: { s: Snapshot }) {
  const t = useT();
  return (
    <Descriptions size="small" column={1} bordered data-testid="snapshot" data-version={s.version}>
      <Descriptions.Item label={t('adm.snapshotVersion')}>
        {s.version} · {showDateTime(s.createdAt)}
        {s.reason ? ` · ${s.reason}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('adm.digest')}>
        <Typography.Text copyable style={mono} data-testid="snapshot-digest">
          {s.digest}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('adm.signature')}>
        <Typography.Text copyable style={mono} data-testid="snapshot-signature">
          {s.signature}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('adm.keyId')}>
        <span style={mono}>{s.keyId}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
