// "Begehung erfassen": the outcome, the findings with their photos, the occupancy per unit and
// the open defects checked off, sent as one command. Photos upload (tus) as soon as they are
// chosen; finding ids, photo ids and the Idempotency-Key are made once per form, so a retry
// after a lost answer sends the very same command.
import { evaluateOvercrowding } from '@hausakte/inspections/rules';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  ApiError,
  canLogInspections,
  severities,
  type CatalogueItem,
  type CompleteInspectionInput,
  type Defect,
  type FieldError,
  type FindingInput,
  type InspectionDetail,
  type OccupancyInput,
  type Property,
  type Severity,
  type Unit,
} from '../api';
import { formatNumber, splitAddress } from '../format';
import { newUuid } from '../ids';
import { uploadPhoto, type PhotoUploadHandle } from '../photo-upload';
import { Link, navigate, paths } from '../router';
import { useSession } from '../session';
import { formatDateTime, today, zonedIso } from '../time';
import { useResource } from '../use-resource';
import {
  Field,
  fieldPlumbing,
  FormErrorBanner,
  FormFrame,
  numberOf,
  refusalOf,
  serverError,
  useFocusTarget,
  useSummaryFocus,
  withoutErrors,
  type FieldPlumbing,
  type SaveError,
} from './form-parts';
import {
  bilingual,
  kindLabel,
  legalGroundLabel,
  legalGroundOrder,
  SeverityBadge,
  severityLabel,
} from './inspection-labels';
import { LoadError, Loading, setFlash, useDocumentTitle } from './page';

export function InspectionRecordPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const { user } = useSession();
  const headingId = useId();
  const allowed = canLogInspections(user.role);
  const inspection = useResource(
    (signal) => (allowed ? api.inspection(id, signal) : Promise.resolve(undefined)),
    [id, allowed],
  );
  const propertyId = inspection.data?.propertyId;
  const property = useResource(
    (signal) => (propertyId ? api.property(propertyId, signal) : Promise.resolve(undefined)),
    [propertyId],
  );
  const catalogue = useResource(
    (signal) => (allowed ? api.catalogue(signal) : Promise.resolve(undefined)),
    [allowed],
  );
  const data = inspection.data;
  const [street, place] = data ? splitAddress(data.address) : ['', ''];
  useDocumentTitle(street ? `${t('record.title')}: ${street}` : t('record.title'));
  const loading = inspection.loading || property.loading || catalogue.loading;
  const error = inspection.error ?? property.error ?? catalogue.error;

  return (
    <section className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={paths.inspection(id)}>
          <span aria-hidden="true">← </span>
          {street || t('inspection.title')}
        </Link>
      </p>
      <div>
        <h1 id={headingId} tabIndex={-1}>
          {t('record.title')}
        </h1>
        {data && (
          <p className="page-head__sub" data-testid="record-address">
            {street}
            {place && `, ${place}`} · {formatDateTime(data.scheduledAt, language)} ·{' '}
            {kindLabel(t, data.kind)}
          </p>
        )}
      </div>
      {!allowed && (
        <p className="banner banner--error" role="alert">
          {t('record.noPermission')}
        </p>
      )}
      {allowed && loading && <Loading />}
      {error !== undefined && (
        <LoadError
          error={error}
          onRetry={() => {
            inspection.reload();
            property.reload();
            catalogue.reload();
          }}
        />
      )}
      {data && data.status !== 'planned' && (
        <div className="banner banner--warning stack" role="status">
          <p>{t('record.notPlanned')}</p>
          <p>
            <Link to={paths.inspection(id)}>{t('record.toInspection')}</Link>
          </p>
        </div>
      )}
      {data && data.status === 'planned' && property.data && catalogue.data && (
        <RecordForm
          inspection={data}
          property={property.data}
          catalogue={catalogue.data.items}
          labelledBy={headingId}
        />
      )}
    </section>
  );
}

// ---- the form's state -------------------------------------------------------------------

type UploadStatus = 'uploading' | 'done' | 'failed';

interface PhotoDraft {
  /** Client UUID, sent as tus metadata `photoId`. */
  id: string;
  name: string;
  previewUrl: string;
  status: UploadStatus;
  sent: number;
  total: number;
  error?: string;
}

interface FindingDraft {
  /** Client UUID: the defect's id once recorded, and every photo's `defectId`. */
  id: string;
  legalGround: string;
  catalogueItemId: string;
  unitId: string;
  room: string;
  /** '' = the catalogue's. */
  severity: Severity | '';
  severityReason: string;
  description: string;
  photos: PhotoDraft[];
}

interface OccupancyDraft {
  include: boolean;
  adults: string;
  children: string;
  registered: string;
  area: string;
  unitKind: 'flat' | 'single_room';
  shared: boolean;
  worker: boolean;
}

interface CheckDraft {
  result: '' | 'remedied' | 'not_remedied';
  note: string;
}

type Outcome = 'done' | 'no_access';

const emptyFinding = (): FindingDraft => ({
  id: newUuid(),
  legalGround: '',
  catalogueItemId: '',
  unitId: '',
  room: '',
  severity: '',
  severityReason: '',
  description: '',
  photos: [],
});

