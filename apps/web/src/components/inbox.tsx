// The signed-in user's inbox ("Posteingang"): notifications newest first, unread marked, each
// marked read on its own, all at once, or by opening its link.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { enforcementApi, type Notification } from '../enforcement-api';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { formatDateTime } from '../time';
import { inboxChanged } from '../unread-count';
import { useResource } from '../use-resource';
import { errorText, LoadError, useDocumentTitle } from './page';

const pageSize = 50;

export function Inbox() {
  const { t } = useTranslation();
  const { expired } = useSession();
  const id = useId();
  const location = useLocation();
  const onlyUnread = new URLSearchParams(location.search).get('ungelesen') === '1';
  useDocumentTitle(t('inbox.title'));
  const result = useResource(
    (signal) =>
      enforcementApi.notifications(
        { unread: onlyUnread ? true : undefined, limit: pageSize },
        signal,
      ),
    [onlyUnread],
    { keepPrevious: true },
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      inboxChanged();
      result.reload();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return expired();
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  }

  const page = result.data;
  return (
    <section className="stack-lg" aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <div>
          <h1 id={`${id}-title`} tabIndex={-1} data-testid="inbox-title">
            {t('inbox.title')}
          </h1>
          {page && (
            <p className="page-head__sub" data-testid="inbox-unread">
              {t('inbox.unread', { count: page.unread })}
            </p>
          )}
        </div>
        {page && page.unread > 0 && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void act(() => enforcementApi.markAllNotificationsRead())}
            data-testid="read-all"
          >
            {t('inbox.readAll')}
          </button>
        )}
      </div>
      <div className="card card--tight">
        <label className="choice" htmlFor={`${id}-unread`}>
          <input
            id={`${id}-unread`}
            type="checkbox"
            checked={onlyUnread}
            onChange={(event) =>
              navigate(paths.inbox() + (event.target.checked ? '?ungelesen=1' : ''), {
                replace: true,
              })
            }
            data-testid="filter-unread"
          />
          {t('inbox.onlyUnread')}
        </label>
      </div>
      {error && (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      )}
      {result.error !== undefined && <LoadError error={result.error} onRetry={result.reload} />}
      {page && page.items.length === 0 && (
        <p className="card empty" data-testid="inbox-empty">
          {onlyUnread ? t('inbox.emptyUnread') : t('inbox.empty')}
        </p>
      )}
      {page && page.items.length > 0 && (
        <div>
          <ul className="plain-list stack" aria-busy={result.loading} aria-label={t('inbox.title')}>
            {page.items.map((item) => (
              <InboxEntry
                key={item.id}
                item={item}
                busy={busy}
                onRead={() => void act(() => enforcementApi.markNotificationRead(item.id))}
              />
            ))}
          </ul>
        </div>
      )}
      {page && page.total > page.items.length && (
        <p className="muted small">{t('inbox.more', { count: page.total - page.items.length })}</p>
      )}
    </section>
  );
}

function InboxEntry({
  item,
  busy,
  onRead,
}: {
  item: Notification;
  busy: boolean;
  onRead: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const unread = item.readAt === null;
  // Only paths inside the app are links; anything else is shown, never followed.
  const internal = item.link?.startsWith('/') && !item.link.startsWith('//');
  return (
    <li
      className="card card--tight stack"
      data-testid="notification"
      data-unread={unread ? 'true' : undefined}
    >
      <p className="defect__title">
        {unread && <span className="badge badge--warning">{t('inbox.new')}</span>}{' '}
        {internal && item.link ? (
          <Link to={item.link} onClick={() => unread && onRead()} data-testid="notification-link">
            {item.subject}
          </Link>
        ) : (
          item.subject
        )}
      </p>
      <p className="prewrap">{item.body}</p>
      <p className="muted small">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
        {!unread && item.readAt && (
          <> · {t('inbox.readAt', { when: formatDateTime(item.readAt, language) })}</>
        )}
      </p>
      {unread && (
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy}
            onClick={onRead}
            data-testid="mark-read"
          >
            {t('inbox.markRead')}
            <span className="visually-hidden">: {item.subject}</span>
          </button>
        </p>
      )}
    </li>
  );
}
