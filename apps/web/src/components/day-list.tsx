import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, canLogInspections, canPlanInspections, type DayStop } from '../api';
import { splitAddress } from '../format';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { addDays, formatLongDay, formatTime, isDay, today } from '../time';
import { useResource } from '../use-resource';
import { formatDistance, kindLabel, StatusBadge } from './inspection-labels';
import { LoadError, Loading, useDocumentTitle } from './page';

function dayFrom(search: string): string {
  const value = new URLSearchParams(search).get('datum') ?? '';
  return isDay(value) ? value : today();
}

/** "Meine Begehungen heute": the signed-in person's visits of a day, in route order. */
export function DayList() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const { user } = useSession();
  const id = useId();
  const location = useLocation();
  const day = dayFrom(location.search);
  const isToday = day === today();
  const title = isToday
    ? t('day.titleToday')
    : t('day.titleOn', { date: formatLongDay(day, language) });
  useDocumentTitle(title);

  const route = useResource((signal) => api.dayRoute(day, signal), [day], {
    keepPrevious: true,
  });

  function goTo(next: string) {
    if (!isDay(next)) return;
    navigate(next === today() ? paths.today() : paths.today(next), { replace: true });
  }

  const stops = route.data?.date === day ? route.data.stops : undefined;

  return (
    <section className="stack-lg" aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <div>
          <h1 id={`${id}-title`} tabIndex={-1} data-testid="day-title">
            {title}
          </h1>
          {isToday && <p className="page-head__sub">{formatLongDay(day, language)}</p>}
        </div>
        {canPlanInspections(user.role) && (
          <Link className="button button--secondary" to={paths.inspectionNew()}>
            {t('day.plan')}
          </Link>
        )}
      </div>

      <div className="card card--tight day-picker">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('day.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={day}
            onChange={(event) => goTo(event.target.value)}
            data-testid="day-date"
          />
        </div>
        <div className="day-picker__buttons">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => goTo(addDays(day, -1))}
          >
            <span aria-hidden="true">←</span>
            {t('day.previous')}
          </button>
          {!isToday && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => goTo(today())}
            >
              {t('day.today')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => goTo(addDays(day, 1))}
          >
            {t('day.next')}
            <span aria-hidden="true">→</span>
          </button>
        </div>
      </div>

      <p className="visually-hidden" role="status">
        {route.loading ? t('app.loading') : stops ? t('day.count', { count: stops.length }) : ''}
      </p>
      {route.loading && !stops && <Loading />}
      {route.error !== undefined && <LoadError error={route.error} onRetry={route.reload} />}
      {stops && stops.length === 0 && (
        <p className="card empty" data-testid="day-empty">
          {t('day.empty')}
        </p>
      )}
      {stops && stops.length > 0 && route.data && (
        <div className="stack" aria-busy={route.loading}>
          <ol className="stop-list" aria-label={t('day.listLabel')}>
            {stops.map((stop) => (
              <StopCard key={stop.id} stop={stop} canRecord={canLogInspections(user.role)} />
            ))}
          </ol>
          <p className="muted small" data-testid="day-total">
            {t('day.total', {
              count: stops.length,
              distance: formatDistance(route.data.totalDistanceM, language),
            })}
          </p>
        </div>
      )}
    </section>
  );
}

function StopCard({ stop, canRecord }: { stop: DayStop; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const headingId = useId();
  const [street, place] = splitAddress(stop.address);
  return (
    <li className="stop card card--tight" aria-labelledby={headingId} data-testid="day-stop">
      <div className="stop__head">
        <span className="stop__number" aria-hidden="true">
          {stop.stop}
        </span>
        <div className="stop__main">
          <h2 id={headingId} className="stop__title">
            <span className="visually-hidden">{t('day.stop', { n: stop.stop })}: </span>
            <span className="stop__time">{formatTime(stop.scheduledAt, language)}</span>{' '}
            <Link to={paths.inspection(stop.id)} data-testid="stop-link">
              {street}
            </Link>
          </h2>
          {place && <p className="muted stop__place">{place}</p>}
        </div>
      </div>
      <p className="stop__facts">
        <span className="badge badge--quiet">{kindLabel(t, stop.kind)}</span>{' '}
        <StatusBadge status={stop.status} />{' '}
        <span className="muted small">
          {stop.stop === 1
            ? t('day.distanceFromStart', { distance: formatDistance(stop.distanceM, language) })
            : t('day.distanceFromPrevious', {
                distance: formatDistance(stop.distanceM, language),
              })}
        </span>
      </p>
      {stop.reason && <p className="stop__reason">{stop.reason}</p>}
      {stop.jointPartners.length > 0 && (
        <p className="small">
          {t('inspection.jointPartners')}: {stop.jointPartners.join(', ')}
        </p>
      )}
      {stop.status === 'planned' && canRecord && (
        <p className="stop__actions">
          <Link
            className="button button--primary"
            to={paths.inspectionRecord(stop.id)}
            data-testid="record-inspection"
          >
            {t('day.record')}
          </Link>
        </p>
      )}
    </li>
  );
}
