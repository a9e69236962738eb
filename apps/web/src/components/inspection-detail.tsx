import { useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  api,
  ApiError,
  canLogInspections,
  canPlanInspections,
  photoPreviewUrl,
  type Defect,
  type InspectionDetail as InspectionRecord,
  type OccupancyRecord,
} from '../api';
import { formatNumber, splitAddress } from '../format';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { dayOf, formatDateTime, timeOf, zonedIso } from '../time';
import { useResource } from '../use-resource';
import { Field } from './form-parts';
import {
  bilingual,
  DefectStatusBadge,
  kindLabel,
  SeverityBadge,
  StatusBadge,
} from './inspection-labels';
import { lastInspectionListUrl } from './inspection-list';
import { errorText, LoadError, Loading, useDocumentTitle, useFlash } from './page';

export function InspectionDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const inspection = useResource((signal) => api.inspection(id, signal), [id], {
    keepPrevious: true,
  });
  const flash = useFlash(paths.inspection(id));
  const data = inspection.data;
  const [street, place] = data ? splitAddress(data.address) : [t('inspection.fallbackTitle'), ''];
  useDocumentTitle(data ? `${t('inspection.title')}: ${street}` : t('inspection.title'));

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={lastInspectionListUrl()}>
          <span aria-hidden="true">← </span>
          {t('inspections.title')}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">{data ? kindLabel(t, data.kind) : t('inspection.title')}</p>
          <h1 id={headingId} tabIndex={-1} data-testid="inspection-title">
            {street}
          </h1>
          {place && <p className="page-head__sub">{place}</p>}
        </div>
        {data && <StatusBadge status={data.status} />}
      </div>
      {flash && (
        <p className="banner banner--success" role="status" data-testid="flash">
          {flash === 'recorded'
            ? t('inspection.recorded')
            : flash === 'planned'
              ? t('inspection.planned')
              : t('property.saved')}
        </p>
      )}
      {inspection.loading && !data && <Loading />}
      {inspection.error !== undefined && (
        <LoadError error={inspection.error} onRetry={inspection.reload} />
      )}
      {data && <InspectionBody inspection={data} onChanged={inspection.reload} />}
    </article>
  );
}

