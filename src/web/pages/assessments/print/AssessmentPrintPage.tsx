// /assessments/:id/print — a clean A4 page in the official self-assessment form layout (STT | Chỉ số | Điểm tối
// đa | Phương pháp xác định và cách cho điểm | Điểm tự chấm | Giải trình kết quả | Tài liệu kiểm chứng) with the
// unit's header fields,
// outside the app shell so the browser prints only the form.
import { Button, Result } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useAssessment } from '../../../api/assessments.ts';
import { useAssessmentObjections } from '../../../api/objections.ts';
import { PageLoading } from '../../../components/PageLoading.tsx';
import { useT } from '../../../i18n/context.ts';
import { FormStyles } from '../FormStyles.tsx';
import { PrintForm } from './PrintForm.tsx';
import { useAllEvidence } from './useAllEvidence.ts';

export default function AssessmentPrintPage() {
  const t = useT();
  const { id } = useParams();
  const { data, isLoading, error } = useAssessment(id);
  const library = useAllEvidence(data?.unit.id);
  // The unit's objections and their answers (issue 14 §1): one more column when there are any.
  const objections = useAssessmentObjections(data?.id);
  if (isLoading || (data && (library.isLoading || objections.isLoading))) return <PageLoading />;
  if (error || !data) return <Result status="warning" title={error?.message ?? t('common.notFound')} />;
  return (
    <div style={{ background: '#fff', minHeight: '100vh' }}>
      <FormStyles />
      <div className="print-toolbar">
        <Link to={`/assessments/${data.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('as.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now">
          {t('as.printNow')}
        </Button>
      </div>
      <PrintForm a={data} evidence={library.data ?? new Map()} objections={objections.data?.items ?? []} />
    </div>
  );
}
