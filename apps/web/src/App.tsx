import { App as AntApp, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import type { ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { RequireRole } from './components/RequireRole';
import { AuthProvider, useAuth } from './auth';
import { connectFeedback } from './components/feedback';
import { TaxonomyProvider } from './taxonomy';
// The portal's frame and home are part of the entry: a visitor's first screen needs no second round trip.
import { PortalLayout } from './portal/PortalLayout';
import PortalHomePage from './portal/PortalHomePage';

// The signed-in frame and the portal's are separate chunks: a visitor never loads the workbench's menu.
const AppLayout = lazy(() => import('./components/AppLayout').then((m) => ({ default: m.AppLayout })));
const PolicyPage = lazy(() => import('./portal/PolicyPage'));
const LoginPage = lazy(() => import('./pages/LoginPage'));
const HomePage = lazy(() => import('./pages/HomePage'));
const SolutionsPage = lazy(() => import('./pages/SolutionsPage'));
const SolutionDetailPage = lazy(() => import('./pages/SolutionDetailPage'));
const SolutionFormPage = lazy(() => import('./pages/SolutionFormPage'));
const NeedsPage = lazy(() => import('./pages/NeedsPage'));
const NeedDetailPage = lazy(() => import('./pages/NeedDetailPage'));
const NeedFormPage = lazy(() => import('./pages/NeedFormPage'));
const OrganisationPage = lazy(() => import('./pages/OrganisationPage'));
const ProviderSelectionPage = lazy(() => import('./pages/ProviderSelectionPage'));
const PilotPoolPage = lazy(() => import('./pages/PilotPoolPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const AdminUsersPage = lazy(() => import('./pages/AdminUsersPage'));
const AdminJobsPage = lazy(() => import('./pages/AdminJobsPage'));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage'));
const IndustryMapPage = lazy(() => import('./pages/IndustryMapPage'));
const UnmetDemandPage = lazy(() => import('./pages/UnmetDemandPage'));
const NominationsPage = lazy(() => import('./pages/NominationsPage'));
const ServiceFeesPage = lazy(() => import('./pages/ServiceFeesPage'));
const ProjectsPage = lazy(() => import('./pages/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('./pages/ProjectDetailPage'));
const ProviderPage = lazy(() => import('./pages/ProviderPage'));
const BidPage = lazy(() => import('./pages/BidPage'));
const EventsPage = lazy(() => import('./pages/EventsPage'));
const EventDetailPage = lazy(() => import('./pages/EventDetailPage'));
const EventFormPage = lazy(() => import('./pages/EventFormPage'));
const ChainsPage = lazy(() => import('./pages/ChainsPage'));
const ChainPage = lazy(() => import('./pages/ChainPage'));
const ChainInvitationPage = lazy(() => import('./pages/ChainInvitationPage'));
const DiagnosisPage = lazy(() => import('./pages/DiagnosisPage'));
const SubsidyListPage = lazy(() => import('./pages/SubsidyListPage'));
const SubsidyApplyPage = lazy(() => import('./pages/SubsidyApplyPage'));
const SubsidyDetailPage = lazy(() => import('./pages/SubsidyDetailPage'));
const BlacklistPage = lazy(() => import('./pages/BlacklistPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

const loading = (
  <div style={{ padding: 64, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

/** Hands antd's context-aware message and notification instances to the plain error helpers. */
function FeedbackBridge() {
  const { message, notification } = AntApp.useApp();
  useEffect(() => connectFeedback(message, notification), [message, notification]);
  return null;
}

function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return loading;
  // Back to the page asked for once signed in.
  if (user === null) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}

/**
 * The frame by who is looking: the workbench layout for a signed-in user, the public portal's for a
 * visitor. Pages open to visitors (solutions, needs, providers, events, the policy page) have one
 * stable URL that works in both.
 */
function Shell() {
  const { user } = useAuth();
  if (user === undefined) return loading;
  return user ? <AppLayout /> : <PortalLayout />;
}

/** `/`: the caller's workbench once signed in, the portal's home before. */
function Home() {
  const { user } = useAuth();
  return user ? <HomePage /> : <PortalHomePage />;
}

export function App() {
  return (
    <AuthProvider>
      <FeedbackBridge />
      <TaxonomyProvider>
        <Suspense fallback={loading}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<LoginPage register />} />
            {/* The link a chain leader sends: opens signed in or not (register through it). */}
            <Route path="/chain-invitations/:token" element={<ChainInvitationPage />} />
            <Route element={<Shell />}>
              {/* Open to visitors: the public portal's pages. */}
              <Route index element={<Home />} />
              <Route path="solutions" element={<SolutionsPage />} />
              <Route path="solutions/:id" element={<SolutionDetailPage />} />
              <Route path="needs" element={<NeedsPage />} />
              <Route path="needs/:id" element={<NeedDetailPage />} />
              <Route path="providers/:id" element={<ProviderPage />} />
              <Route path="events" element={<EventsPage />} />
              <Route path="events/:id" element={<EventDetailPage />} />
              <Route path="policy" element={<PolicyPage />} />
              <Route path="policy/:section" element={<PolicyPage />} />
              {/* Signed in only. */}
              <Route
                element={
                  <RequireUser>
                    <Outlet />
                  </RequireUser>
                }
              >
                <Route path="solutions/new" element={<SolutionFormPage />} />
                <Route path="solutions/:id/edit" element={<SolutionFormPage />} />
                <Route path="needs/new" element={<NeedFormPage />} />
                <Route path="needs/:id/edit" element={<NeedFormPage />} />
                <Route path="needs/:id/bids" element={<NeedDetailPage tab="bids" />} />
                <Route path="bids/:id" element={<BidPage />} />
                <Route path="projects" element={<ProjectsPage />} />
                <Route path="projects/:id" element={<ProjectDetailPage />} />
                <Route path="organisation" element={<OrganisationPage />} />
                <Route
                  path="selection"
                  element={
                    <RequireRole roles={['city_officer']}>
                      <ProviderSelectionPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="pilot-pool"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'assessor', 'admin']}>
                      <PilotPoolPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'admin']}>
                      <AuditPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="admin/users"
                  element={
                    <RequireRole roles={['admin']}>
                      <AdminUsersPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="admin/jobs"
                  element={
                    <RequireRole roles={['admin']}>
                      <AdminJobsPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="indicators"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'admin']}>
                      <IndicatorsPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="industry-map"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'admin']}>
                      <IndustryMapPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="service-fees"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'admin']}>
                      <ServiceFeesPage />
                    </RequireRole>
                  }
                />
                <Route
                  path="unmet-demand"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'admin']}>
                      <UnmetDemandPage />
                    </RequireRole>
                  }
                />
                <Route path="nominations" element={<NominationsPage />} />
                <Route path="events/new" element={<EventFormPage />} />
                <Route path="events/:id/edit" element={<EventFormPage />} />
                <Route path="chains" element={<ChainsPage />} />
                <Route path="chains/:id" element={<ChainPage />} />
                <Route path="diagnoses" element={<DiagnosisPage />} />
                <Route path="enterprises/:id/diagnoses" element={<DiagnosisPage />} />
                <Route path="subsidy" element={<SubsidyListPage />} />
                <Route path="subsidy/new" element={<SubsidyApplyPage />} />
                <Route path="subsidy/:id" element={<SubsidyDetailPage />} />
                <Route
                  path="blacklist"
                  element={
                    <RequireRole roles={['city_officer', 'district_officer', 'admin']}>
                      <BlacklistPage />
                    </RequireRole>
                  }
                />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </TaxonomyProvider>
    </AuthProvider>
  );
}
