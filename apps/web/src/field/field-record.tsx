// Recording an inspection in the field. Every change is written to the draft in IndexedDB at
// once (a reload or a flat battery loses nothing); photos are stored as they are taken. Finishing
// puts the completion command (client-made finding ids, one Idempotency-Key) and the photos in
// the outbox; field-sync.ts sends them when the api can be reached. A completion the api refused
// comes back here when the inspector reopens it (field-sync-panel.tsx): the refused fields are
// marked, and finishing again replaces the refused command (same finding and photo ids, a new
// Idempotency-Key, the visit's first end time; photos sent already are not sent again).
import { evaluateOvercrowding } from '@hausakte/inspections/rules';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  severities,
  type CatalogueItem,
  type CompleteInspectionInput,
  type InspectionDetail,
  type Severity,
  type Unit,
} from '../api';
import { bilingual, severityLabel } from '../components/inspection-labels';
import { formatNumber } from '../format';
import { newUuid } from '../ids';
import { Link, navigate, paths } from '../router';
import { today } from '../time';
import { useField } from './field-context';
import {
  cachedCatalogue,
  cachedInspection,
  cachedProperty,
  deletePhoto,
  loadDraft,
  loadPhoto,
  saveDraft,
  savePhoto,
  submitDraft,
  type Draft,
  type DraftFinding,
  type DraftOccupancy,
  type OutboxItem,
} from './field-db';
import { BlobImage } from './field-property';
import {
  describeField,
  isGone,
  markKey,
  type OccupancyField,
  type RefusedField,
} from './field-refusal';
import { subscribeSync, syncNow, syncSnapshot } from './field-sync';
import { useStored } from './use-stored';

const rooms = [
  'Bad',
  'Küche',
  'Wohnzimmer',
  'Schlafzimmer',
  'Kinderzimmer',
  'Flur',
  'Keller',
  'Treppenhaus',
  'Dach',
];

function emptyDraft(inspectionId: string, userId: string): Draft {
  return {
    inspectionId,
    userId,
    outcome: 'done',
    noAccessReason: '',
    notes: '',
    findings: [],
    editing: null,
    occupancy: [],
    checks: {},
    submittedAt: null,
    updatedAt: new Date().toISOString(),
  };
}

function emptyFinding(): DraftFinding {
  return {
    id: newUuid(),
    catalogueItemId: '',
    unitId: '',
    room: '',
    severity: 'B',
    severityReason: '',
    description: '',
    photoIds: [],
  };
}

