// /frameworks/:id — loads one version and mounts the editor on it; the editor is re-mounted (fresh state
// from the server) after a save, a publish or an explicit reload.
import { useState } from 'react';
import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { rowVersionOf, useFramework } from '../../api/frameworks.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { FrameworkEditor } from './FrameworkEditor.tsx';

export default function FrameworkDetailPage() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data, isLoading, error, refetch } = useFramework(id);
  const [selected, setSelected] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);

  if (isLoading) return <PageLoading />;
  if (error || !data) {
    return (
      <Result
        status="warning"
        title={error?.message ?? t('common.notFound')}
        extra={<Button onClick={() => navigate('/frameworks')}>{t('fw.backToList')}</Button>}
      />
    );
  }
  return (
    <FrameworkEditor
      key={`${data.id}:${rowVersionOf(data)}:${data.status}:${nonce}`}
      detail={data}
      selected={selected}
      onSelect={setSelected}
      onReload={() => {
        void refetch().then(() => setNonce((n) => n + 1));
      }}
    />
  );
}
