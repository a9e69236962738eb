import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type User } from '../api';
import { Link, paths, type Route } from '../router';
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

const registerRoutes: ReadonlySet<Route['name']> = new Set([
  'properties',
  'propertyNew',
  'property',
  'propertyEdit',
  'landlord',
]);

/** The signed-in frame: header with name, navigation, user, role, language and sign-out. */
export function AppFrame({ user, route, pageKey, onSignedOut, children }: Props) {
  const { t } = useTranslation();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);
  const mainRef = useRef<HTMLElement>(null);

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
              <li>
                <Link
                  to={paths.properties()}
                  className="app-nav__link"
                  aria-current={route.name === 'properties' ? 'page' : undefined}
                  data-active={registerRoutes.has(route.name) ? 'true' : undefined}
                  data-testid="nav-properties"
                >
                  {t('nav.properties')}
                </Link>
              </li>
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
