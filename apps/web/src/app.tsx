import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type User } from './api';
import { AppFrame } from './components/app-frame';
import { Home } from './components/home';
import { LanguageSwitch } from './components/language-switch';
import { SignInForm } from './components/sign-in-form';

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

  switch (session.status) {
    case 'signedIn':
      return (
        <AppFrame user={session.user} onSignedOut={() => setSession({ status: 'signedOut' })}>
          <Home />
        </AppFrame>
      );
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