function InspectionBody({
  inspection,
  onChanged,
}: {
  inspection: InspectionRecord;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const { user } = useSession();
  const property = useResource(
    (signal) => api.property(inspection.propertyId, signal),
    [inspection.propertyId],
  );
  const units = new Map(
    property.data?.buildings.flatMap((building) =>
      building.units.map((unit) => [unit.id, unit.label] as const),
    ) ?? [],
  );
  const planned = inspection.status === 'planned';
  const none = t('common.none');

  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="section-visit">
        <h2 id="section-visit">{t('inspection.sections.visit')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('inspection.scheduledAt')}</dt>
            <dd data-testid="inspection-when">
              {formatDateTime(inspection.scheduledAt, language)}
            </dd>
          </div>
          <div>
            <dt>{t('inspection.inspectors')}</dt>
            <dd data-testid="inspection-inspectors">
              {inspection.inspectors.map((person) => person.displayName).join(', ') || none}
            </dd>
          </div>
          {inspection.jointPartners.length > 0 && (
            <div>
              <dt>{t('inspection.jointPartners')}</dt>
              <dd>{inspection.jointPartners.join(', ')}</dd>
            </div>
          )}
          <div>
            <dt>{t('inspection.reason')}</dt>
            <dd className="prewrap">{inspection.reason ?? none}</dd>
          </div>
          {inspection.completedAt && (
            <div>
              <dt>
                {inspection.status === 'cancelled'
                  ? t('inspection.cancelledAt')
                  : t('inspection.completedAt')}
              </dt>
              <dd>
                {formatDateTime(inspection.completedAt, language)}
                {inspection.completedBy && <> · {inspection.completedBy.displayName}</>}
              </dd>
            </div>
          )}
          {inspection.outcomeReason && (
            <div>
              <dt>
                {inspection.status === 'cancelled'
                  ? t('inspection.cancelReason')
                  : t('inspection.noAccessReason')}
              </dt>
              <dd className="prewrap">{inspection.outcomeReason}</dd>
            </div>
          )}
          {inspection.notes && (
            <div>
              <dt>{t('inspection.notes')}</dt>
              <dd className="prewrap">{inspection.notes}</dd>
            </div>
          )}
          {inspection.revisitInspectionId && (
            <div>
              <dt>{t('inspection.revisit')}</dt>
              <dd>
                <Link to={paths.inspection(inspection.revisitInspectionId)}>
                  {t('inspection.revisitLink')}
                </Link>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('inspection.property')}</dt>
            <dd>
              <Link to={paths.property(inspection.propertyId)}>{inspection.address}</Link>
            </dd>
          </div>
        </dl>
        {planned && canLogInspections(user.role) && (
          <p className="card__actions">
            <Link
              className="button button--primary"
              to={paths.inspectionRecord(inspection.id)}
              data-testid="record-inspection"
            >
              {t('inspection.record')}
            </Link>
          </p>
        )}
      </section>

      {planned && canPlanInspections(user.role) && (
        <section className="card stack" aria-labelledby="section-change">
          <h2 id="section-change">{t('inspection.sections.change')}</h2>
          <Reschedule inspection={inspection} onChanged={onChanged} />
          <Cancel inspection={inspection} onChanged={onChanged} />
        </section>
      )}

      {planned && inspection.openDefects.length > 0 && (
        <section className="card detail-grid__wide" aria-labelledby="section-open">
          <h2 id="section-open">{t('inspection.sections.openDefects')}</h2>
          <DefectList defects={inspection.openDefects} testId="open-defect" />
        </section>
      )}

      {inspection.status === 'done' && (
        <section className="card detail-grid__wide" aria-labelledby="section-findings">
          <h2 id="section-findings">
            {t('inspection.sections.findings', { count: inspection.findings.length })}
          </h2>
          {inspection.findings.length === 0 ? (
            <p className="muted">{t('inspection.noFindings')}</p>
          ) : (
            <DefectList defects={inspection.findings} testId="finding" withPhotos />
          )}
        </section>
      )}

      {inspection.occupancy.length > 0 && (
        <section className="card detail-grid__wide" aria-labelledby="section-occupancy">
          <h2 id="section-occupancy">{t('inspection.sections.occupancy')}</h2>
          <ul className="plain-list stack">
            {inspection.occupancy.map((row) => (
              <OccupancyRow key={row.unitId} row={row} unitLabel={units.get(row.unitId)} />
            ))}
          </ul>
        </section>
      )}

      {inspection.checks.length > 0 && (
        <section className="card detail-grid__wide" aria-labelledby="section-checks">
          <h2 id="section-checks">{t('inspection.sections.checks')}</h2>
          <CheckList inspection={inspection} />
        </section>
      )}
    </div>
  );
}

/** Defects as cards: severity, catalogue entry, where, what, status; photos when asked. */
export function DefectList({
  defects,
  testId,
  withPhotos = false,
}: {
  defects: Defect[];
  testId: string;
  withPhotos?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  return (
    <ul className="defect-list">
      {defects.map((defect) => (
        <li key={defect.id} className="defect" data-testid={testId}>
          <div className="defect__head">
            <SeverityBadge severity={defect.severity} />
            <div>
              <p className="defect__title">
                {bilingual(defect.catalogueItem.title, language)}{' '}
                <span className="muted small">{defect.catalogueItem.code}</span>
              </p>
              <p className="muted small">
                {[defect.unitLabel, defect.room].filter(Boolean).join(' · ') ||
                  t('inspection.commonParts')}
              </p>
            </div>
            <DefectStatusBadge status={defect.status} />
          </div>
          <p className="prewrap">{defect.description}</p>
          {defect.severityReason && (
            <p className="small">
              <strong>
                {t('inspection.severityChanged', { from: defect.catalogueItem.severity })}
              </strong>{' '}
              {defect.severityReason}
            </p>
          )}
          {withPhotos && defect.photoCount > 0 && <DefectPhotos defect={defect} />}
        </li>
      ))}
    </ul>
  );
}

function DefectPhotos({ defect }: { defect: Defect }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const photos = useResource((signal) => api.defectPhotos(defect.id, signal), [defect.id]);
  const title = bilingual(defect.catalogueItem.title, language);
  if (photos.error !== undefined) return <LoadError error={photos.error} onRetry={photos.reload} />;
  if (!photos.data) return null;
  return (
    <ul className="photo-grid" aria-label={t('inspection.photosOf', { defect: title })}>
      {photos.data.items.map((photo, index) => (
        <li key={photo.id} data-testid="finding-photo">
          <a href={photoPreviewUrl(photo.id)} target="_blank" rel="noreferrer">
            <img
              src={photoPreviewUrl(photo.id)}
              alt={t('inspection.photoAlt', { n: index + 1, defect: title })}
              loading="lazy"
              width={photo.width > photo.height ? 160 : 120}
              height={photo.width > photo.height ? 120 : 160}
            />
          </a>
        </li>
      ))}
    </ul>
  );
}

function OccupancyRow({ row, unitLabel }: { row: OccupancyRecord; unitLabel?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const explanation = row.result.explanation;
  return (
    <li className="occupancy" data-testid="occupancy-row">
      <p className="defect__title">
        {unitLabel ?? t('inspection.unit')}{' '}
        <span
          className={row.outcome === 'overcrowded' ? 'badge badge--danger' : 'badge badge--quiet'}
        >
          {t(`occupancyOutcomes.${row.outcome}`)}
        </span>
      </p>
      <p className="small">
        {t('inspection.occupancyCounts', {
          adults: row.adultsFound,
          children: row.childrenUnderSixFound,
          registered: row.personsRegistered,
          area: formatNumber(row.livingAreaM2, language),
        })}
      </p>
      {explanation && <p className="small muted">{bilingual(explanation, language)}</p>}
    </li>
  );
}

function CheckList({ inspection }: { inspection: InspectionRecord }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const defects = useResource(
    (signal) => api.propertyDefects(inspection.propertyId, signal),
    [inspection.propertyId],
  );
  const byId = new Map(defects.data?.items.map((defect) => [defect.id, defect]) ?? []);
  return (
    <ul className="plain-list stack">
      {inspection.checks.map((check) => {
        const defect = byId.get(check.defectId);
        return (
          <li key={check.defectId} data-testid="check-row">
            <strong>
              {check.result === 'remedied'
                ? t('inspection.check.remedied')
                : t('inspection.check.notRemedied')}
              :
            </strong>{' '}
            {defect
              ? `${bilingual(defect.catalogueItem.title, language)}${
                  defect.unitLabel ? ` (${defect.unitLabel})` : ''
                }`
              : check.defectId}
            {check.note && <span className="muted"> – {check.note}</span>}
          </li>
        );
      })}
    </ul>
  );
}

// ---- changing a planned visit -----------------------------------------------------------

function changeErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 412) return t('inspection.change.stale');
    if (error.status === 409) return t('inspection.change.notPlanned');
    if (error.status === 422 && error.problem?.errors?.length)
      return error.problem.errors.map((item) => `${item.field}: ${item.message}`).join(' ');
  }
  return errorText(t, error);
}

