import { useTranslation } from 'react-i18next';
import { Link, paths, type Route } from '../router';
import { useSession } from '../session';
import { CaseDetail } from './case-detail';
import { CaseList } from './case-list';
import { DayList } from './day-list';
import { HearingDetail } from './hearing-detail';
import { HearingDraftPage } from './hearing-draft';
import { Inbox } from './inbox';
import { InspectionDetail } from './inspection-detail';
import { InspectionList } from './inspection-list';
import { InspectionPlanPage } from './inspection-plan';
import { InspectionRecordPage } from './inspection-record';
import { LandlordDetail } from './landlord-detail';
import { DashboardPage, MapPage } from './map-pages';
import { OrderDetail } from './order-detail';
import { OrderDraftPage } from './order-draft';
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
    case 'home':
      return <Home />;
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
    case 'today':
      return <DayList />;
    case 'inspections':
      return <InspectionList />;
    case 'inspectionNew':
      return <InspectionPlanPage />;
    case 'inspection':
      return <InspectionDetail id={route.id} />;
    case 'inspectionRecord':
      return <InspectionRecordPage id={route.id} />;
    case 'cases':
      return <CaseList />;
    case 'case':
      return <CaseDetail id={route.id} />;
    case 'hearingNew':
      return <HearingDraftPage caseId={route.id} />;
    case 'orderNew':
      return <OrderDraftPage caseId={route.id} />;
    case 'hearing':
      return <HearingDetail id={route.id} />;
    case 'order':
      return <OrderDetail id={route.id} />;
    case 'inbox':
      return <Inbox />;
    case 'map':
      return <MapPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'notFound':
      return <NotFound />;
  }
}

/** The start page: an inspector's day for inspectors, the register for everyone else. */
function Home() {
  const { user } = useSession();
  return user.role === 'inspector' ? <DayList /> : <PropertyList />;
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
