// The inspector's field app (/feld): phone-first, offline-first. It keeps its own session: the
// signed-in user is remembered on the device, so a reload without signal opens the day from
// IndexedDB (the shell comes from the service worker's cache, apps/web/sw/service-worker.js).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, canLogInspections, type User } from '../api';
import { LanguageSwitch } from '../components/language-switch';
import { SignInForm } from '../components/sign-in-form';
import { useLocation } from '../router';
import { FieldContext, type FetchState, type FieldContextValue } from './field-context';
import { cachedUser, clearFieldData, setMeta } from './field-db';
import { prefetchDay } from './field-data';
import { FieldDay } from './field-day';
import { FieldProperty } from './field-property';
import { FieldRecord } from './field-record';
import { SyncPanel } from './field-sync-panel';
import { onSessionExpired, startSync } from './field-sync';

type Session =
  | { status: 'loading' }
  | { status: 'signedOut' }
  /** The api answered 401 while sending: the work waits on the device for the next sign-in. */
  | { status: 'expired' }
  | { status: 'noDevice' }
  | { status: 'signedIn'; user: User; online: boolean };

export default function FieldApp() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    api.me().then(
      async (user) => {
        if (cancelled) return;
        if (user) await setMeta('user', user);
        setSession(user ? { status: 'signedIn', user, online: true } : { status: 'signedOut' });
      },
      async (error: unknown) => {
        // No answer: work on with the user this device remembers.
        const user = error instanceof ApiError && error.isNetworkError ? await cachedUser() : null;
        if (cancelled) return;
        setSession(user ? { status: 'signedIn', user, online: false } : { status: 'noDevice' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => onSessionExpired(() => setSession({ status: 'expired' })), []);

  const signedIn = useCallback((user: User) => {
    void setMeta('user', user).then(() => setSession({ status: 'signedIn', user, online: true }));
  }, []);

  return (
    <div className="field-app">
      <a className="skip-link" href="#field-main">
        {t('app.skipToContent')}
      </a>
      {session.status === 'signedIn' ? (
        <SignedInField
          user={session.user}
          online={session.online}
          onSignedOut={() => setSession({ status: 'signedOut' })}
        />
      ) : (
        <>
          <header className="field-header">
            <p className="field-brand">{t('field.brand')}</p>
            <LanguageSwitch />
          </header>
          <main id="field-main" className="field-main">
            {session.status === 'loading' && (
              <p role="status" className="status">
                {t('app.loading')}
              </p>
            )}
            {session.status === 'expired' && (
              <p className="field-warning" role="alert" data-testid="field-session-expired">
                {t('field.session.expired')}
              </p>
            )}
            {(session.status === 'signedOut' || session.status === 'expired') && (
              <SignInForm onSignedIn={signedIn} />
            )}
            {session.status === 'noDevice' && (
              <section className="field-card">
                <h1>{t('field.noDevice.title')}</h1>
                <p>{t('field.noDevice.text')}</p>
              </section>
            )}
          </main>
        </>
      )}
    </div>
  );
}

function SignedInField({
  user,
  online,
  onSignedOut,
}: {
  user: User;
  online: boolean;
  onSignedOut: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [dataVersion, setDataVersion] = useState(0);
  const [fetchState, setFetchState] = useState<FetchState>('idle');
  const [offlineReady, setOfflineReady] = useState(false);

  const refresh = useCallback(() => {
    setFetchState('fetching');
    prefetchDay(user.id).then(
      () => {
        setFetchState('done');
        setDataVersion((version) => version + 1);
      },
      (error: unknown) => {
        console.warn('Could not fetch the day ahead', error);
        setFetchState('failed');
      },
    );
  }, [user.id]);

  useEffect(() => {
    void startSync(user.id);
    if (online) refresh();
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      // Scope `/`: a reload of any /feld page without signal is answered from the cache.
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(
        () => undefined,
        (error: unknown) => console.warn('No service worker', error),
      );
      const settle = () => setOfflineReady(navigator.serviceWorker.controller !== null);
      navigator.serviceWorker.addEventListener('controllerchange', settle);
      void navigator.serviceWorker.ready.then(settle);
      return () => navigator.serviceWorker.removeEventListener('controllerchange', settle);
    }
    return undefined;
  }, [user.id, online, refresh]);

  const value = useMemo<FieldContextValue>(
    () => ({ user, dataVersion, fetchState, refresh }),
    [user, dataVersion, fetchState, refresh],
  );

  async function signOut() {
    try {
      await api.logout();
    } catch {
      // without signal the session ends on the server when it expires
    }
    await clearFieldData();
    onSignedOut();
  }

  const parts = pathname.split('/').filter(Boolean);
  const id = parts[2] ? decodeURIComponent(parts[2]) : undefined;
  let page = <FieldDay />;
  if (!canLogInspections(user.role)) {
    page = (
      <section className="field-card">
        <h1>{t('field.notForRole.title')}</h1>
        <p>
          <a href="/">{t('field.notForRole.link')}</a>
        </p>
      </section>
    );
  } else if (parts[1] === 'objekt' && id) page = <FieldProperty key={id} inspectionId={id} />;
  else if (parts[1] === 'begehung' && id) page = <FieldRecord key={id} inspectionId={id} />;

  const ready = offlineReady && fetchState === 'done';
  return (
    <FieldContext.Provider value={value}>
      <header className="field-header">
        <p className="field-brand">{t('field.brand')}</p>
        <p className="field-user" data-testid="user-name">
          {user.displayName}
        </p>
        <button type="button" className="button field-button--small" onClick={() => void signOut()}>
          {t('frame.signOut')}
        </button>
      </header>
      <p
        className="field-ready"
        data-testid="offline-ready"
        data-ready={ready ? 'true' : 'false'}
        role="status"
      >
        {fetchState === 'fetching'
          ? t('field.ready.fetching')
          : ready
            ? t('field.ready.yes')
            : fetchState === 'failed'
              ? t('field.ready.failed')
              : t('field.ready.cached')}
      </p>
      <SyncPanel />
      <main id="field-main" className="field-main">
        {page}
      </main>
    </FieldContext.Provider>
  );
}
