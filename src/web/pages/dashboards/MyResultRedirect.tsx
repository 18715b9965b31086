// /my-result — a unit's staff land on their own unit's page (the first unit they report or lead for).
import { Navigate } from 'react-router-dom';
import { Empty } from 'antd';
import type { Me } from '../../../contract/auth.ts';
import { useT } from '../../i18n/context.ts';

export default function MyResultRedirect({ me }: { me: Me }) {
  const t = useT();
  const own = me.roles.find((r) => r.role === 'unit_leader' || r.role === 'unit_reporter');
  return own ? <Navigate replace to={`/dashboards/unit/${own.unitId}`} /> : <Empty description={t('dash.noResults')} />;
}