export function FieldRecord({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { user } = useField();
  const inspection = useStored(() => cachedInspection(inspectionId), [inspectionId]);
  const card = useStored(
    async () => (inspection ? cachedProperty(inspection.propertyId) : undefined),
    [inspection],
  );
  const catalogue = useStored(async () => (await cachedCatalogue()) ?? [], []);
  // A refused completion reopened from the sync panel while this screen is open: read again.
  const sync = useSyncExternalStore(subscribeSync, syncSnapshot);
  const reopenedItems = sync.items
    .filter((item) => item.kind === 'complete' && item.inspectionId === inspectionId)
    .map((item) => `${item.id}:${item.reopenedAt ?? ''}`)
    .join(',');
  // Wrapped: `undefined` means "still reading", `{ draft: undefined }` "no draft yet".
  const stored = useStored(
    async () => ({ draft: await loadDraft(inspectionId) }),
    [inspectionId, reopenedItems],
  );

  if (inspection === undefined || catalogue === undefined || stored === undefined) {
    return (
      <section className="field-card">
        <h1 className="field-title">{t('field.record.title')}</h1>
        <p>{inspection === undefined ? t('field.property.missing') : t('app.loading')}</p>
        <Link to={paths.field()}>{t('field.back')}</Link>
      </section>
    );
  }
  const units = card?.property.buildings.flatMap((building) => building.units) ?? [];
  return (
    <RecordForm
      key={`${stored.draft?.submittedAt ?? 'open'}:${stored.draft?.reopened?.itemId ?? ''}`}
      inspection={inspection}
      units={units}
      catalogue={catalogue}
      initial={stored.draft ?? emptyDraft(inspectionId, user.id)}
    />
  );
}

function RecordForm({
  inspection,
  units,
  catalogue,
  initial,
}: {
  inspection: InspectionDetail;
  units: Unit[];
  catalogue: CatalogueItem[];
  initial: Draft;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [draft, setDraftState] = useState<Draft>(initial);
  const [saving, setSaving] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(catalogue.map((item) => [item.id, item])), [catalogue]);
  const submitted = draft.submittedAt !== null;
  const editing = draft.editing;
  const reopened = draft.reopened ?? null;
  const bannerRef = useRef<HTMLDivElement>(null);
  // The refused fields not changed since, by their place on this screen (field-refusal.ts).
  const marks = useMemo(() => {
    const map = new Map<string, RefusedField[]>();
    for (const field of reopened?.refusal.fields ?? []) {
      const key = markKey(field.target);
      if (reopened?.changed.includes(key)) continue;
      map.set(key, [...(map.get(key) ?? []), field]);
    }
    return map;
  }, [reopened]);
  const marksOf = (prefix: string): RefusedField[] =>
    [...marks.entries()].filter(([key]) => key.startsWith(prefix)).flatMap(([, list]) => list);
  const markText = (field: RefusedField) => `${describeField(t, field)}: ${field.message}`;

  useEffect(() => {
    // Reopened from the sync panel: the inspector starts at the server's reason (once; the form
    // is keyed by the refused item).
    if (initial.reopened) bannerRef.current?.focus();
  }, []);

  const finishing = useRef(false);
  const latest = useRef(draft);
  function setDraft(next: Draft) {
    latest.current = next;
    setDraftState(next);
    setSaving((count) => count + 1);
    void saveDraft(next).finally(() => setSaving((count) => count - 1));
  }

  /** Refused fields the inspector changes are no longer marked (the list keeps them). */
  function fixing(next: Draft, matches: (key: string) => boolean): Draft {
    const current = next.reopened;
    if (!current) return next;
    const keys = current.refusal.fields
      .map((field) => markKey(field.target))
      .filter((key, index, all) => matches(key) && all.indexOf(key) === index)
      .filter((key) => !current.changed.includes(key));
    if (keys.length === 0) return next;
    return { ...next, reopened: { ...current, changed: [...current.changed, ...keys] } };
  }

  function occupancyOf(unitId: string): DraftOccupancy | undefined {
    return draft.occupancy.find((entry) => entry.unitId === unitId);
  }

  function setOccupancy(unit: Unit, change: Partial<DraftOccupancy> | null) {
    const others = draft.occupancy.filter((entry) => entry.unitId !== unit.id);
    const prefix = `occupancy:${unit.id}:`;
    if (change === null) {
      setDraft(fixing({ ...draft, occupancy: others }, (key) => key.startsWith(prefix)));
      return;
    }
    const current = occupancyOf(unit.id) ?? {
      unitId: unit.id,
      adults: '',
      children: '0',
      registered: '0',
      area: unit.areaM2 === null ? '' : String(unit.areaM2),
      unitKind: 'flat',
      shared: false,
      worker: false,
    };
    const changed = Object.keys(change).map((field) => `${prefix}${field}`);
    setDraft(
      fixing({ ...draft, occupancy: [...others, { ...current, ...change }] }, (key) =>
        changed.includes(key),
      ),
    );
  }

  function problems(): string[] {
    const list: string[] = [];
    if (draft.outcome === 'no_access' && draft.noAccessReason.trim() === '') {
      list.push(t('field.record.errors.noAccessReason'));
    }
    if (draft.outcome === 'done') {
      for (const entry of draft.occupancy) {
        if (numberOf(entry.adults) === undefined || numberOf(entry.area) === undefined) {
          list.push(t('field.record.errors.occupancy'));
          break;
        }
      }
    }
    return list;
  }

  async function finish() {
    // A second tap while the first is being stored would queue a second completion command
    // under another Idempotency-Key (and each photo twice).
    if (finishing.current) return;
    const found = problems();
    setErrors(found);
    if (found.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    const now = new Date().toISOString();
    // A correction keeps the visit's end as first recorded, unless that is what was refused.
    const completedAt =
      reopened?.completedAt &&
      !reopened.refusal.fields.some((field) => field.field === 'completedAt')
        ? reopened.completedAt
        : now;
    const body: CompleteInspectionInput & { completedAt: string } =
      draft.outcome === 'no_access'
        ? {
            outcome: 'no_access',
            completedAt,
            noAccessReason: draft.noAccessReason.trim(),
            notes: draft.notes.trim() || undefined,
            findings: [],
            occupancy: [],
            checks: [],
          }
        : {
            outcome: 'done',
            completedAt,
            notes: draft.notes.trim() || undefined,
            findings: draft.findings.map((finding) => {
              const item = byId.get(finding.catalogueItemId);
              const differs = item !== undefined && item.severity !== finding.severity;
              return {
                id: finding.id,
                catalogueItemId: finding.catalogueItemId,
                unitId: finding.unitId || undefined,
                room: finding.room.trim() || undefined,
                severity: finding.severity,
                severityReason: differs ? finding.severityReason.trim() : undefined,
                description: finding.description.trim(),
              };
            }),
            occupancy: draft.occupancy.map((entry) => ({
              unitId: entry.unitId,
              adultsFound: numberOf(entry.adults) ?? 0,
              childrenUnderSixFound: numberOf(entry.children) ?? 0,
              personsRegistered: numberOf(entry.registered) ?? 0,
              livingAreaM2: numberOf(entry.area),
              unitKind: entry.unitKind,
              sharedAncillaryRooms: entry.unitKind === 'single_room' && entry.shared,
              workerHousing: entry.worker,
            })),
            checks: Object.entries(draft.checks)
              .filter(([, result]) => result !== '')
              .map(([defectId, result]) => ({
                defectId,
                result: result as 'remedied' | 'not_remedied',
              })),
          };
    const base = {
      userId: draft.userId,
      createdAt: now,
      updatedAt: now,
      state: 'waiting' as const,
      reason: null,
      attempts: 0,
      progress: null,
      inspectionId: inspection.id,
    };
    const items: OutboxItem[] = [
      {
        ...base,
        id: newUuid(),
        kind: 'complete',
        label: inspection.address,
        idempotencyKey: newUuid(),
        body,
      },
      ...(draft.outcome === 'done' ? draft.findings : []).flatMap((finding, index) =>
        finding.photoIds.map((photoId, n): OutboxItem => ({
          ...base,
          // after the command, in the order taken
          createdAt: new Date(Date.parse(now) + 1 + index * 100 + n).toISOString(),
          id: newUuid(),
          kind: 'photo',
          photoId,
          label: `${t('field.record.finding', { n: index + 1 })} · ${t('field.record.photo', { n: n + 1 })}`,
        })),
      ),
    ];
    const done: Draft = { ...draft, submittedAt: now, reopened: null, updatedAt: now };
    finishing.current = true;
    try {
      await submitDraft(done, items, reopened?.itemId ?? null);
    } finally {
      finishing.current = false;
    }
    setDraftState(done);
    void syncNow();
    navigate(paths.field());
  }

  return (
    <section aria-labelledby={`${id}-title`} data-testid="field-record">
      <p>
        <Link className="field-back" to={paths.field()}>
          {t('field.back')}
        </Link>
      </p>
      <h1 id={`${id}-title`} className="field-title">
        {t('field.record.title')}
      </h1>
      <p className="field-subtitle">{inspection.address}</p>
      <p
        className="field-muted"
        role="status"
        data-testid="draft-status"
        data-pending={saving > 0 ? 'true' : 'false'}
      >
        {submitted
          ? t('field.record.submitted')
          : saving > 0
            ? t('field.record.saving')
            : t('field.record.saved')}
      </p>
      {reopened && (
        <div
          className="field-error"
          role="alert"
          tabIndex={-1}
          ref={bannerRef}
          data-testid="field-refusal"
        >
          <p>
            <strong>
              {isGone(reopened.refusal)
                ? t('field.refused.bannerGone', { reason: reopened.refusal.detail })
                : t('field.refused.banner')}
            </strong>
          </p>
          {reopened.refusal.fields.length > 0 && (
            <ul>
              {reopened.refusal.fields.map((field, index) => {
                const changed = reopened.changed.includes(markKey(field.target));
                return (
                  <li key={`${field.field}-${index}`} data-changed={changed ? 'true' : 'false'}>
                    {markText(field)}
                    {changed && ` (${t('field.refused.changed')})`}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {errors.length > 0 && (
        <div className="field-error" role="alert" tabIndex={-1} ref={summaryRef}>
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="field-card" disabled={submitted}>
        <legend>{t('field.record.outcome')}</legend>
        {(['done', 'no_access'] as const).map((outcome) => (
          <label key={outcome} className="field-choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={outcome}
              checked={draft.outcome === outcome}
              onChange={() => setDraft({ ...draft, outcome })}
              data-testid={`outcome-${outcome}`}
            />
            {t(`field.record.outcomes.${outcome}`)}
          </label>
        ))}
        {draft.outcome === 'no_access' && (
          <>
            <label htmlFor={`${id}-no-access`}>{t('field.record.noAccessReason')}</label>
            <textarea
              id={`${id}-no-access`}
              required
              value={draft.noAccessReason}
              onChange={(event) =>
                setDraft(
                  fixing(
                    { ...draft, noAccessReason: event.target.value },
                    (key) => key === 'noAccessReason',
                  ),
                )
              }
              aria-invalid={marks.has('noAccessReason') ? true : undefined}
              data-testid="no-access-reason"
            />
          </>
        )}
      </fieldset>

      {draft.outcome === 'done' && (
        <>
          <section className="field-card" aria-labelledby={`${id}-findings`}>
            <h2 id={`${id}-findings`}>
              {t('field.record.findings', { count: draft.findings.length })}
            </h2>
            <ul className="field-list field-list--spaced" data-testid="field-findings">
              {draft.findings.map((finding, index) => {
                // The one being edited is shown in its form below.
                if (editing?.id === finding.id) return null;
                const item = byId.get(finding.catalogueItemId);
                const refused = marksOf(`finding:${finding.id}:`);
                return (
                  <li
                    key={finding.id}
                    data-testid="field-finding"
                    data-refused={refused.length > 0 ? 'true' : 'false'}
                  >
                    <p>
                      <strong>
                        {index + 1}. {item ? bilingual(item.title, i18n.language) : '?'}
                      </strong>{' '}
                      ({finding.severity})
                    </p>
                    <p className="field-muted">
                      {[units.find((unit) => unit.id === finding.unitId)?.label, finding.room]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <p>{finding.description}</p>
                    {refused.map((field) => (
                      <p key={field.field} className="field-error" data-testid="finding-refused">
                        {t('field.refused.mark', { message: markText(field) })}
                      </p>
                    ))}
                    <PhotoList ids={finding.photoIds} />
                    {!submitted && editing === null && (
                      <div className="field-actions">
                        <button
                          type="button"
                          className="button field-button"
                          // The finding stays in the list until the form saves it, so that
                          // cancelling an edit keeps it (and its photos) as it was.
                          onClick={() => setDraft({ ...draft, editing: finding })}
                        >
                          {t('field.record.editFinding')}
                        </button>
                        <button
                          type="button"
                          className="button field-button"
                          onClick={() => {
                            finding.photoIds.forEach((photoId) => void deletePhoto(photoId));
                            setDraft(
                              fixing(
                                {
                                  ...draft,
                                  findings: draft.findings.filter(
                                    (other) => other.id !== finding.id,
                                  ),
                                },
                                (key) => key.startsWith(`finding:${finding.id}:`),
                              ),
                            );
                          }}
                        >
                          {t('field.record.removeFinding')}
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
            {!submitted &&
              (editing ? (
                <FindingForm
                  inspectionId={inspection.id}
                  finding={editing}
                  refused={marksOf(`finding:${editing.id}:`).map((field) => markText(field))}
                  units={units}
                  catalogue={catalogue}
                  onChange={(finding) => setDraft({ ...draft, editing: finding })}
                  onPhotos={(ids) => {
                    const current = latest.current;
                    if (!current.editing) return;
                    const photoIds = [...current.editing.photoIds, ...ids];
                    setDraft({ ...current, editing: { ...current.editing, photoIds } });
                  }}
                  onSave={(finding) => {
                    const known = draft.findings.some((other) => other.id === finding.id);
                    const findings = known
                      ? draft.findings.map((other) => (other.id === finding.id ? finding : other))
                      : [...draft.findings, finding];
                    setDraft(
                      fixing({ ...draft, editing: null, findings }, (key) =>
                        key.startsWith(`finding:${finding.id}:`),
                      ),
                    );
                  }}
                  onCancel={() => {
                    // Photos taken in this form go; those the finding had stay with it.
                    const before = draft.findings.find((other) => other.id === editing.id);
                    editing.photoIds
                      .filter((photoId) => !before?.photoIds.includes(photoId))
                      .forEach((photoId) => void deletePhoto(photoId));
                    setDraft({ ...draft, editing: null });
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="button button--primary field-button"
                  onClick={() => setDraft({ ...draft, editing: emptyFinding() })}
                  data-testid="field-add-finding"
                >
                  {t('field.record.addFinding')}
                </button>
              ))}
          </section>

          {inspection.openDefects.length > 0 && (
            <fieldset className="field-card" disabled={submitted}>
              <legend>{t('field.record.checks')}</legend>
              {inspection.openDefects.map((defect) => (
                <div key={defect.id} className="field-check" data-testid="field-check">
                  <p>
                    <strong>{bilingual(defect.catalogueItem.title, i18n.language)}</strong> –{' '}
                    {defect.description}
                  </p>
                  {(marks.get(`check:${defect.id}`) ?? []).map((field) => (
                    <p key={field.field} className="field-error" data-testid="check-refused">
                      {t('field.refused.mark', { message: field.message })}
                    </p>
                  ))}
                  {(['remedied', 'not_remedied', ''] as const).map((result) => (
                    <label key={result || 'none'} className="field-choice">
                      <input
                        type="radio"
                        name={`${id}-check-${defect.id}`}
                        checked={(draft.checks[defect.id] ?? '') === result}
                        onChange={() =>
                          setDraft(
                            fixing(
                              { ...draft, checks: { ...draft.checks, [defect.id]: result } },
                              (key) => key === `check:${defect.id}`,
                            ),
                          )
                        }
                      />
                      {t(`field.record.check.${result || 'none'}`)}
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
          )}

          <section className="field-card" aria-labelledby={`${id}-occupancy`}>
            <h2 id={`${id}-occupancy`}>{t('field.record.occupancy')}</h2>
            {units.map((unit) => (
              <OccupancyCard
                key={unit.id}
                unit={unit}
                entry={occupancyOf(unit.id)}
                disabled={submitted}
                refused={marksOf(`occupancy:${unit.id}:`)}
                onChange={(change) => setOccupancy(unit, change)}
                language={i18n.language}
              />
            ))}
          </section>
        </>
      )}

      <div className="field-card">
        <label htmlFor={`${id}-notes`}>{t('field.record.notes')}</label>
        {(marks.get('notes') ?? []).map((field) => (
          <p key={field.field} className="field-error" id={`${id}-notes-refused`}>
            {t('field.refused.mark', { message: field.message })}
          </p>
        ))}
        <textarea
          id={`${id}-notes`}
          value={draft.notes}
          disabled={submitted}
          aria-invalid={marks.has('notes') ? true : undefined}
          aria-describedby={marks.has('notes') ? `${id}-notes-refused` : undefined}
          onChange={(event) =>
            setDraft(fixing({ ...draft, notes: event.target.value }, (key) => key === 'notes'))
          }
        />
      </div>

      {!submitted && (
        <button
          type="button"
          className="button button--primary field-button field-button--wide"
          onClick={() => void finish()}
          disabled={editing !== null}
          data-testid="field-finish"
        >
          {t('field.record.finish')}
        </button>
      )}
    </section>
  );
}

function numberOf(value: string): number | undefined {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}

function PhotoList({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const photos = useStored(
    async () =>
      (await Promise.all(ids.map((photoId) => loadPhoto(photoId)))).filter((p) => p !== undefined),
    [ids.join(',')],
  );
  if (ids.length === 0) return null;
  return (
    <ul className="field-photos" data-testid="field-photo-list">
      {(photos ?? []).map((photo, index) => (
        <li key={photo.id} data-testid="field-photo">
          <BlobImage blob={photo.blob} alt={t('field.record.photo', { n: index + 1 })} />
        </li>
      ))}
    </ul>
  );
}

/** Matches a catalogue entry by a few letters of its title (either language) or its code. */
function matches(item: CatalogueItem, query: string): boolean {
  const haystack = `${item.code} ${item.title.de} ${item.title.en}`.toLocaleLowerCase('de');
  return query
    .toLocaleLowerCase('de')
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function FindingForm({
  inspectionId,
  finding,
  refused,
  units,
  catalogue,
  onChange,
  onPhotos,
  onSave,
  onCancel,
}: {
  inspectionId: string;
  finding: DraftFinding;
  /** What the server refused in this finding (a reopened draft). */
  refused: string[];
  units: Unit[];
  catalogue: CatalogueItem[];
  onChange: (finding: DraftFinding) => void;
  onPhotos: (photoIds: string[]) => void;
  onSave: (finding: DraftFinding) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = catalogue.find((item) => item.id === finding.catalogueItemId);
  const hits =
    query.trim().length >= 2
      ? catalogue.filter((item) => !item.retired && matches(item, query)).slice(0, 8)
      : [];

  async function addPhotos(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const ids: string[] = [];
    for (const file of files) {
      const photoId = newUuid();
      await savePhoto({
        id: photoId,
        defectId: finding.id,
        inspectionId,
        blob: file,
        name: file.name,
        type: file.type,
        uploadUrl: null,
      });
      ids.push(photoId);
    }
    onPhotos(ids);
  }

  function save() {
    if (!chosen) return setError(t('field.record.errors.catalogue'));
    if (finding.description.trim() === '') return setError(t('field.record.errors.description'));
    if (finding.severity !== chosen.severity && finding.severityReason.trim() === '') {
      return setError(t('field.record.errors.severityReason'));
    }
    setError(null);
    onSave(finding);
  }

  return (
    <div className="field-form field-finding-form" data-testid="field-finding-form">
      <h3>{t('field.record.newFinding')}</h3>
      {refused.map((text) => (
        <p key={text} className="field-error" data-testid="finding-refused">
          {t('field.refused.mark', { message: text })}
        </p>
      ))}
      {error && (
        <p className="field-error" role="alert" data-testid="field-finding-error">
          {error}
        </p>
      )}
      <label htmlFor={`${id}-unit`}>{t('field.record.unit')}</label>
      <select
        id={`${id}-unit`}
        value={finding.unitId}
        onChange={(event) => onChange({ ...finding, unitId: event.target.value })}
        data-testid="finding-unit"
      >
        <option value="">{t('field.record.commonParts')}</option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-room`}>{t('field.record.room')}</label>
      <input
        id={`${id}-room`}
        list={`${id}-rooms`}
        value={finding.room}
        onChange={(event) => onChange({ ...finding, room: event.target.value })}
        data-testid="finding-room"
      />
      <datalist id={`${id}-rooms`}>
        {rooms.map((room) => (
          <option key={room} value={room} />
        ))}
      </datalist>

      <label htmlFor={`${id}-search`}>{t('field.record.search')}</label>
      <input
        id={`${id}-search`}
        type="search"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-describedby={`${id}-search-hint`}
        data-testid="finding-search"
      />
      <p id={`${id}-search-hint`} className="field-muted">
        {chosen
          ? t('field.record.chosen', { title: bilingual(chosen.title, i18n.language) })
          : t('field.record.searchHint')}
      </p>
      {hits.length > 0 && (
        <fieldset className="field-hits">
          <legend className="visually-hidden">{t('field.record.hits')}</legend>
          {hits.map((item) => (
            <label key={item.id} className="field-choice field-hit">
              <input
                type="radio"
                name={`${id}-item`}
                checked={finding.catalogueItemId === item.id}
                onChange={() =>
                  onChange({ ...finding, catalogueItemId: item.id, severity: item.severity })
                }
                data-testid="finding-hit"
              />
              <span>
                {bilingual(item.title, i18n.language)}{' '}
                <span className="field-muted">
                  ({item.code}, {item.severity})
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      <fieldset>
        <legend>{t('field.record.severity')}</legend>
        {severities.map((value: Severity) => (
          <label key={value} className="field-choice">
            <input
              type="radio"
              name={`${id}-severity`}
              checked={finding.severity === value}
              onChange={() => onChange({ ...finding, severity: value })}
              data-testid={`finding-severity-${value}`}
            />
            {severityLabel(t, value)}
          </label>
        ))}
      </fieldset>
      {chosen && finding.severity !== chosen.severity && (
        <>
          <label htmlFor={`${id}-reason`}>{t('field.record.severityReason')}</label>
          <input
            id={`${id}-reason`}
            value={finding.severityReason}
            onChange={(event) => onChange({ ...finding, severityReason: event.target.value })}
            data-testid="finding-severity-reason"
          />
        </>
      )}
      <label htmlFor={`${id}-description`}>{t('field.record.description')}</label>
      <textarea
        id={`${id}-description`}
        value={finding.description}
        onChange={(event) => onChange({ ...finding, description: event.target.value })}
        data-testid="finding-description"
      />
      {/* The input first: its keyboard focus shows on the label that looks like a button. */}
      <input
        id={`${id}-photos`}
        className="visually-hidden field-photo-input"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        onChange={(event) => void addPhotos(event)}
        data-testid="finding-photos"
      />
      <label htmlFor={`${id}-photos`} className="button field-button field-photo-button">
        {t('field.record.takePhoto')}
      </label>
      <PhotoList ids={finding.photoIds} />
      <div className="field-actions">
        <button
          type="button"
          className="button button--primary field-button"
          onClick={save}
          data-testid="finding-save"
        >
          {t('field.record.saveFinding')}
        </button>
        <button type="button" className="button field-button" onClick={onCancel}>
          {t('field.cancel')}
        </button>
      </div>
    </div>
  );
}

function OccupancyCard({
  unit,
  entry,
  disabled,
  refused,
  onChange,
  language,
}: {
  unit: Unit;
  entry: DraftOccupancy | undefined;
  disabled: boolean;
  /** What the server refused in this unit's count (a reopened draft). */
  refused: RefusedField[];
  onChange: (change: Partial<DraftOccupancy> | null) => void;
  language: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const adults = entry ? numberOf(entry.adults) : undefined;
  const area = entry ? numberOf(entry.area) : undefined;
  const result =
    entry && adults !== undefined && area !== undefined
      ? evaluateOvercrowding({
          inspectionDate: today(),
          adultsFound: adults,
          childrenUnderSixFound: numberOf(entry.children) ?? 0,
          personsRegistered: numberOf(entry.registered) ?? 0,
          livingAreaM2: area,
          kind: entry.unitKind,
          sharedAncillaryRooms: entry.shared,
          isWorkerHousing: entry.worker,
        })
      : undefined;
  const overcrowded = result?.outcome === 'evaluated' && result.overcrowded;
  const refusedOf = (field: OccupancyField) =>
    refused.filter((item) => item.target.kind === 'occupancy' && item.target.input === field);
  const count = (field: 'adults' | 'children' | 'registered' | 'area', label: string) => {
    const marked = refusedOf(field).length > 0;
    return (
      <div className="field-count">
        <label htmlFor={`${id}-${field}`}>{label}</label>
        <input
          id={`${id}-${field}`}
          inputMode={field === 'area' ? 'decimal' : 'numeric'}
          value={entry?.[field] ?? ''}
          onChange={(event) => onChange({ [field]: event.target.value })}
          aria-invalid={marked ? true : undefined}
          aria-describedby={marked ? `${id}-refused` : undefined}
          data-testid={`occupancy-${field}`}
        />
      </div>
    );
  };
  return (
    <fieldset className="field-occupancy" disabled={disabled} data-testid="field-occupancy">
      <legend>
        {unit.label}
        {unit.areaM2 !== null && ` (${formatNumber(unit.areaM2, language)} m²)`}
      </legend>
      {refused.length > 0 && (
        <div className="field-error" id={`${id}-refused`} data-testid="occupancy-refused">
          {refused.map((item) => (
            <p key={item.field}>
              {t('field.refused.mark', { message: `${describeField(t, item)}: ${item.message}` })}
            </p>
          ))}
        </div>
      )}
      <label className="field-choice">
        <input
          type="checkbox"
          checked={entry !== undefined}
          onChange={(event) => onChange(event.target.checked ? {} : null)}
          data-testid="occupancy-include"
        />
        {t('field.record.countHere')}
      </label>
      {entry && (
        <>
          <div className="field-counts">
            {count('adults', t('field.record.adults'))}
            {count('children', t('field.record.children'))}
            {count('registered', t('field.record.registered'))}
            {count('area', t('field.record.area'))}
          </div>
          <label htmlFor={`${id}-kind`}>{t('field.record.unitKind')}</label>
          <select
            id={`${id}-kind`}
            value={entry.unitKind}
            onChange={(event) =>
              onChange({ unitKind: event.target.value === 'single_room' ? 'single_room' : 'flat' })
            }
          >
            <option value="flat">{t('field.record.kinds.flat')}</option>
            <option value="single_room">{t('field.record.kinds.single_room')}</option>
          </select>
          {entry.unitKind === 'single_room' && (
            <label className="field-choice">
              <input
                type="checkbox"
                checked={entry.shared}
                onChange={(event) => onChange({ shared: event.target.checked })}
              />
              {t('field.record.shared')}
            </label>
          )}
          <label className="field-choice">
            <input
              type="checkbox"
              checked={entry.worker}
              onChange={(event) => onChange({ worker: event.target.checked })}
            />
            {t('field.record.worker')}
          </label>
          <p
            className={overcrowded ? 'field-result field-result--bad' : 'field-result'}
            role="status"
            data-testid="occupancy-result"
            data-overcrowded={overcrowded ? 'true' : 'false'}
          >
            {result === undefined
              ? t('field.record.resultPending')
              : result.outcome === 'invalid'
                ? t('field.record.resultInvalid')
                : `${overcrowded ? t('field.record.overcrowded') : result.outcome === 'evaluated' ? t('field.record.notOvercrowded') : ''} ${bilingual(result.explanation, language)}`}
          </p>
        </>
      )}
    </fieldset>
  );
}