function occupancyDraftOf(unit: Unit): OccupancyDraft {
  return {
    include: false,
    adults: '',
    children: '0',
    registered: '',
    area: unit.areaM2 === null ? '' : String(unit.areaM2),
    unitKind: 'flat',
    shared: false,
    worker: false,
  };
}

/** The units of a property with their building, in the order the property lists them. */
function unitsOf(property: Property): Array<Unit & { buildingLabel: string }> {
  return property.buildings.flatMap((building) =>
    building.units.map((unit) => ({ ...unit, buildingLabel: building.label })),
  );
}

const rooms = {
  de: [
    'Küche',
    'Bad',
    'WC',
    'Wohnzimmer',
    'Schlafzimmer',
    'Kinderzimmer',
    'Flur',
    'Keller',
    'Treppenhaus',
    'Dachboden',
    'Hof',
  ],
  en: [
    'Kitchen',
    'Bathroom',
    'WC',
    'Living room',
    'Bedroom',
    "Children's room",
    'Hall',
    'Cellar',
    'Staircase',
    'Attic',
    'Yard',
  ],
};

// ---- the form ---------------------------------------------------------------------------

interface RecordFormProps {
  inspection: InspectionDetail;
  property: Property;
  catalogue: CatalogueItem[];
  labelledBy: string;
}

