// App shell: providers, routes (each page lazily loaded so the login page stays small).
import { lazy, Suspense } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { queryClient } from './queryClient.ts';
import { NotifierBridge } from './components/NotifierBridge.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { RequireAbility, RequireAuth } from './RequireAuth.tsx';

const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const AuthedShell = lazy(() => import('./components/AuthedShell.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const OrgUnitsPage = lazy(() => import('./pages/org-units/OrgUnitsPage.tsx'));
const UnitGroupsPage = lazy(() => import('./pages/unit-groups/UnitGroupsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const FrameworksPage = lazy(() => import('./pages/frameworks/FrameworksPage.tsx'));
const FrameworkDetailPage = lazy(() => import('./pages/frameworks/FrameworkDetailPage.tsx'));
const MyAssessmentsPage = lazy(() => import('./pages/assessments/MyAssessmentsPage.tsx'));
const AssessmentPage = lazy(() => import('./pages/assessments/AssessmentPage.tsx'));
const AssessmentPrintPage = lazy(() => import('./pages/assessments/print/AssessmentPrintPage.tsx'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage.tsx'));
const CampaignDetailPage = lazy(() => import('./pages/campaigns/CampaignDetailPage.tsx'));
const CampaignProgressPage = lazy(() => import('./pages/campaigns/progress/CampaignProgressPage.tsx'));
const MyAppraisalPage = lazy(() => import('./pages/appraisal/MyAppraisalPage.tsx'));
const AppraisalPage = lazy(() => import('./pages/appraisal/AppraisalPage.tsx'));
const AppraisalAdminPage = lazy(() => import('./pages/appraisal/admin/AppraisalAdminPage.tsx'));
const ResultsPage = lazy(() => import('./pages/results/ResultsPage.tsx'));
const OverviewPage = lazy(() => import('./pages/dashboards/OverviewPage.tsx'));
const DistrictPage = lazy(() => import('./pages/dashboards/DistrictPage.tsx'));
const UnitDashboardPage = lazy(() => import('./pages/dashboards/UnitDashboardPage.tsx'));
const MyResultRedirect = lazy(() => import('./pages/dashboards/MyResultRedirect.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const DataSourcesPage = lazy(() => import('./pages/data-sources/DataSourcesPage.tsx'));
const ProfilePage = lazy(() => import('./pages/profile/ProfilePage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <NotifierBridge />
        <BrowserRouter>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/*"
                element={
                  <RequireAuth>
                    {(me) => (
                      <Routes>
                        <Route path="assessments/:id/print" element={<AssessmentPrintPage />} />
                        <Route element={<AuthedShell me={me} />}>
                          <Route index element={<HomePage me={me} />} />
                          <Route
                            path="frameworks"
                            element={<FrameworksPage canManage={me.abilities.manageFrameworks} />}
                          />
                          <Route path="frameworks/:id" element={<FrameworkDetailPage />} />
                          <Route path="my-assessments" element={<MyAssessmentsPage />} />
                          <Route path="assessments/:id" element={<AssessmentPage />} />
                          <Route
                            path="campaigns"
                            element={
                              <RequireAbility me={me} ability="manageCampaigns">
                                <CampaignsPage />
                              </RequireAbility>
                            }
                          />
                          <Route path="campaigns/:id" element={<CampaignDetailPage />} />
                          <Route path="campaigns/:id/progress" element={<CampaignProgressPage />} />
                          <Route path="campaigns/:id/appraisal" element={<AppraisalPage />} />
                          <Route path="campaigns/:id/appraisal-admin" element={<AppraisalAdminPage />} />
                          <Route path="campaigns/:id/results" element={<ResultsPage />} />
                          <Route path="appraisal" element={<MyAppraisalPage />} />
                          <Route path="dashboards" element={<OverviewPage />} />
                          <Route path="dashboards/district/:unitId" element={<DistrictPage />} />
                          <Route path="dashboards/unit/:unitId" element={<UnitDashboardPage />} />
                          <Route path="my-result" element={<MyResultRedirect me={me} />} />
                          <Route
                            path="org-units"
                            element={
                              <RequireAbility me={me} ability="manageUnits">
                                <OrgUnitsPage />
                              </RequireAbility>
                            }
                          />
                          <Route
                            path="data-sources"
                            element={
                              <RequireAbility me={me} ability="manageCampaigns">
                                <DataSourcesPage />
                              </RequireAbility>
                            }
                          />
                          <Route
                            path="unit-groups"
                            element={
                              <RequireAbility me={me} ability="manageGroups">
                                <UnitGroupsPage />
                              </RequireAbility>
                            }
                          />
                          <Route
                            path="users"
                            element={
                              <RequireAbility me={me} ability="manageUsers">
                                <UsersPage />
                              </RequireAbility>
                            }
                          />
                          <Route
                            path="audit"
                            element={
                              <RequireAbility me={me} ability="viewAudit">
                                <AuditPage />
                              </RequireAbility>
                            }
                          />
                          <Route path="profile" element={<ProfilePage me={me} />} />
                          <Route path="*" element={<NotFoundPage />} />
                        </Route>
                      </Routes>
                    )}
                  </RequireAuth>
                }
              />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
