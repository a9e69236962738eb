import { useTranslation } from 'react-i18next';
import { Link, paths, type Route } from '../router';
import { LandlordDetail } from './landlord-detail';
import { useDocumentTitle } from './page';
import { PropertyDetail } from './property-detail';
import { PropertyCreatePage, PropertyEditPage } from './property-form';
import { PropertyList } from './property-list';

/** One key per page: a new key remounts the page (fresh state) and moves focus to its h1. */
export function routeKey(route: Route): string {
  return 'id' in route ? `${route.name}:${route.id}` : route.name;
}

/** The page for a route. Every page renders its h1 at once (focus lands there on navigation). */
export function RoutePage({ route }: { route: Route }) {
  switch (route.name) {
    case 'properties':
      return <PropertyList />;
    case 'propertyNew':
      return <PropertyCreatePage />;
    case 'property':
      return <PropertyDetail id={route.id} />;
    case 'propertyEdit':
      return <PropertyEditPage id={route.id} />;
    case 'landlord':
      return <LandlordDetail id={route.id} />;
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title" tabIndex={-1}>
        {t('notFound.title')}
      </h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={paths.properties()}>{t('notFound.toList')}</Link>
      </p>
    </section>
  );
}