function RecordForm({ inspection, property, catalogue, labelledBy }: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const { expired } = useSession();
  const formId = useId();
  const units = useMemo(() => unitsOf(property), [property]);

  const [outcome, setOutcome] = useState<Outcome>('done');
  const [noAccessReason, setNoAccessReason] = useState('');
  const [revisitDate, setRevisitDate] = useState('');
  const [revisitTime, setRevisitTime] = useState('');
  const [notes, setNotes] = useState('');
  const [findings, setFindings] = useState<FindingDraft[]>([]);
  const [occupancy, setOccupancy] = useState<Record<string, OccupancyDraft>>(() =>
    Object.fromEntries(units.map((unit) => [unit.id, occupancyDraftOf(unit)])),
  );
  const [checks, setChecks] = useState<Record<string, CheckDraft>>(() =>
    Object.fromEntries(
      inspection.openDefects.map((defect) => [defect.id, { result: '', note: '' }]),
    ),
  );
  // One key for the form's life: a repeat of a command that reached the server is answered
  // with its first result. A refused command stores nothing, so a corrected one may reuse it.
  const [idempotencyKey] = useState(newUuid);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const setFocusTarget = useFocusTarget();
  const { summaryRef, focusSummary } = useSummaryFocus();
  const uploads = useRef(new Map<string, PhotoUploadHandle>());
  const previewUrls = useRef<string[]>([]);

  useEffect(() => {
    const handles = uploads.current;
    const urls = previewUrls.current;
    return () => {
      handles.forEach((handle) => handle.abort());
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, []);

  const catalogueById = useMemo(
    () => new Map(catalogue.map((item) => [item.id, item])),
    [catalogue],
  );
  const groups = useMemo(() => {
    const present = new Set(catalogue.filter((item) => !item.retired).map((i) => i.legalGround));
    const ordered = legalGroundOrder.filter((ground) => present.has(ground));
    const others = [...present].filter((ground) => !legalGroundOrder.includes(ground)).sort();
    return [...ordered, ...others];
  }, [catalogue]);

  // ---- ids and error plumbing ----
  const { inputId, errorId, hasError, fieldProps, errorsOf } = fieldPlumbing(formId, fieldErrors);

  function clearErrors(...paths: string[]) {
    setFieldErrors((errors) => withoutErrors(errors, (path) => paths.includes(path)));
  }

  // ---- findings ----
  function updateFinding(findingId: string, patch: Partial<FindingDraft>) {
    setFindings((previous) =>
      previous.map((finding) => (finding.id === findingId ? { ...finding, ...patch } : finding)),
    );
    clearErrors(
      `findings.${findingId}`,
      ...Object.keys(patch).map((name) => `findings.${findingId}.${name}`),
    );
  }

  function addFinding() {
    const finding = emptyFinding();
    setFindings((previous) => [...previous, finding]);
    setFocusTarget(inputId(`findings.${finding.id}.legalGround`));
  }

  function removeFinding(findingId: string) {
    const finding = findings.find((candidate) => candidate.id === findingId);
    // Unsent photos stop; sent ones stay unattached and the server removes them after a while.
    finding?.photos.forEach((photo) => {
      if (photo.status === 'uploading') uploads.current.get(photo.id)?.abort();
    });
    setFindings((previous) => previous.filter((candidate) => candidate.id !== findingId));
    setFieldErrors((errors) =>
      errors.filter((error) => !error.field.startsWith(`findings.${findingId}`)),
    );
    setFocusTarget(`${formId}-add-finding`);
  }

  function patchPhoto(findingId: string, photoId: string, patch: Partial<PhotoDraft>) {
    setFindings((previous) =>
      previous.map((finding) =>
        finding.id !== findingId
          ? finding
          : {
              ...finding,
              photos: finding.photos.map((photo) =>
                photo.id === photoId ? { ...photo, ...patch } : photo,
              ),
            },
      ),
    );
  }

  function addPhotos(findingId: string, event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    // Cleared, so that choosing the same picture again is a new change.
    event.target.value = '';
    if (files.length === 0) return;
    const drafts = files.map((file) => {
      const previewUrl = URL.createObjectURL(file);
      previewUrls.current.push(previewUrl);
      return {
        file,
        draft: {
          id: newUuid(),
          name: file.name,
          previewUrl,
          status: 'uploading' as const,
          sent: 0,
          total: file.size,
        },
      };
    });
    setFindings((previous) =>
      previous.map((finding) =>
        finding.id === findingId
          ? { ...finding, photos: [...finding.photos, ...drafts.map((item) => item.draft)] }
          : finding,
      ),
    );
    setBlocked(null);
    for (const { file, draft } of drafts) {
      const handle = uploadPhoto(
        file,
        { photoId: draft.id, defectId: findingId },
        {
          onProgress: (sent, total) =>
            patchPhoto(findingId, draft.id, { sent, total, status: 'uploading' }),
          onSuccess: () =>
            patchPhoto(findingId, draft.id, { status: 'done', sent: file.size, total: file.size }),
          onError: (failure) =>
            patchPhoto(findingId, draft.id, { status: 'failed', error: failure.message }),
        },
      );
      uploads.current.set(draft.id, handle);
    }
  }

  function retryPhoto(findingId: string, photoId: string) {
    patchPhoto(findingId, photoId, { status: 'uploading', error: undefined });
    uploads.current.get(photoId)?.retry();
  }

  // ---- occupancy and checks ----
  function updateOccupancy(unitId: string, patch: Partial<OccupancyDraft>) {
    setOccupancy((previous) => ({ ...previous, [unitId]: { ...previous[unitId], ...patch } }));
    const names: Record<string, string> = {
      adults: 'adultsFound',
      children: 'childrenUnderSixFound',
      registered: 'personsRegistered',
      area: 'livingAreaM2',
      unitKind: 'unitKind',
      shared: 'sharedAncillaryRooms',
      worker: 'workerHousing',
    };
    clearErrors(
      `occupancy.${unitId}`,
      ...Object.keys(patch).map((name) => `occupancy.${unitId}.${names[name] ?? name}`),
    );
  }

  function updateCheck(defectId: string, patch: Partial<CheckDraft>) {
    setChecks((previous) => ({ ...previous, [defectId]: { ...previous[defectId], ...patch } }));
    clearErrors(`checks.${defectId}`, `checks.${defectId}.result`, `checks.${defectId}.note`);
  }

  // ---- the command ----
  const included = units.filter((unit) => occupancy[unit.id]?.include);
  const checked = inspection.openDefects.filter((defect) => checks[defect.id]?.result);

  function toInput(): CompleteInspectionInput {
    const note = notes.trim();
    if (outcome === 'no_access') {
      const revisitAt = revisitDate ? zonedIso(revisitDate, revisitTime || '09:00') : undefined;
      return {
        outcome,
        noAccessReason: noAccessReason.trim(),
        ...(revisitAt ? { revisitAt } : {}),
        ...(note ? { notes: note } : {}),
        findings: [],
        occupancy: [],
        checks: [],
      };
    }
    return {
      outcome,
      ...(note ? { notes: note } : {}),
      findings: findings.map((finding): FindingInput => {
        const item = catalogueById.get(finding.catalogueItemId);
        const overridden =
          item !== undefined && finding.severity !== '' && finding.severity !== item.severity;
        return {
          id: finding.id,
          catalogueItemId: finding.catalogueItemId,
          ...(finding.unitId ? { unitId: finding.unitId } : {}),
          ...(finding.room.trim() ? { room: finding.room.trim() } : {}),
          ...(overridden
            ? {
                severity: finding.severity as Severity,
                severityReason: finding.severityReason.trim(),
              }
            : {}),
          description: finding.description.trim(),
        };
      }),
      occupancy: included.map((unit): OccupancyInput => {
        const draft = occupancy[unit.id];
        return {
          unitId: unit.id,
          adultsFound: numberOf(draft.adults) as number,
          childrenUnderSixFound: numberOf(draft.children) as number,
          personsRegistered: numberOf(draft.registered) as number,
          ...(numberOf(draft.area) !== undefined ? { livingAreaM2: numberOf(draft.area) } : {}),
          unitKind: draft.unitKind,
          sharedAncillaryRooms: draft.unitKind === 'single_room' && draft.shared,
          workerHousing: draft.worker,
        };
      }),
      checks: checked.map((defect) => {
        const draft = checks[defect.id];
        return {
          defectId: defect.id,
          result: draft.result as 'remedied' | 'not_remedied',
          ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        };
      }),
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaveError(null);
    // Photos go before the command: the server attaches them to the findings it creates.
    if (outcome === 'done') {
      const photos = findings.flatMap((finding) => finding.photos);
      if (photos.some((photo) => photo.status === 'failed')) {
        setBlocked(t('record.photos.failedBlock'));
        focusSummary();
        return;
      }
      if (photos.some((photo) => photo.status === 'uploading')) {
        setBlocked(t('record.photos.pendingBlock'));
        focusSummary();
        return;
      }
    }
    setBlocked(null);
    const input = toInput();
    const sent = {
      findings: input.findings.map((finding) => finding.id),
      occupancy: input.occupancy.map((row) => row.unitId),
      checks: input.checks.map((check) => check.defectId),
    };
    setSaving(true);
    try {
      await api.completeInspection(inspection.id, input, idempotencyKey);
      setFlash(paths.inspection(inspection.id), 'recorded');
      navigate(paths.inspection(inspection.id), { replace: true });
    } catch (error) {
      setSaving(false);
      await failed(error, sent);
    }
  }

  /** The record went in after all (a lost answer, then a changed form): show it. */
  async function recordedMeanwhile(): Promise<boolean> {
    try {
      const current = await api.inspection(inspection.id);
      if (current.status === 'planned') return false;
      setFlash(paths.inspection(inspection.id), 'recorded');
      navigate(paths.inspection(inspection.id), { replace: true });
      return true;
    } catch {
      return false;
    }
  }

  async function failed(
    error: unknown,
    sent: { findings: string[]; occupancy: string[]; checks: string[] },
  ) {
    if (!(error instanceof ApiError)) {
      setSaveError({ kind: 'server', message: String(error) });
      focusSummary();
      return;
    }
    if (error.status === 401) return expired();
    if (error.isNetworkError) {
      setSaveError({ kind: 'network' });
    } else if (error.status === 400 || error.status === 422) {
      // Rows go by index; the form knows them by id.
      const refused = refusalOf(error, (path) =>
        path.replace(
          /^(findings|occupancy|checks)\.(\d+)/,
          (_whole, group: keyof typeof sent, index: string) =>
            `${group}.${sent[group][Number(index)] ?? index}`,
        ),
      );
      if (
        refused.fieldErrors.some((item) => item.field === 'Idempotency-Key') &&
        (await recordedMeanwhile())
      )
        return;
      setFieldErrors(refused.fieldErrors);
      setSaveError(refused.saveError);
    } else if (error.status === 409) {
      if (await recordedMeanwhile()) return;
      setSaveError({ kind: 'busy' });
    } else if (error.status === 403) {
      setSaveError({ kind: 'forbidden' });
    } else {
      setSaveError(serverError(error));
    }
    focusSummary();
  }

  // ---- labels of fields, for the error summary ----
  function labelOf(path: string): string {
    const [group, key, name] = path.split('.');
    const findingFields: Record<string, string> = {
      id: 'ID',
      catalogueItemId: t('record.finding.item'),
      unitId: t('record.finding.unit'),
      room: t('record.finding.room'),
      severity: t('record.finding.severity'),
      severityReason: t('record.finding.severityReason'),
      description: t('record.finding.description'),
      position: t('record.finding.position'),
    };
    const occupancyFields: Record<string, string> = {
      adultsFound: t('record.occupancy.adults'),
      childrenUnderSixFound: t('record.occupancy.children'),
      personsRegistered: t('record.occupancy.registered'),
      livingAreaM2: t('record.occupancy.area'),
      unitKind: t('record.occupancy.kind'),
      sharedAncillaryRooms: t('record.occupancy.shared'),
      workerHousing: t('record.occupancy.worker'),
    };
    if (group === 'findings' && key) {
      const index = findings.findIndex((finding) => finding.id === key);
      const item = t('record.finding.legend', { n: index + 1 });
      return name ? `${item}: ${findingFields[name] ?? name}` : item;
    }
    if (group === 'occupancy' && key) {
      const unit = units.find((candidate) => candidate.id === key);
      const item = t('record.occupancy.legend', { unit: unit?.label ?? key });
      return name ? `${item}: ${occupancyFields[name] ?? name}` : item;
    }
    if (group === 'checks' && key) {
      const defect = inspection.openDefects.find((candidate) => candidate.id === key);
      return defect ? bilingual(defect.catalogueItem.title, language) : t('record.checks.legend');
    }
    const top: Record<string, string> = {
      outcome: t('record.outcome.legend'),
      noAccessReason: t('record.outcome.noAccessReason'),
      revisitAt: t('record.outcome.revisit'),
      notes: t('record.notes'),
      completedAt: t('record.title'),
      findings: t('record.findings.legend'),
      occupancy: t('record.occupancy.title'),
      checks: t('record.checks.legend'),
    };
    return top[group] ?? path;
  }

  function targetOf(path: string): string | undefined {
    const [group, key, name] = path.split('.');
    if (group === 'findings' && key && !name) return inputId(`findings.${key}.legalGround`);
    if (group === 'findings' && name === 'id') return inputId(`findings.${key}.legalGround`);
    if (group === 'occupancy' && key && !name) return inputId(`occupancy.${key}.adultsFound`);
    if (group === 'checks' && key) return inputId(`checks.${key}.result.remedied`);
    if (group === 'revisitAt') return inputId('revisitAt.date');
    const id = inputId(path);
    return document.getElementById(id) ? id : undefined;
  }

  const photosPending = findings.some((finding) =>
    finding.photos.some((photo) => photo.status === 'uploading'),
  );

  return (
    <FormFrame
      labelledBy={labelledBy}
      testId="record-form"
      onSubmit={submit}
      summaryRef={summaryRef}
      messages={
        <>
          {blocked && (
            <p className="banner banner--error" role="alert" data-testid="record-blocked">
              {blocked}
            </p>
          )}
          {saveError && (
            <FormErrorBanner
              error={saveError}
              fieldErrors={fieldErrors}
              labelOf={labelOf}
              targetOf={targetOf}
              forbiddenText={t('record.noPermission')}
            />
          )}
        </>
      }
    >
      <fieldset className="fieldset" data-testid="record-outcome">
        <legend>{t('record.outcome.legend')}</legend>
        <div className="segmented">
          {(['done', 'no_access'] as const).map((value) => (
            <label key={value} className="segmented__option" htmlFor={inputId(`outcome.${value}`)}>
              <input
                id={inputId(`outcome.${value}`)}
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                onChange={() => {
                  setOutcome(value);
                  clearErrors('outcome');
                }}
              />
              <span>{t(`record.outcome.${value}`)}</span>
            </label>
          ))}
        </div>
        {errorsOf('outcome')}
        {outcome === 'no_access' && (
          <div className="form-grid">
            <Field
              label={t('record.outcome.noAccessReason')}
              htmlFor={inputId('noAccessReason')}
              required
              className="span-full"
            >
              <textarea
                {...fieldProps('noAccessReason', { hint: true })}
                rows={3}
                aria-required
                value={noAccessReason}
                onChange={(event) => {
                  setNoAccessReason(event.target.value);
                  clearErrors('noAccessReason');
                }}
              />
              <p id={`${inputId('noAccessReason')}-hint`} className="field__hint">
                {t('record.outcome.noAccessHint')}
              </p>
              {errorsOf('noAccessReason')}
            </Field>
            <Field label={t('record.outcome.revisitDate')} htmlFor={inputId('revisitAt.date')}>
              <input
                id={inputId('revisitAt.date')}
                type="date"
                value={revisitDate}
                min={today()}
                aria-invalid={hasError('revisitAt') || undefined}
                aria-describedby={[
                  `${inputId('revisitAt')}-hint`,
                  ...(hasError('revisitAt') ? [errorId('revisitAt')] : []),
                ].join(' ')}
                onChange={(event) => {
                  setRevisitDate(event.target.value);
                  clearErrors('revisitAt');
                }}
              />
            </Field>
            <Field label={t('record.outcome.revisitTime')} htmlFor={inputId('revisitAt.time')}>
              <input
                id={inputId('revisitAt.time')}
                type="time"
                step={300}
                value={revisitTime}
                aria-invalid={hasError('revisitAt') || undefined}
                aria-describedby={`${inputId('revisitAt')}-hint`}
                onChange={(event) => {
                  setRevisitTime(event.target.value);
                  clearErrors('revisitAt');
                }}
              />
            </Field>
            <div className="span-full">
              <p id={`${inputId('revisitAt')}-hint`} className="field__hint">
                {t('record.outcome.revisitHint')}
              </p>
              {errorsOf('revisitAt')}
            </div>
          </div>
        )}
      </fieldset>

      {outcome === 'done' && (
        <>
          <section className="stack" aria-labelledby={`${formId}-findings`}>
            <h2 id={`${formId}-findings`}>{t('record.findings.legend')}</h2>
            {errorsOf('findings')}
            {findings.length === 0 && <p className="muted">{t('record.findings.none')}</p>}
            {findings.map((finding, index) => (
              <FindingFieldset
                key={finding.id}
                index={index}
                finding={finding}
                units={units}
                groups={groups}
                catalogue={catalogue}
                catalogueById={catalogueById}
                fieldProps={fieldProps}
                errorsOf={errorsOf}
                inputId={inputId}
                onChange={(patch) => updateFinding(finding.id, patch)}
                onRemove={() => removeFinding(finding.id)}
                onPhotos={(event) => addPhotos(finding.id, event)}
                onRetryPhoto={(photoId) => retryPhoto(finding.id, photoId)}
              />
            ))}
            <p>
              <button
                id={`${formId}-add-finding`}
                type="button"
                className="button button--secondary"
                onClick={addFinding}
                data-testid="add-finding"
              >
                {t('record.findings.add')}
              </button>
            </p>
          </section>

          {units.length > 0 && (
            <section className="stack" aria-labelledby={`${formId}-occupancy`}>
              <h2 id={`${formId}-occupancy`}>{t('record.occupancy.title')}</h2>
              <p className="muted small">{t('record.occupancy.intro')}</p>
              {units.map((unit) => (
                <OccupancyFieldset
                  key={unit.id}
                  unit={unit}
                  draft={occupancy[unit.id]}
                  fieldProps={fieldProps}
                  errorsOf={errorsOf}
                  inputId={inputId}
                  onChange={(patch) => updateOccupancy(unit.id, patch)}
                />
              ))}
            </section>
          )}

          {inspection.openDefects.length > 0 && (
            <section className="stack" aria-labelledby={`${formId}-checks`}>
              <h2 id={`${formId}-checks`}>{t('record.checks.legend')}</h2>
              <p className="muted small">{t('record.checks.intro')}</p>
              {inspection.openDefects.map((defect) => (
                <CheckFieldset
                  key={defect.id}
                  defect={defect}
                  draft={checks[defect.id]}
                  errorsOf={errorsOf}
                  inputId={inputId}
                  onChange={(patch) => updateCheck(defect.id, patch)}
                />
              ))}
            </section>
          )}
        </>
      )}

      <div className="field">
        <label htmlFor={inputId('notes')}>{t('record.notes')}</label>
        <textarea
          {...fieldProps('notes')}
          rows={3}
          value={notes}
          onChange={(event) => {
            setNotes(event.target.value);
            clearErrors('notes');
          }}
        />
        {errorsOf('notes')}
      </div>

      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          data-testid="submit-record"
        >
          {saving
            ? t('propertyForm.save.saving')
            : outcome === 'done'
              ? t('record.submitDone')
              : t('record.submitNoAccess')}
        </button>
        <Link className="button button--secondary" to={paths.inspection(inspection.id)}>
          {t('common.cancel')}
        </Link>
      </div>
      {photosPending && (
        <p className="muted small" role="status">
          {t('record.photos.pendingNote')}
        </p>
      )}
    </FormFrame>
  );
}

// ---- parts ------------------------------------------------------------------------------

type Plumbing = Pick<FieldPlumbing, 'fieldProps' | 'errorsOf' | 'inputId'>;

interface FindingProps extends Plumbing {
  index: number;
  finding: FindingDraft;
  units: Array<Unit & { buildingLabel: string }>;
  groups: string[];
  catalogue: CatalogueItem[];
  catalogueById: Map<string, CatalogueItem>;
  onChange: (patch: Partial<FindingDraft>) => void;
  onRemove: () => void;
  onPhotos: (event: ChangeEvent<HTMLInputElement>) => void;
  onRetryPhoto: (photoId: string) => void;
}

function FindingFieldset({
  index,
  finding,
  units,
  groups,
  catalogue,
  catalogueById,
  fieldProps,
  errorsOf,
  inputId,
  onChange,
  onRemove,
  onPhotos,
  onRetryPhoto,
}: FindingProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const at = (name: string) => `findings.${finding.id}.${name}`;
  const item = catalogueById.get(finding.catalogueItemId);
  const items = catalogue.filter(
    (candidate) => candidate.legalGround === finding.legalGround && !candidate.retired,
  );
  const severity = finding.severity || item?.severity || '';
  const overridden = item !== undefined && severity !== item.severity;
  const roomListId = `${inputId(at('room'))}-rooms`;
  const multipleBuildings = new Set(units.map((unit) => unit.buildingId)).size > 1;
  const legend = t('record.finding.legend', { n: index + 1 });

  return (
    <fieldset className="fieldset" data-testid="finding-card">
      <legend>{legend}</legend>
      {errorsOf(`findings.${finding.id}`)}
      {errorsOf(at('id'))}
      <div className="form-grid">
        <Field
          label={t('record.finding.legalGround')}
          htmlFor={inputId(at('legalGround'))}
          required
          className="span-full"
        >
          <select
            {...fieldProps(at('legalGround'))}
            aria-required
            value={finding.legalGround}
            onChange={(event) =>
              onChange({ legalGround: event.target.value, catalogueItemId: '', severity: '' })
            }
          >
            <option value="">{t('record.finding.chooseGround')}</option>
            {groups.map((ground) => (
              <option key={ground} value={ground}>
                {legalGroundLabel(ground, language)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('record.finding.item')}
          htmlFor={inputId(at('catalogueItemId'))}
          required
          className="span-full"
        >
          <select
            {...fieldProps(at('catalogueItemId'), { hint: item !== undefined })}
            aria-required
            disabled={!finding.legalGround}
            value={finding.catalogueItemId}
            onChange={(event) => {
              const next = catalogueById.get(event.target.value);
              // A kept override that now equals the new default is no override.
              const keep =
                finding.severity && next && finding.severity !== next.severity
                  ? finding.severity
                  : '';
              onChange({ catalogueItemId: event.target.value, severity: keep });
            }}
          >
            <option value="">
              {finding.legalGround
                ? t('record.finding.chooseItem')
                : t('record.finding.groundFirst')}
            </option>
            {items.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {bilingual(candidate.title, language)} ({candidate.severity})
              </option>
            ))}
          </select>
          {item && (
            <p id={`${inputId(at('catalogueItemId'))}-hint`} className="field__hint">
              {item.code} · {bilingual(item.description, language)}
            </p>
          )}
          {errorsOf(at('catalogueItemId'))}
        </Field>
        <Field label={t('record.finding.unit')} htmlFor={inputId(at('unitId'))}>
          <select
            {...fieldProps(at('unitId'))}
            value={finding.unitId}
            onChange={(event) => onChange({ unitId: event.target.value })}
          >
            <option value="">{t('record.finding.noUnit')}</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {multipleBuildings ? `${unit.buildingLabel}: ${unit.label}` : unit.label}
              </option>
            ))}
          </select>
          {errorsOf(at('unitId'))}
        </Field>
        <Field label={t('record.finding.room')} htmlFor={inputId(at('room'))}>
          <input
            {...fieldProps(at('room'))}
            type="text"
            autoComplete="off"
            list={roomListId}
            value={finding.room}
            onChange={(event) => onChange({ room: event.target.value })}
          />
          <datalist id={roomListId}>
            {(language.startsWith('en') ? rooms.en : rooms.de).map((room) => (
              <option key={room} value={room} />
            ))}
          </datalist>
          {errorsOf(at('room'))}
        </Field>
        <Field
          label={t('record.finding.severity')}
          htmlFor={inputId(at('severity'))}
          className="span-full"
        >
          <div className="severity-select">
            {severity && <SeverityBadge severity={severity} />}
            <select
              {...fieldProps(at('severity'), { hint: true })}
              disabled={!item}
              value={severity}
              onChange={(event) => {
                const value = event.target.value as Severity;
                onChange({ severity: item && value === item.severity ? '' : value });
              }}
            >
              {!item && <option value="">{t('record.finding.itemFirst')}</option>}
              {severities.map((value) => (
                <option key={value} value={value}>
                  {severityLabel(t, value)}
                </option>
              ))}
            </select>
          </div>
          <p id={`${inputId(at('severity'))}-hint`} className="field__hint">
            {item
              ? t('record.finding.severityDefault', { severity: severityLabel(t, item.severity) })
              : t('record.finding.severityHint')}
          </p>
          {errorsOf(at('severity'))}
        </Field>
        {overridden && (
          <Field
            label={t('record.finding.severityReason')}
            htmlFor={inputId(at('severityReason'))}
            required
            className="span-full"
          >
            <textarea
              {...fieldProps(at('severityReason'))}
              rows={2}
              aria-required
              value={finding.severityReason}
              onChange={(event) => onChange({ severityReason: event.target.value })}
            />
            {errorsOf(at('severityReason'))}
          </Field>
        )}
        <Field
          label={t('record.finding.description')}
          htmlFor={inputId(at('description'))}
          required
          className="span-full"
        >
          <textarea
            {...fieldProps(at('description'))}
            rows={3}
            aria-required
            value={finding.description}
            onChange={(event) => onChange({ description: event.target.value })}
          />
          {errorsOf(at('description'))}
        </Field>
        <div className="field span-full">
          <label htmlFor={inputId(at('photos'))}>{t('record.photos.label')}</label>
          <input
            id={inputId(at('photos'))}
            name={at('photos')}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-describedby={`${inputId(at('photos'))}-hint`}
            onChange={onPhotos}
            data-testid="photo-input"
          />
          <p id={`${inputId(at('photos'))}-hint`} className="field__hint">
            {t('record.photos.hint')}
          </p>
          {finding.photos.length > 0 && (
            <ul
              className="photo-uploads"
              aria-label={t('record.photos.listLabel', { n: index + 1 })}
            >
              {finding.photos.map((photo, photoIndex) => (
                <PhotoItem
                  key={photo.id}
                  photo={photo}
                  n={photoIndex + 1}
                  onRetry={() => onRetryPhoto(photo.id)}
                />
              ))}
            </ul>
          )}
        </div>
        <div className="row-actions span-full">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onRemove}
          >
            {t('record.finding.remove', { n: index + 1 })}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

function PhotoItem({ photo, n, onRetry }: { photo: PhotoDraft; n: number; onRetry: () => void }) {
  const { t } = useTranslation();
  const percent = photo.total > 0 ? Math.min(100, Math.round((photo.sent / photo.total) * 100)) : 0;
  const label = t('record.photos.item', { n });
  return (
    <li className="photo-upload" data-testid="photo-item" data-status={photo.status}>
      <img src={photo.previewUrl} alt={label} width={72} height={72} />
      <div className="photo-upload__state">
        <span className="small">{photo.name || label}</span>
        {photo.status === 'uploading' && (
          <>
            <progress max={100} value={percent} aria-label={t('record.photos.progress', { n })}>
              {percent} %
            </progress>
            <span className="small muted">{t('record.photos.uploading', { percent })}</span>
          </>
        )}
        {photo.status === 'done' && (
          <span className="small photo-upload__done">{t('record.photos.done')}</span>
        )}
        {photo.status === 'failed' && (
          <>
            <span className="small field__error">
              {t('record.photos.failed', { message: photo.error ?? '' })}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={onRetry}
            >
              {t('record.photos.retry', { n })}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

interface OccupancyProps extends Plumbing {
  unit: Unit & { buildingLabel: string };
  draft: OccupancyDraft;
  onChange: (patch: Partial<OccupancyDraft>) => void;
}

function OccupancyFieldset({
  unit,
  draft,
  fieldProps,
  errorsOf,
  inputId,
  onChange,
}: OccupancyProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const at = (name: string) => `occupancy.${unit.id}.${name}`;
  const legend = t('record.occupancy.legend', { unit: unit.label });
  const hintId = `${inputId(at('hint'))}`;

  const adults = numberOf(draft.adults);
  const children = numberOf(draft.children) ?? 0;
  const registered = numberOf(draft.registered) ?? 0;
  const area = numberOf(draft.area);
  const result =
    adults !== undefined && area !== undefined
      ? evaluateOvercrowding({
          inspectionDate: today(),
          adultsFound: adults,
          childrenUnderSixFound: children,
          personsRegistered: registered,
          livingAreaM2: area,
          kind: draft.unitKind,
          sharedAncillaryRooms: draft.shared,
          isWorkerHousing: draft.worker,
        })
      : undefined;
  const explanation =
    result && result.outcome !== 'invalid' ? bilingual(result.explanation, language) : undefined;
  const overcrowded = result?.outcome === 'evaluated' && result.overcrowded;

  return (
    <fieldset className="fieldset" data-testid="occupancy-card">
      <legend>{legend}</legend>
      {errorsOf(`occupancy.${unit.id}`)}
      <label className="choice" htmlFor={inputId(at('include'))}>
        <input
          id={inputId(at('include'))}
          type="checkbox"
          checked={draft.include}
          onChange={(event) => onChange({ include: event.target.checked })}
          data-testid="occupancy-include"
        />
        <span>
          {t('record.occupancy.include')}
          {unit.areaM2 !== null && (
            <span className="muted"> ({formatNumber(unit.areaM2, language)} m²)</span>
          )}
        </span>
      </label>
      {draft.include && (
        <>
          <div className="form-grid form-grid--counts">
            <Field
              label={t('record.occupancy.adults')}
              htmlFor={inputId(at('adultsFound'))}
              required
            >
              <input
                {...fieldProps(at('adultsFound'))}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                aria-required
                value={draft.adults}
                onChange={(event) => onChange({ adults: event.target.value })}
              />
              {errorsOf(at('adultsFound'))}
            </Field>
            <Field
              label={t('record.occupancy.children')}
              htmlFor={inputId(at('childrenUnderSixFound'))}
              required
            >
              <input
                {...fieldProps(at('childrenUnderSixFound'))}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                aria-required
                value={draft.children}
                onChange={(event) => onChange({ children: event.target.value })}
              />
              {errorsOf(at('childrenUnderSixFound'))}
            </Field>
            <Field
              label={t('record.occupancy.registered')}
              htmlFor={inputId(at('personsRegistered'))}
              required
            >
              <input
                {...fieldProps(at('personsRegistered'))}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                aria-required
                value={draft.registered}
                onChange={(event) => onChange({ registered: event.target.value })}
              />
              {errorsOf(at('personsRegistered'))}
            </Field>
            <Field label={t('record.occupancy.area')} htmlFor={inputId(at('livingAreaM2'))}>
              <input
                {...fieldProps(at('livingAreaM2'))}
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={draft.area}
                onChange={(event) => onChange({ area: event.target.value })}
              />
              {errorsOf(at('livingAreaM2'))}
            </Field>
            <Field label={t('record.occupancy.kind')} htmlFor={inputId(at('unitKind'))}>
              <select
                {...fieldProps(at('unitKind'))}
                value={draft.unitKind}
                onChange={(event) =>
                  onChange({ unitKind: event.target.value as OccupancyDraft['unitKind'] })
                }
              >
                <option value="flat">{t('record.occupancy.flat')}</option>
                <option value="single_room">{t('record.occupancy.singleRoom')}</option>
              </select>
              {errorsOf(at('unitKind'))}
            </Field>
          </div>
          {draft.unitKind === 'single_room' && (
            <label className="choice" htmlFor={inputId(at('sharedAncillaryRooms'))}>
              <input
                id={inputId(at('sharedAncillaryRooms'))}
                type="checkbox"
                checked={draft.shared}
                onChange={(event) => onChange({ shared: event.target.checked })}
              />
              <span>{t('record.occupancy.shared')}</span>
            </label>
          )}
          <label className="choice" htmlFor={inputId(at('workerHousing'))}>
            <input
              id={inputId(at('workerHousing'))}
              type="checkbox"
              checked={draft.worker}
              onChange={(event) => onChange({ worker: event.target.checked })}
            />
            <span>{t('record.occupancy.worker')}</span>
          </label>
          <div aria-live="polite" id={hintId}>
            {explanation ? (
              <p
                className={overcrowded ? 'banner banner--warning' : 'banner banner--info'}
                data-testid="occupancy-hint"
                data-overcrowded={overcrowded ? 'true' : 'false'}
              >
                <strong>{t('record.occupancy.hintTitle')}</strong> {explanation}
              </p>
            ) : (
              <p className="field__hint">{t('record.occupancy.hintMissing')}</p>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}

interface CheckProps extends Omit<Plumbing, 'fieldProps'> {
  defect: Defect;
  draft: CheckDraft;
  onChange: (patch: Partial<CheckDraft>) => void;
}

function CheckFieldset({ defect, draft, errorsOf, inputId, onChange }: CheckProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const at = (name: string) => `checks.${defect.id}.${name}`;
  const title = bilingual(defect.catalogueItem.title, language);
  const where = [defect.unitLabel, defect.room].filter(Boolean).join(' · ');
  const options = [
    ['', t('record.checks.notChecked')],
    ['remedied', t('record.checks.remedied')],
    ['not_remedied', t('record.checks.notRemedied')],
  ] as const;
  return (
    <fieldset className="fieldset" data-testid="check-card">
      <legend>
        {title}
        {where && <span className="muted"> ({where})</span>}
      </legend>
      <p className="small">
        <SeverityBadge severity={defect.severity} /> {defect.description}
      </p>
      {errorsOf(`checks.${defect.id}`)}
      <div className="segmented">
        {options.map(([value, label]) => (
          <label
            key={value || 'none'}
            className="segmented__option"
            htmlFor={inputId(at(`result.${value || 'none'}`))}
          >
            <input
              id={inputId(at(`result.${value || 'none'}`))}
              type="radio"
              name={at('result')}
              value={value}
              checked={draft.result === value}
              onChange={() => onChange({ result: value })}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {errorsOf(at('result'))}
      {draft.result && (
        <div className="field">
          <label htmlFor={inputId(at('note'))}>{t('record.checks.note')}</label>
          <input
            id={inputId(at('note'))}
            type="text"
            value={draft.note}
            onChange={(event) => onChange({ note: event.target.value })}
          />
          {errorsOf(at('note'))}
        </div>
      )}
    </fieldset>
  );
}
