// The manager's pages, map and overview: the heading renders at once (focus lands on it when
// the page opens), the rest loads as a chunk of its own, so that no other page carries the
// map's code, its charts or Leaflet.
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, useDocumentTitle } from './page';
import { ChunkBoundary } from './chunk-boundary';

const MapPageBody = lazy(() =>
  import('./map-page').then((module) => ({ default: module.MapPageBody })),
);
const DashboardBody = lazy(() =>
  import('./dashboard-page').then((module) => ({ default: module.DashboardBody })),
);

function ManagerPage({
  title,
  subtitle,
  testId,
  className,
  children,
}: {
  title: string;
  subtitle: string;
  testId: string;
  className: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  useDocumentTitle(title);
  return (
    <section className={`stack-lg ${className}`} aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <div>
          <h1 id={`${id}-title`} tabIndex={-1} data-testid={testId}>
            {title}
          </h1>
          <p className="page-head__sub">{subtitle}</p>
        </div>
      </div>
      <ChunkBoundary
        what="A page"
        fallback={
          <p className="banner banner--error" role="alert">
            {t('map.unavailable')}
          </p>
        }
      >
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </ChunkBoundary>
    </section>
  );
}

export function MapPage() {
  const { t } = useTranslation();
  return (
    <ManagerPage
      title={t('map.title')}
      subtitle={t('map.subtitle')}
      testId="map-title"
      className="map-page"
    >
      <MapPageBody />
    </ManagerPage>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <ManagerPage
      title={t('dashboard.title')}
      subtitle={t('dashboard.subtitle')}
      testId="dashboard-title"
      className="dashboard"
    >
      <DashboardBody />
    </ManagerPage>
  );
}
