// Lazily loaded authenticated layout with a Suspense boundary for the pages inside it.
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import type { Me } from '../../contract/auth.ts';
import { AppLayout } from './AppLayout.tsx';
import { PageLoading } from './PageLoading.tsx';

export default function AuthedShell({ me }: { me: Me }) {
  return (
    <AppLayout
      me={me}
      content={
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      }
    />
  );
}
