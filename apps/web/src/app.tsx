import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type User } from './api';
import { AppFrame } from './components/app-frame';
import { routeKey, RoutePage } from './components/app-routes';
import { LanguageSwitch } from './components/language-switch';
import { SignInForm } from './components/sign-in-form';
import { matchRoute, useLocation } from './router';
import { SessionContext, type SessionValue } from './session';

type Session =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: User };

export function App() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const loadSession = useCallback((signal?: AbortSignal) => {
    setSession({ status: 'loading' });
    api.me(signal).then(
      (user) => setSession(user ? { status: 'signedIn', user } : { status: 'signedOut' }),
      (error: unknown) => {
        if (signal?.aborted) return;
        console.warn('Could not load the session', error);
        setSession({ status: 'unavailable' });
      },
    );
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    loadSession(controller.signal);
    return () => controller.abort();
  }, [loadSession]);

  const signedOut = useCallback(() => setSession({ status: 'signedOut' }), []);

  switch (session.status) {
    case 'signedIn':
      return <SignedIn user={session.user} onSignedOut={signedOut} />;
    case 'signedOut':
      return (
        <PublicLayout>
          <SignInForm onSignedIn={(user) => setSession({ status: 'signedIn', user })} />
        </PublicLayout>
      );
    case 'unavailable':
      return (
        <PublicLayout>
          <Unavailable onRetry={() => loadSession()} />
        </PublicLayout>
      );
    case 'loading':
      return (
        <PublicLayout busy>
          <Loading />
        </PublicLayout>
      );
  }
}

/** The signed-in app: the frame with the page the address names. */
function SignedIn({ user, onSignedOut }: { user: User; onSignedOut: () => void }) {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  const key = routeKey(route);
  const session = useMemo<SessionValue>(
    () => ({ user, expired: onSignedOut }),
    [user, onSignedOut],
  );
  return (
    <SessionContext.Provider value={session}>
      <AppFrame user={user} route={route} pageKey={key} onSignedOut={onSignedOut}>
        <RoutePage key={key} route={route} />
      </AppFrame>
    </SessionContext.Provider>
  );
}

/** The pages before sign-in: a slim header with the name and the language switch. */
function PublicLayout({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page page--public">
      <header className="public-header">
        <p className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" className="public-main" aria-busy={busy}>
        {children}
      </main>
    </div>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('app.loading')}
    </p>
  );
}

function Unavailable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">{t('app.unavailable.title')}</h1>
      <p>{t('app.unavailable.text')}</p>
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('app.unavailable.retry')}
      </button>
    </section>
  );
}
