// A property's inspections, open defects and timeline, as sections of its detail page.
import { useTranslation } from 'react-i18next';
import { api, ApiError, type TimelineEntry } from '../api';
import { Link, paths } from '../router';
import { formatDateTime } from '../time';
import { useResource } from '../use-resource';
import { DefectList } from './inspection-detail';
import {
  defectStatusLabel,
  kindLabel,
  legalGroundLabel,
  openDefectStatuses,
  SeverityBadge,
  statusLabel,
} from './inspection-labels';
import { InspectionTable } from './inspection-list';
import { LoadError, Loading } from './page';

export function PropertyInspections({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const inspections = useResource(
    (signal) => api.inspections({ propertyId, limit: 100 }, signal),
    [propertyId],
  );
  // The api lists by date, oldest first; the page shows the newest first.
  const items = inspections.data ? [...inspections.data.items].reverse() : undefined;
  return (
    <section className="card detail-grid__wide" aria-labelledby="section-inspections">
      <h2 id="section-inspections">{t('propertyInspections.title')}</h2>
      {inspections.loading && <Loading />}
      {inspections.error !== undefined && (
        <LoadError error={inspections.error} onRetry={inspections.reload} />
      )}
      {items && items.length === 0 && <p className="muted">{t('propertyInspections.none')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <InspectionTable
            items={items}
            caption={t('propertyInspections.caption')}
            withoutAddress
          />
        </div>
      )}
    </section>
  );
}

export function PropertyDefects({ propertyId }: { propertyId: string }) {
  const { t } = useTranslation();
  const defects = useResource((signal) => api.propertyDefects(propertyId, signal), [propertyId]);
  const open = defects.data?.items.filter((defect) => openDefectStatuses.has(defect.status));
  return (
    <section className="card detail-grid__wide" aria-labelledby="section-defects">
      <h2 id="section-defects">
        {t('propertyInspections.openDefects')}
        {open && open.length > 0 && <span className="muted"> ({open.length})</span>}
      </h2>
      {defects.loading && <Loading />}
      {defects.error !== undefined && <LoadError error={defects.error} onRetry={defects.reload} />}
      {open && open.length === 0 && (
        <p className="muted">{t('propertyInspections.noOpenDefects')}</p>
      )}
      {open && open.length > 0 && <DefectList defects={open} testId="property-defect" />}
    </section>
  );
}

/** The property's history; hidden where the api has no timeline. */
export function PropertyTimeline({ propertyId }: { propertyId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const timeline = useResource((signal) => api.propertyTimeline(propertyId, signal), [propertyId]);
  const missing =
    timeline.error instanceof ApiError &&
    (timeline.error.status === 404 || timeline.error.status === 405);
  if (missing) return null;
  const items = timeline.data?.items;
  return (
    <section className="card detail-grid__wide" aria-labelledby="section-timeline">
      <h2 id="section-timeline">{t('propertyInspections.timeline')}</h2>
      {timeline.loading && <Loading />}
      {timeline.error !== undefined && (
        <LoadError error={timeline.error} onRetry={timeline.reload} />
      )}
      {items && items.length === 0 && (
        <p className="muted">{t('propertyInspections.timelineEmpty')}</p>
      )}
      {items && items.length > 0 && (
        <ol className="timeline">
          {items.map((entry) => (
            <li key={`${entry.kind}-${entry.id}-${entry.at}`} data-testid="timeline-entry">
              <time dateTime={entry.at} className="timeline__when">
                {formatDateTime(entry.at, language)}
              </time>
              <TimelineText entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One line per event, in the words of the page (the api gives codes and German titles). */
function TimelineText({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  switch (entry.kind) {
    case 'inspection':
      return (
        <span className="timeline__text">
          <Link to={paths.inspection(entry.id)}>{kindLabel(t, entry.label)}</Link>
          {' – '}
          {statusLabel(t, entry.state)}
        </span>
      );
    case 'defect':
      return (
        <span className="timeline__text">
          {entry.severity && <SeverityBadge severity={entry.severity} />}{' '}
          {t('propertyInspections.kinds.defect')}: {entry.label}
          {' – '}
          {defectStatusLabel(t, entry.state)}
          {entry.parentId && (
            <>
              {' '}
              (<Link to={paths.inspection(entry.parentId)}>{t('inspection.title')}</Link>)
            </>
          )}
        </span>
      );
    case 'photo':
      return (
        <span className="timeline__text">
          {t('propertyInspections.kinds.photo')}
          {entry.label && <>: {entry.label}</>}
        </span>
      );
    case 'complaint':
      return (
        <span className="timeline__text">
          {t('propertyInspections.kinds.complaint')}
          {entry.label && <>: {legalGroundLabel(entry.label, language)}</>}
        </span>
      );
    default:
      return (
        <span className="timeline__text">
          {entry.kind}: {entry.label}
        </span>
      );
  }
}
