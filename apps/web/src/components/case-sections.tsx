// The parts of a case page that only show: defects, hearings, closures and the timeline.
import { useTranslation } from 'react-i18next';
import {
  enforcementApi,
  type CaseDefect,
  type CaseTimelineEntry,
  type Hearing,
} from '../enforcement-api';
import { Link, paths } from '../router';
import { formatDateTime } from '../time';
import { useResource } from '../use-resource';
import { dayText, HearingStatusBadge, timelineActionLabel } from './enforcement-labels';
import { bilingual, DefectStatusBadge, SeverityBadge } from './inspection-labels';
import { LoadError } from './page';

/** A defect in one line: catalogue title, where, what. */
export function DefectSummary({ defect }: { defect: CaseDefect }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  return (
    <div className="defect__head">
      <SeverityBadge severity={defect.severity} />
      <div>
        <p className="defect__title">
          {bilingual(defect.catalogueTitle, language)}{' '}
          <span className="muted small">{defect.catalogueCode}</span>
        </p>
        <p className="muted small">
          {[defect.unitLabel, defect.room].filter(Boolean).join(' · ') ||
            t('inspection.commonParts')}
          {' – '}
          {defect.description}
        </p>
      </div>
      <DefectStatusBadge status={defect.status} />
    </div>
  );
}

export function CaseDefects({ defects }: { defects: CaseDefect[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="section-defects">
      <h2 id="section-defects">{t('case.sections.defects', { count: defects.length })}</h2>
      {defects.length === 0 ? (
        <p className="muted">{t('case.noDefects')}</p>
      ) : (
        <ul className="defect-list">
          {defects.map((defect) => (
            <li key={defect.id} className="defect" data-testid="case-defect">
              <DefectSummary defect={defect} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CaseHearings({ hearings }: { hearings: Hearing[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  return (
    <section className="card" aria-labelledby="section-hearings">
      <h2 id="section-hearings">{t('case.sections.hearings', { count: hearings.length })}</h2>
      {hearings.length === 0 ? (
        <p className="muted">{t('case.noHearings')}</p>
      ) : (
        <ul className="plain-list stack">
          {hearings.map((hearing) => (
            <li key={hearing.id} data-testid="case-hearing">
              <p>
                <Link to={paths.hearing(hearing.id)}>
                  {t('case.hearingLine', {
                    count: hearing.defectIds.length,
                    days: hearing.replyDays,
                  })}
                </Link>{' '}
                <HearingStatusBadge status={hearing.status} />
              </p>
              <p className="small muted">
                {t('case.hearingDates', {
                  notified: dayText(t, hearing.notifiedOn, language),
                  reply: dayText(t, hearing.replyDueOn, language),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CaseClosures({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const closures = useResource((signal) => enforcementApi.closures(caseId, signal), [caseId]);
  return (
    <section className="card" aria-labelledby="section-closures">
      <h2 id="section-closures">{t('case.sections.closures')}</h2>
      {closures.error !== undefined && (
        <LoadError error={closures.error} onRetry={closures.reload} />
      )}
      {closures.data && closures.data.items.length === 0 && (
        <p className="muted">{t('case.noClosures')}</p>
      )}
      {closures.data && closures.data.items.length > 0 && (
        <ul className="plain-list stack">
          {closures.data.items.map((closure) => (
            <li key={closure.id} data-testid="case-closure">
              <p>
                <strong>{t(`closureStatuses.${closure.status}`)}</strong>{' '}
                {closure.wholeBuilding
                  ? t('case.closureWhole')
                  : t('case.closureUnits', { count: closure.unitIds.length })}
              </p>
              <p className="small muted">
                {t('case.closureDates', {
                  declared: dayText(t, closure.declaredOn, language),
                  moveOut: dayText(t, closure.moveOutBy, language),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CaseTimeline({ entries }: { entries: CaseTimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  return (
    <section className="card detail-grid__wide" aria-labelledby="section-timeline">
      <h2 id="section-timeline">{t('case.sections.timeline')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('case.noTimeline')}</p>
      ) : (
        <ol className="timeline" data-testid="case-timeline">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${entry.action}-${index}`} data-testid="timeline-entry">
              <time dateTime={entry.at} className="timeline__when">
                {formatDateTime(entry.at, language)}
              </time>
              <EntryLabel entry={entry} />
              {entry.actorName && <span className="muted"> · {entry.actorName}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function EntryLabel({ entry }: { entry: CaseTimelineEntry }) {
  const { t } = useTranslation();
  const text = timelineActionLabel(t, entry.action);
  if (entry.entityType === 'order') return <Link to={paths.order(entry.entityId)}>{text}</Link>;
  if (entry.entityType === 'hearing') return <Link to={paths.hearing(entry.entityId)}>{text}</Link>;
  return <span>{text}</span>;
}
