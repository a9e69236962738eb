import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, canLogInspections, canReadRegister, type User } from '../api';
import { canManageCases } from '../enforcement-api';
import { Link, paths, type Route } from '../router';
import { useUnreadCount } from '../unread-count';
import { LanguageSwitch } from './language-switch';
import { roleLabel } from './role-label';

interface Props {
  user: User;
  route: Route;
  /** Changes when another page opens; focus then moves to that page's heading. */
  pageKey: string;
  onSignedOut: () => void;
  children: ReactNode;
}

type Section = 'today' | 'inspections' | 'properties' | 'cases' | 'map' | 'dashboard' | 'inbox';

/** The navigation entry a page belongs to (the start page: the inspector's day or the register). */
function sectionOf(route: Route, user: User): Section | undefined {
  switch (route.name) {
    case 'home':
      return user.role === 'inspector' ? 'today' : 'properties';
    case 'today':
      return 'today';
    case 'inspections':
    case 'inspectionNew':
    case 'inspection':
    case 'inspectionRecord':
      return 'inspections';
    case 'properties':
    case 'propertyNew':
    case 'property':
    case 'propertyEdit':
    case 'landlord':
      return 'properties';
    case 'cases':
    case 'case':
    case 'hearingNew':
    case 'orderNew':
    case 'hearing':
    case 'order':
      return 'cases';
    case 'inbox':
      return 'inbox';
    case 'map':
      return 'map';
    case 'dashboard':
      return 'dashboard';
    case 'notFound':
      return undefined;
  }
}

/** The entry for the page the address names exactly (`aria-current`). */
function currentOf(route: Route, user: User): Section | undefined {
  if (route.name === 'home') return sectionOf(route, user);
  if (
    route.name === 'today' ||
    route.name === 'inspections' ||
    route.name === 'properties' ||
    route.name === 'cases' ||
    route.name === 'map' ||
    route.name === 'dashboard' ||
    route.name === 'inbox'
  )
    return route.name;
  return undefined;
}

/** The signed-in frame: header with name, navigation, user, role, language and sign-out. */
/** One entry of the main navigation: marked as the current page, or as the current section. */
function NavItem({
  to,
  name,
  current,
  section,
  testId,
  children,
}: {
  to: string;
  name: Section;
  current: Section | undefined;
  section: Section | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <li>
      <Link
        to={to}
        className="app-nav__link"
        aria-current={current === name ? 'page' : undefined}
        data-active={section === name ? 'true' : undefined}
        data-testid={testId}
      >
        {children}
      </Link>
    </li>
  );
}

export function AppFrame({ user, route, pageKey, onSignedOut, children }: Props) {
  const { t } = useTranslation();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const section = sectionOf(route, user);
  const current = currentOf(route, user);
  const unread = useUnreadCount(pageKey);

  // After sign-in and on every page change, move focus to the page heading, so keyboard and
  // screen-reader users land on the new page (and hear its name) instead of on a stale link.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pageKey]);

  async function signOut() {
    setSigningOut(true);
    setFailed(false);
    try {
      await api.logout();
      onSignedOut();
    } catch (error) {
      // Without a session (401) the user is signed out already.
      if (error instanceof ApiError && error.status === 401) {
        onSignedOut();
        return;
      }
      console.warn('Sign-out failed', error);
      setFailed(true);
      setSigningOut(false);
    }
  }

  return (
    <div className="page page--app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <p className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </p>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul className="app-nav__list">
              {canLogInspections(user.role) && (
                <NavItem
                  to={paths.today()}
                  name="today"
                  current={current}
                  section={section}
                  testId="nav-today"
                >
                  {t('nav.today')}
                </NavItem>
              )}
              {canLogInspections(user.role) && (
                <li>
                  {/* The field app is an app of its own (offline-first): a full page load. */}
                  <a href={paths.field()} className="app-nav__link" data-testid="nav-field">
                    {t('field.nav')}
                  </a>
                </li>
              )}
              {canReadRegister(user.role) && (
                <NavItem
                  to={paths.inspections()}
                  name="inspections"
                  current={current}
                  section={section}
                  testId="nav-inspections"
                >
                  {t('nav.inspections')}
                </NavItem>
              )}
              <NavItem
                to={paths.properties()}
                name="properties"
                current={current}
                section={section}
                testId="nav-properties"
              >
                {t('nav.properties')}
              </NavItem>
              {canManageCases(user.role) && (
                <NavItem
                  to={paths.cases()}
                  name="cases"
                  current={current}
                  section={section}
                  testId="nav-cases"
                >
                  {t('nav.cases')}
                </NavItem>
              )}
              <NavItem
                to={paths.map()}
                name="map"
                current={current}
                section={section}
                testId="nav-map"
              >
                {t('map.nav')}
              </NavItem>
              <NavItem
                to={paths.dashboard()}
                name="dashboard"
                current={current}
                section={section}
                testId="nav-dashboard"
              >
                {t('dashboard.nav')}
              </NavItem>
              <NavItem
                to={paths.inbox()}
                name="inbox"
                current={current}
                section={section}
                testId="nav-inbox"
              >
                {t('nav.inbox')}
                {unread !== undefined && unread > 0 && (
                  <>
                    {' '}
                    <span className="nav-count" aria-hidden="true" data-testid="nav-unread">
                      {unread}
                    </span>
                    <span className="visually-hidden">
                      {', '}
                      {t('nav.unread', { count: unread })}
                    </span>
                  </>
                )}
              </NavItem>
            </ul>
          </nav>
          <div className="app-header__tools">
            <p className="user">
              <span className="visually-hidden">{t('frame.signedInAs')} </span>
              <span className="user__name" data-testid="user-name">
                {user.displayName}
              </span>
              <span className="visually-hidden">, {t('frame.role')}: </span>
              <span className="user__role" data-testid="user-role">
                {roleLabel(t, user.role)}
              </span>
            </p>
            <LanguageSwitch />
            <button
              type="button"
              className="button button--quiet"
              data-testid="signout"
              onClick={() => void signOut()}
              disabled={signingOut}
            >
              {signingOut ? t('frame.signingOut') : t('frame.signOut')}
            </button>
          </div>
        </div>
        {failed && (
          <p className="banner banner--error" role="alert">
            {t('frame.signOutFailed')}
          </p>
        )}
      </header>
      <main id="main" className="app-main" ref={mainRef}>
        {children}
      </main>
    </div>
  );
}