function Reschedule({
  inspection,
  onChanged,
}: {
  inspection: InspectionRecord;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { expired } = useSession();
  const id = useId();
  const [date, setDate] = useState(() => dayOf(inspection.scheduledAt));
  const [time, setTime] = useState(() => timeOf(inspection.scheduledAt));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      await api.updateInspection(inspection.id, inspection.version, {
        scheduledAt: zonedIso(date, time) ?? '',
      });
      setMessage({ ok: true, text: t('inspection.change.rescheduled') });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return expired();
      setMessage({ ok: false, text: changeErrorText(t, error) });
      if (error instanceof ApiError && error.status === 412) onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('inspection.change.reschedule')}</h3>
      <div className="form-grid">
        <Field label={t('plan.date')} htmlFor={`${id}-date`}>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </Field>
        <Field label={t('plan.time')} htmlFor={`${id}-time`}>
          <input
            id={`${id}-time`}
            type="time"
            step={300}
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
        </Field>
      </div>
      {message && (
        <p
          className={message.ok ? 'banner banner--success' : 'banner banner--error'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      <p>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('inspection.change.saveDate')}
        </button>
      </p>
    </form>
  );
}

function Cancel({
  inspection,
  onChanged,
}: {
  inspection: InspectionRecord;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { expired } = useSession();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setError(t('inspection.change.cancelReasonMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.cancelInspection(inspection.id, inspection.version, reason.trim());
      onChanged();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return expired();
      setError(changeErrorText(t, failure));
      if (failure instanceof ApiError && failure.status === 412) onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('inspection.change.cancel')}</h3>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t('inspection.change.cancelReason')}
          <span className="required" title={t('common.required')}>
            <span aria-hidden="true"> *</span>
          </span>
        </label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          value={reason}
          aria-required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <p>
        <button type="submit" className="button button--danger" disabled={busy}>
          {t('inspection.change.cancelSubmit')}
        </button>
      </p>
    </form>
  );
}
