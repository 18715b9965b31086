// /assessments/:id — loads the assessment and shows the form (remounted after an Excel import so the
// autosave store starts from the imported values).
import { useState } from 'react';
import { Button, Result } from 'antd';
import { useParams } from 'react-router-dom';
import { useAssessment } from '../../api/assessments.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/context.ts';
import { AssessmentForm } from './AssessmentForm.tsx';

export default function AssessmentPage() {
  const t = useT();
  const { id } = useParams();
  const { data, isLoading, error, refetch } = useAssessment(id);
  const [generation, setGeneration] = useState(0);
  if (isLoading) return <PageLoading />;
  if (error || !data) {
    return (
      <Result
        status="warning"
        title={error?.message ?? t('common.notFound')}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <AssessmentForm
      key={`${data.id}-${generation}`}
      a={data}
      onReload={() => void refetch().then(() => setGeneration((g) => g + 1))}
    />
  );
}
