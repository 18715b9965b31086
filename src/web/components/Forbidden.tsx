// Shown when the user opens a page their abilities do not allow, or an unknown path.
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n/context.ts';

export function Forbidden({ notFound = false }: { notFound?: boolean }) {
  const t = useT();
  return (
    <Result
      status={notFound ? '404' : '403'}
      title={notFound ? '404' : '403'}
      subTitle={t(notFound ? 'common.notFound' : 'common.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
