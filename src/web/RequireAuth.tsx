// Guards the authenticated routes: loads /auth/me, sends anonymous users to /login (remembering where they
// were going), redirects to /login on any later 401, and checks page abilities.
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { ME_KEY, useMe } from './api/auth.ts';
import { onUnauthorized } from './api/client.ts';
import type { GlobalAbilities, Me } from '../contract/auth.ts';
import { PageLoading } from './components/PageLoading.tsx';
import { Forbidden } from './components/Forbidden.tsx';
import { useT } from './i18n/context.ts';

export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const t = useT();
  const { data: me, isLoading, error, refetch } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();

  useEffect(() => {
    onUnauthorized(() => {
      qc.setQueryData(ME_KEY, null);
      navigate('/login', {
        replace: true,
        state: { from: window.location.pathname + window.location.search, expired: true },
      });
    });
    return () => onUnauthorized(null);
  }, [navigate, qc]);

  if (isLoading) return <PageLoading />;
  if (error) {
    return (
      <Result
        status="error"
        title={error.message}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  // An anonymous visitor of the bare address is most likely the public: show the published results
  // (the portal links to the staff login). Deep links still go to the login page.
  if (!me && location.pathname === '/') {
    window.location.replace('/cong-khai');
    return <PageLoading />;
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children(me)}</>;
}

export function RequireAbility({
  me,
  ability,
  children,
}: {
  me: Me;
  ability: keyof GlobalAbilities;
  children: ReactNode;
}) {
  return me.abilities[ability] ? <>{children}</> : <Forbidden />;
}
