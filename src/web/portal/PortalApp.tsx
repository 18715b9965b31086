// The public portal (no login): a tiny router over lazily loaded pages, each inside the portal's frame.
import { Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { match, useLocation } from './router.ts';

const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const CampaignPage = lazy(() => import('./pages/CampaignPage.tsx'));
const UnitPage = lazy(() => import('./pages/UnitPage.tsx'));
const MethodologyPage = lazy(() => import('./pages/MethodologyPage.tsx'));
const OpenDataPage = lazy(() => import('./pages/OpenDataPage.tsx'));
const HelpPage = lazy(() => import('./pages/HelpPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

function route(path: string, query: URLSearchParams): { page: ReactNode; help?: string } {
  let p: Record<string, string> | null;
  if (path === '/cong-khai') return { page: <HomePage /> };
  if ((p = match('/cong-khai/ky/:id', path))) return { page: <CampaignPage key={p['id']} id={p['id']!} /> };
  if ((p = match('/cong-khai/ky/:id/nhom/:groupId', path)))
    return {
      page: <CampaignPage key={p['id']} id={p['id']!} groupId={p['groupId']!} />,
      help: '/huong-dan/nguoi-dan#bang-xep-hang',
    };
  if ((p = match('/cong-khai/ky/:id/phuong-phap', path)))
    return { page: <MethodologyPage id={p['id']!} />, help: '/huong-dan/nguoi-dan#phuong-phap' };
  if ((p = match('/cong-khai/ky/:id/du-lieu-mo', path)))
    return { page: <OpenDataPage id={p['id']!} />, help: '/huong-dan/nguoi-dan#du-lieu-mo' };
  if ((p = match('/cong-khai/don-vi/:unitId', path)))
    return {
      page: <UnitPage key={p['unitId']} unitId={p['unitId']!} campaignId={query.get('ky')} />,
      help: '/huong-dan/nguoi-dan#trang-don-vi',
    };
  if (path === '/huong-dan') return { page: <HelpPage page={null} /> };
  if ((p = match('/huong-dan/:page', path))) return { page: <HelpPage key={p['page']} page={p['page']!} /> };
  return { page: <NotFoundPage /> };
}

export function PortalApp() {
  const { path, query } = useLocation();
  const { page, help } = route(path, query);
  return (
    <Layout help={help}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Layout>
  );
}
