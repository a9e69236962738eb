// Building blocks every page of the signed-in app uses: the document title, the error of a
// load, and a one-time message carried across a navigation ("saved").
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** Sets `<title>` to "<page> – Hausakte" (again after a language switch). */
export function useDocumentTitle(page: string): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('common.pageTitle', { page });
  }, [t, page, i18n.resolvedLanguage]);
}

export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('errors.network');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 403) return t('errors.forbidden');
    return t('errors.server', { message: error.serverText ?? `HTTP ${error.status}` });
  }
  return t('errors.server', { message: String(error) });
}

/** What a failed load says, with a retry where retrying can help. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const final = error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <div className="banner banner--error stack" role="alert" data-testid="load-error">
      <p>{errorText(t, error)}</p>
      {onRetry && !final && (
        <p>
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('app.loading')}
    </p>
  );
}

// ---- one-time messages across a navigation ----------------------------------------------

export type Flash = 'saved' | 'created' | 'planned' | 'recorded';
let pendingFlash: { path: string; flash: Flash } | undefined;

/** Leaves a message for the page at `path`, shown once when it opens. */
export function setFlash(path: string, flash: Flash): void {
  pendingFlash = { path, flash };
}

/** The message left for this page, if any; taken once. */
export function useFlash(path: string): Flash | undefined {
  // Read in the initializer (pure, so StrictMode's second call agrees), cleared afterwards.
  const [flash] = useState(() => (pendingFlash?.path === path ? pendingFlash.flash : undefined));
  useEffect(() => {
    if (pendingFlash?.path === path) pendingFlash = undefined;
  }, [path]);
  return flash;
}
