// Today's route: the day's visits in route order (nearest next by straight-line distance, as the
// api computed it), from IndexedDB, so it opens without signal.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDistance, kindLabel, statusLabel } from '../components/inspection-labels';
import { Link, paths } from '../router';
import { formatLongDay, formatTime, today } from '../time';
import { useField } from './field-context';
import { cachedDay, fieldDb } from './field-db';
import { useStored } from './use-stored';

export function FieldDay() {
  const { t, i18n } = useTranslation();
  const { dataVersion, fetchState, refresh, user } = useField();
  const day = useStored(cachedDay, [dataVersion]);
  const submitted = useStored(
    async () =>
      new Set(
        (await (await fieldDb()).getAll('drafts'))
          .filter((draft) => draft.submittedAt !== null)
          .map((draft) => draft.inspectionId),
      ),
    [dataVersion],
  );
  const mine = day && day.userId === user.id ? day : undefined;
  const shown = mine !== undefined && mine.route.stops.length > 0;
  useEffect(() => {
    // For the timing in the browser test (and DevTools): when the route first stood on screen.
    if (shown && performance.getEntriesByName('field:day-shown').length === 0) {
      performance.mark('field:day-shown');
    }
  }, [shown]);
  const stale = mine && mine.date !== today();

  return (
    <section aria-labelledby="field-day-title" data-testid="field-day">
      <h1 id="field-day-title" className="field-title">
        {t('field.day.title')}
      </h1>
      {mine && (
        <p className="field-muted" data-testid="field-day-date">
          {formatLongDay(mine.date, i18n.language)} ·{' '}
          {t('field.day.fetchedAt', { time: formatTime(mine.fetchedAt, i18n.language) })}
        </p>
      )}
      {stale && <p className="field-warning">{t('field.day.stale')}</p>}
      <button
        type="button"
        className="button field-button"
        onClick={refresh}
        disabled={fetchState === 'fetching'}
        data-testid="field-refresh"
      >
        {t('field.day.refresh')}
      </button>
      {mine === undefined ? (
        <p>{day === undefined ? t('field.day.nothingYet') : t('app.loading')}</p>
      ) : mine.route.stops.length === 0 ? (
        <p data-testid="field-day-empty">{t('field.day.empty')}</p>
      ) : (
        <ol className="field-stops" data-testid="field-stops">
          {mine.route.stops.map((stop) => (
            <li key={stop.id} className="field-card field-stop" data-testid="field-stop">
              <p className="field-stop__head">
                <span
                  className="field-stop__number"
                  aria-label={t('field.day.stop', { n: stop.stop })}
                >
                  {stop.stop}
                </span>
                <span className="field-stop__time">
                  {formatTime(stop.scheduledAt, i18n.language)}
                </span>
                <span className="field-muted">
                  {stop.stop > 1 &&
                    t('field.day.distance', {
                      distance: formatDistance(stop.distanceM, i18n.language),
                    })}
                </span>
              </p>
              <h2 className="field-stop__address">{stop.address}</h2>
              <p className="field-muted">
                {kindLabel(t, stop.kind)} ·{' '}
                {submitted?.has(stop.id)
                  ? t('field.day.recordedHere')
                  : statusLabel(t, stop.status)}
              </p>
              <div className="field-actions">
                <Link
                  className="button field-button"
                  to={paths.fieldProperty(stop.id)}
                  data-testid="field-open-property"
                >
                  {t('field.day.property')}
                </Link>
                {stop.status === 'planned' && (
                  <Link
                    className="button button--primary field-button"
                    to={paths.fieldRecord(stop.id)}
                    data-testid="field-open-record"
                  >
                    {submitted?.has(stop.id) ? t('field.day.viewRecord') : t('field.day.record')}
                  </Link>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
