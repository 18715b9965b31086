// "Hướng dẫn" in the header: opens the user guide (served by the app under /huong-dan, so it works
// offline) at the section for the current page and the user's roles.
import { Button } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useLocation } from 'react-router-dom';
import type { RoleAssignment } from '../../contract/auth.ts';
import { useT } from '../i18n/context.ts';
import { helpTarget } from '../lib/helpTarget.ts';

export function HelpLink({ roles, compact }: { roles: readonly RoleAssignment[]; compact: boolean }) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Button
      type="text"
      icon={<QuestionCircleOutlined />}
      href={helpTarget(pathname, roles)}
      target="_blank"
      rel="noopener"
      title={t('help.title')}
      aria-label={t('help.link')}
      data-testid="help-link"
    >
      {!compact && t('help.link')}
    </Button>
  );
}
