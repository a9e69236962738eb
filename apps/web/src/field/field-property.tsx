// The property card of one stop, from IndexedDB: address, landlords, units, open defects to
// check (each can be corrected: the change goes to the outbox with If-Match; a change the api
// refused and the inspector reopened comes back into its editor, the refused fields marked), the
// newest photos and the history.
import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { severities, type Defect, type Severity } from '../api';
import { DefectStatusBadge, severityLabel, SeverityBadge } from '../components/inspection-labels';
import { formatDate, formatNumber } from '../format';
import { newUuid } from '../ids';
import { Link, paths } from '../router';
import { useField } from './field-context';
import { cachedInspection, cachedProperty, type DefectItem } from './field-db';
import { describeField, type DefectField } from './field-refusal';
import {
  closeReopened,
  discardRefused,
  queueDefectEdit,
  subscribeSync,
  syncSnapshot,
} from './field-sync';
import { useStored } from './use-stored';

export function FieldProperty({ inspectionId }: { inspectionId: string }) {
  const { t, i18n } = useTranslation();
  const { dataVersion, user } = useField();
  const inspection = useStored(() => cachedInspection(inspectionId), [inspectionId, dataVersion]);
  const card = useStored(
    async () => (inspection ? cachedProperty(inspection.propertyId) : undefined),
    [inspection],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // A sent change or a settled conflict updates the cached defect: read it again then.
  const sync = useSyncExternalStore(subscribeSync, syncSnapshot);
  const defects = useStored(
    async () => (await cachedInspection(inspectionId))?.openDefects ?? [],
    [inspectionId, dataVersion, version, sync.items],
  );
  const reopenedEdits = sync.items.filter(
    (item): item is DefectItem =>
      item.kind === 'defect' &&
      item.state === 'failed' &&
      Boolean(item.reopenedAt) &&
      item.userId === user.id,
  );

  if (inspection === undefined || card === undefined) {
    return (
      <section className="field-card">
        <h1 className="field-title">{t('field.property.title')}</h1>
        <p>{t('field.property.missing')}</p>
        <Link to={paths.field()}>{t('field.back')}</Link>
      </section>
    );
  }
  const { property } = card;
  const units = property.buildings.flatMap((building) =>
    building.units.map((unit) => ({ ...unit, building: building.label })),
  );

  return (
    <section aria-labelledby="field-property-title" data-testid="field-property">
      <p>
        <Link className="field-back" to={paths.field()}>
          {t('field.back')}
        </Link>
      </p>
      <h1 id="field-property-title" className="field-title" data-testid="field-property-title">
        {inspection.address}
      </h1>
      <p className="field-muted">{property.district?.name}</p>
      {inspection.status === 'planned' && (
        <Link className="button button--primary field-button" to={paths.fieldRecord(inspectionId)}>
          {t('field.day.record')}
        </Link>
      )}

      <section className="field-card" aria-labelledby="field-landlords">
        <h2 id="field-landlords">{t('field.property.landlords')}</h2>
        {card.ownerships.length === 0 ? (
          <p>{t('field.property.noLandlord')}</p>
        ) : (
          <ul className="field-list" data-testid="field-landlords">
            {card.ownerships.map((ownership) => (
              <li key={ownership.id}>
                {ownership.landlord.name}{' '}
                <span className="field-muted">({t(`ownershipRoles.${ownership.role}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="field-card" aria-labelledby="field-units">
        <h2 id="field-units">{t('field.property.units')}</h2>
        <ul className="field-list" data-testid="field-units">
          {units.map((unit) => (
            <li key={unit.id}>
              {unit.building} · {unit.label}
              {unit.areaM2 !== null && ` · ${formatNumber(unit.areaM2, i18n.language)} m²`}
              {unit.rooms !== null && ` · ${t('field.property.rooms', { count: unit.rooms })}`}
            </li>
          ))}
        </ul>
      </section>

      <section className="field-card" aria-labelledby="field-open-defects">
        <h2 id="field-open-defects">{t('field.property.openDefects')}</h2>
        {(defects ?? []).length === 0 ? (
          <p>{t('field.property.noOpenDefects')}</p>
        ) : (
          <ul className="field-list field-list--spaced">
            {(defects ?? []).map((defect) => {
              const reopened = reopenedEdits.find((item) => item.defectId === defect.id);
              return (
                <li key={defect.id} data-testid="field-open-defect">
                  <p>
                    <SeverityBadge severity={defect.severity} />{' '}
                    <strong>{defect.catalogueItem.title.de}</strong>{' '}
                    <DefectStatusBadge status={defect.status} />
                  </p>
                  <p className="field-muted">
                    {[defect.unitLabel, defect.room].filter(Boolean).join(' · ')}
                  </p>
                  <p data-testid="field-defect-description">{defect.description}</p>
                  {editing === defect.id || reopened ? (
                    <DefectEditor
                      key={reopened?.id ?? 'edit'}
                      defect={defect}
                      inspectionId={inspectionId}
                      reopened={reopened}
                      onDone={() => {
                        setEditing(null);
                        setVersion((value) => value + 1);
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button field-button"
                      onClick={() => setEditing(defect.id)}
                      data-testid="field-edit-defect"
                    >
                      {t('field.property.editDefect')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="field-card" aria-labelledby="field-photos">
        <h2 id="field-photos">{t('field.property.photos')}</h2>
        {card.photos.length === 0 ? (
          <p>{t('field.property.noPhotos')}</p>
        ) : (
          <ul className="field-photos">
            {card.photos.map((photo, index) => (
              <li key={photo.id}>
                <BlobImage blob={photo.blob} alt={t('field.property.photoAlt', { n: index + 1 })} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="field-card" aria-labelledby="field-history">
        <h2 id="field-history">{t('field.property.history')}</h2>
        <ul className="field-list" data-testid="field-history">
          {card.timeline.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`}>
              {formatDate(entry.at, i18n.language)} ·{' '}
              {t(`field.timeline.${timelineKind(entry.kind)}`)}: {entry.label}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function timelineKind(kind: string): 'inspection' | 'defect' | 'photo' | 'complaint' | 'other' {
  return kind === 'inspection' || kind === 'defect' || kind === 'photo' || kind === 'complaint'
    ? kind
    : 'other';
}

export function BlobImage({ blob, alt }: { blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url ? <img src={url} alt={alt} className="field-thumb" /> : null;
}

/**
 * Corrects a defect's description or severity; the change waits in the outbox with If-Match.
 * `reopened`: a change the api refused, shown again with the refused fields marked; saving
 * replaces it, cancelling lists it as refused again.
 */
function DefectEditor({
  defect,
  inspectionId,
  reopened,
  onDone,
}: {
  defect: Defect;
  inspectionId: string;
  reopened?: DefectItem;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useField();
  const id = useId();
  const [description, setDescription] = useState(
    reopened?.changes.description ?? defect.description,
  );
  const [severity, setSeverity] = useState<Severity>(reopened?.changes.severity ?? defect.severity);
  const [reason, setReason] = useState(reopened?.changes.severityReason ?? '');
  const [changed, setChanged] = useState<DefectField[]>([]);
  // Marked until the inspector changes the field.
  const marked = (input: DefectField) =>
    !changed.includes(input) &&
    (reopened?.refusal?.fields ?? []).some(
      (field) => field.target.kind === 'defect' && field.target.input === input,
    );
  const change = (input: DefectField) => setChanged((list) => [...list, input]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes: DefectItem['changes'] = {};
    if (description.trim() !== defect.description) changes.description = description.trim();
    if (severity !== defect.severity) {
      changes.severity = severity;
      changes.severityReason = reason.trim();
    }
    if (Object.keys(changes).length === 0) {
      // A reopened change undone entirely: nothing is left to send.
      if (reopened) await discardRefused(reopened);
      onDone();
      return;
    }
    const now = new Date().toISOString();
    await queueDefectEdit(
      {
        id: newUuid(),
        kind: 'defect',
        userId: user.id,
        createdAt: now,
        updatedAt: now,
        state: 'waiting',
        reason: null,
        attempts: 0,
        progress: null,
        defectId: defect.id,
        inspectionId,
        label: defect.catalogueItem.title.de,
        baseVersion: defect.version,
        changes,
        theirs: null,
        resolution: null,
      },
      reopened?.id,
    );
    onDone();
  }

  function cancel() {
    if (reopened) void closeReopened(reopened);
    onDone();
  }

  return (
    <form
      className="field-form"
      onSubmit={(event) => void submit(event)}
      data-testid="field-defect-form"
    >
      {reopened && (
        <div className="field-error" role="alert" data-testid="defect-refused">
          {(reopened.refusal?.fields.length ?? 0) > 0 ? (
            <ul>
              {(reopened.refusal?.fields ?? []).map((field) => (
                <li key={field.field}>
                  {t('field.refused.mark', {
                    message: `${describeField(t, field)}: ${field.message}`,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('field.refused.mark', { message: reopened.reason ?? '' })}</p>
          )}
        </div>
      )}
      <label htmlFor={`${id}-description`}>{t('field.record.description')}</label>
      <textarea
        id={`${id}-description`}
        value={description}
        required
        aria-invalid={marked('description') ? true : undefined}
        onChange={(event) => {
          setDescription(event.target.value);
          change('description');
        }}
        data-testid="field-defect-description-input"
      />
      <fieldset>
        <legend>{t('field.record.severity')}</legend>
        {severities.map((value) => (
          <label key={value} className="field-choice">
            <input
              type="radio"
              name={`${id}-severity`}
              value={value}
              checked={severity === value}
              onChange={() => {
                setSeverity(value);
                change('severity');
              }}
            />
            {severityLabel(t, value)}
          </label>
        ))}
      </fieldset>
      {severity !== defect.severity && (
        <>
          <label htmlFor={`${id}-reason`}>{t('field.record.severityReason')}</label>
          <input
            id={`${id}-reason`}
            value={reason}
            required
            aria-invalid={marked('severityReason') ? true : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              change('severityReason');
            }}
          />
        </>
      )}
      <div className="field-actions">
        <button
          type="submit"
          className="button button--primary field-button"
          data-testid="field-defect-save"
        >
          {t('field.property.saveDefect')}
        </button>
        <button type="button" className="button field-button" onClick={cancel}>
          {t('field.cancel')}
        </button>
      </div>
    </form>
  );
}
