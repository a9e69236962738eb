import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  ApiError,
  canPlanInspections,
  inspectionKinds,
  type FieldError,
  type InspectionKind,
  type PlanInspectionInput,
  type Property,
} from '../api';
import { addressLine, placeLine, streetLine } from '../format';
import { newUuid } from '../ids';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { today, zonedIso } from '../time';
import { useResource } from '../use-resource';
import {
  Field,
  FieldErrorText,
  fieldPlumbing,
  FormErrorBanner,
  FormFrame,
  refusalOf,
  RequiredMark,
  serverError,
  useSummaryFocus,
  withoutErrors,
  type SaveError,
} from './form-parts';
import { kindLabel } from './inspection-labels';
import { lastInspectionListUrl } from './inspection-list';
import { LoadError, Loading, setFlash, useDocumentTitle } from './page';

/** "Begehung planen": for the property in `?objekt=`, or first pick one. */
export function InspectionPlanPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const headingId = useId();
  const location = useLocation();
  const propertyId = new URLSearchParams(location.search).get('objekt') ?? '';
  const allowed = canPlanInspections(user.role);
  const property = useResource(
    (signal) =>
      allowed && propertyId ? api.property(propertyId, signal) : Promise.resolve(undefined),
    [propertyId, allowed],
  );
  const data = property.data;
  const primary = data?.addresses.find((address) => address.isPrimary) ?? data?.addresses[0];
  useDocumentTitle(primary ? `${t('plan.title')}: ${streetLine(primary)}` : t('plan.title'));

  return (
    <section className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={propertyId ? paths.property(propertyId) : lastInspectionListUrl()}>
          <span aria-hidden="true">← </span>
          {propertyId
            ? primary
              ? streetLine(primary)
              : t('property.fallbackTitle')
            : t('inspections.title')}
        </Link>
      </p>
      <div>
        <h1 id={headingId} tabIndex={-1}>
          {t('plan.title')}
        </h1>
        {primary && (
          <p className="page-head__sub" data-testid="plan-address">
            {addressLine(primary)}
          </p>
        )}
      </div>
      {!allowed && (
        <p className="banner banner--error" role="alert">
          {t('plan.noPermission')}
        </p>
      )}
      {allowed && !propertyId && <PropertyPicker />}
      {allowed && propertyId && property.loading && <Loading />}
      {property.error !== undefined && (
        <LoadError error={property.error} onRetry={property.reload} />
      )}
      {data && <PlanForm key={data.id} property={data} labelledBy={headingId} />}
    </section>
  );
}

/** Step one without a property: find it by address. */
function PropertyPicker() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useResource(
    (signal) => (q ? api.properties({ q, limit: 10 }, signal) : Promise.resolve(undefined)),
    [q],
    { keepPrevious: true },
  );
  const items = q ? result.data?.items : undefined;
  return (
    <div className="card stack" data-testid="plan-property-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('plan.pickProperty')}</label>
        <input
          id={`${id}-q`}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('properties.search.hint')}
        </p>
      </div>
      <p className="visually-hidden" role="status">
        {items ? t('properties.results.count', { count: items.length }) : ''}
      </p>
      {result.error !== undefined && <LoadError error={result.error} onRetry={result.reload} />}
      {items && items.length === 0 && <p className="muted">{t('properties.empty.noMatch')}</p>}
      {items && items.length > 0 && (
        <ul className="pick-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                to={paths.inspectionNew(item.id)}
                replace
                className="pick-list__item"
                data-testid="plan-pick"
              >
                <span className="pick-list__street">{streetLine(item.primaryAddress)}</span>
                <span className="muted">{placeLine(item.primaryAddress)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ---- the form ---------------------------------------------------------------------------

interface Draft {
  kind: InspectionKind;
  date: string;
  time: string;
  inspectorIds: string[];
  reason: string;
  jointPartners: string;
}

const fieldOrder = ['kind', 'scheduledAt', 'inspectorIds', 'jointPartners', 'reason'];

/** One line per partner; empty lines are dropped. */
const partnersOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function PlanForm({ property, labelledBy }: { property: Property; labelledBy: string }) {
  const { t } = useTranslation();
  const { user, expired } = useSession();
  const formId = useId();
  const inspectors = useResource((signal) => api.inspectors(signal), []);
  const [draft, setDraft] = useState<Draft>(() => ({
    kind: 'initial',
    date: today(),
    time: '09:00',
    // Inspectors plan their own visits; officers choose.
    inspectorIds: user.role === 'inspector' ? [user.id] : [],
    reason: '',
    jointPartners: '',
  }));
  const [idempotencyKey, setIdempotencyKey] = useState(newUuid);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const { summaryRef, focusSummary } = useSummaryFocus();

  const { inputId, errorId, messagesFor, hasError, fieldProps } = fieldPlumbing(
    formId,
    fieldErrors,
  );
  /** A group's errors: the field itself and its items (`jointPartners.1`). */
  const groupErrors = (path: string): string[] =>
    fieldErrors
      .filter((error) => error.field === path || error.field.startsWith(`${path}.`))
      .map((error) => error.message);

  const describedBy = (path: string, hint = false): string | undefined =>
    fieldProps(path, { hint })['aria-describedby'];

  function update(patch: Partial<Draft>, ...fields: string[]) {
    setDraft((previous) => ({ ...previous, ...patch }));
    if (fields.length > 0)
      setFieldErrors((errors) =>
        withoutErrors(errors, (path) => fields.some((f) => path === f || path.startsWith(`${f}.`))),
      );
  }

  function toggleInspector(id: string, on: boolean) {
    update(
      {
        inspectorIds: on
          ? [...draft.inspectorIds.filter((other) => other !== id), id]
          : draft.inspectorIds.filter((other) => other !== id),
      },
      'inspectorIds',
    );
  }

  function labelOf(path: string): string {
    const name = path.split('.')[0];
    switch (name) {
      case 'kind':
        return t('plan.kind');
      case 'scheduledAt':
        return t('plan.when');
      case 'inspectorIds':
        return t('plan.inspectors');
      case 'reason':
        return t('plan.reason');
      case 'jointPartners':
        return t('plan.jointPartners');
      case 'propertyId':
        return t('plan.property');
      default:
        return path;
    }
  }

  function targetOf(path: string): string | undefined {
    const name = path.split('.')[0];
    if (name === 'scheduledAt') return inputId('scheduledAt.date');
    if (name === 'inspectorIds') {
      const first = inspectors.data?.items[0];
      return first ? `${formId}-inspector-${first.id}` : undefined;
    }
    if (name === 'kind' || name === 'reason' || name === 'jointPartners') return inputId(name);
    return undefined;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaveError(null);
    const input: PlanInspectionInput = {
      propertyId: property.id,
      kind: draft.kind,
      // Incomplete date or time: sent empty, so the server names the field.
      scheduledAt: zonedIso(draft.date, draft.time) ?? '',
      inspectorIds: draft.inspectorIds,
      ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
      ...(draft.kind === 'joint' ? { jointPartners: partnersOf(draft.jointPartners) } : {}),
    };
    setSaving(true);
    try {
      const created = await api.planInspection(input, idempotencyKey);
      setFlash(paths.inspection(created.id), 'planned');
      navigate(paths.inspection(created.id), { replace: true });
    } catch (error) {
      setSaving(false);
      failed(error);
    }
  }

  function failed(error: unknown) {
    if (!(error instanceof ApiError)) {
      setSaveError({ kind: 'server', message: String(error) });
      return;
    }
    // The server refused this body; the next one differs, so it gets a key of its own.
    if (error.status >= 400 && error.status < 500 && error.status !== 409)
      setIdempotencyKey(newUuid());
    if (error.isNetworkError) setSaveError({ kind: 'network' });
    else if (error.status === 401) expired();
    else if (error.status === 400 || error.status === 422) {
      const refused = refusalOf(error);
      refused.fieldErrors.sort(
        (a, b) => rank(fieldOrder, a.field.split('.')[0]) - rank(fieldOrder, b.field.split('.')[0]),
      );
      setFieldErrors(refused.fieldErrors);
      setSaveError(refused.saveError);
    } else if (error.status === 403) setSaveError({ kind: 'forbidden' });
    else if (error.status === 409) setSaveError({ kind: 'busy' });
    else setSaveError(serverError(error));
    focusSummary();
  }

  const people = inspectors.data?.items ?? [];
  // The signed-in inspector is always offered, even before the list arrives.
  const offered =
    user.role === 'inspector' && !people.some((person) => person.id === user.id)
      ? [{ id: user.id, displayName: user.displayName, districts: [] }, ...people]
      : people;

  return (
    <FormFrame
      labelledBy={labelledBy}
      testId="plan-form"
      onSubmit={submit}
      summaryRef={summaryRef}
      messages={
        <>
          {saveError && (
            <FormErrorBanner
              error={saveError}
              fieldErrors={fieldErrors}
              labelOf={labelOf}
              targetOf={targetOf}
              forbiddenText={
                user.role === 'inspector' ? t('plan.errors.ownOnly') : t('plan.noPermission')
              }
            />
          )}
        </>
      }
    >
      <fieldset className="fieldset">
        <legend>{t('plan.visit')}</legend>
        <div className="form-grid">
          <Field label={t('plan.kind')} htmlFor={inputId('kind')} required className="span-full">
            <select
              id={inputId('kind')}
              name="kind"
              value={draft.kind}
              aria-invalid={hasError('kind') || undefined}
              aria-describedby={describedBy('kind')}
              onChange={(event) =>
                update({ kind: event.target.value as InspectionKind }, 'kind', 'jointPartners')
              }
            >
              {inspectionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabel(t, kind)}
                </option>
              ))}
            </select>
            <FieldErrorText id={errorId('kind')} path="kind" messages={messagesFor('kind')} />
          </Field>
          <Field label={t('plan.date')} htmlFor={inputId('scheduledAt.date')} required>
            <input
              id={inputId('scheduledAt.date')}
              name="date"
              type="date"
              value={draft.date}
              aria-required
              aria-invalid={hasError('scheduledAt') || undefined}
              aria-describedby={describedBy('scheduledAt')}
              onChange={(event) => update({ date: event.target.value }, 'scheduledAt')}
            />
          </Field>
          <Field label={t('plan.time')} htmlFor={inputId('scheduledAt.time')} required>
            <input
              id={inputId('scheduledAt.time')}
              name="time"
              type="time"
              step={300}
              value={draft.time}
              aria-required
              aria-invalid={hasError('scheduledAt') || undefined}
              aria-describedby={describedBy('scheduledAt')}
              onChange={(event) => update({ time: event.target.value }, 'scheduledAt')}
            />
          </Field>
          <div className="span-full">
            <FieldErrorText
              id={errorId('scheduledAt')}
              path="scheduledAt"
              messages={messagesFor('scheduledAt')}
            />
          </div>
        </div>
      </fieldset>

      <fieldset
        className="fieldset"
        aria-describedby={[
          `${inputId('inspectorIds')}-hint`,
          ...(groupErrors('inspectorIds').length ? [errorId('inspectorIds')] : []),
        ].join(' ')}
        data-testid="plan-inspectors"
      >
        <legend>
          {t('plan.inspectors')}
          <RequiredMark />
        </legend>
        <p id={`${inputId('inspectorIds')}-hint`} className="field__hint">
          {user.role === 'inspector' ? t('plan.inspectorsHintOwn') : t('plan.inspectorsHint')}
        </p>
        <FieldErrorText
          id={errorId('inspectorIds')}
          path="inspectorIds"
          messages={groupErrors('inspectorIds')}
        />
        {inspectors.loading && offered.length === 0 && <Loading />}
        {inspectors.error !== undefined && (
          <LoadError error={inspectors.error} onRetry={inspectors.reload} />
        )}
        <ul className="choice-list">
          {offered.map((person) => (
            <li key={person.id}>
              <label className="choice" htmlFor={`${formId}-inspector-${person.id}`}>
                <input
                  id={`${formId}-inspector-${person.id}`}
                  type="checkbox"
                  name="inspectorIds"
                  value={person.id}
                  checked={draft.inspectorIds.includes(person.id)}
                  onChange={(event) => toggleInspector(person.id, event.target.checked)}
                />
                <span>
                  {person.displayName}
                  {person.id === user.id && <span className="muted"> ({t('plan.me')})</span>}
                  {person.districts.length > 0 && (
                    <span className="muted small">
                      {' '}
                      · {person.districts.map((district) => district.name).join(', ')}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      {draft.kind === 'joint' && (
        <div className="field">
          <label htmlFor={inputId('jointPartners')}>
            {t('plan.jointPartners')}
            <RequiredMark />
          </label>
          <textarea
            id={inputId('jointPartners')}
            name="jointPartners"
            rows={3}
            value={draft.jointPartners}
            aria-required
            aria-invalid={groupErrors('jointPartners').length > 0 || undefined}
            aria-describedby={[
              `${inputId('jointPartners')}-hint`,
              ...(groupErrors('jointPartners').length ? [errorId('jointPartners')] : []),
            ].join(' ')}
            onChange={(event) => update({ jointPartners: event.target.value }, 'jointPartners')}
          />
          <p id={`${inputId('jointPartners')}-hint`} className="field__hint">
            {t('plan.jointPartnersHint')}
          </p>
          <FieldErrorText
            id={errorId('jointPartners')}
            path="jointPartners"
            messages={groupErrors('jointPartners')}
          />
        </div>
      )}

      <div className="field">
        <label htmlFor={inputId('reason')}>{t('plan.reason')}</label>
        <textarea
          id={inputId('reason')}
          name="reason"
          rows={3}
          value={draft.reason}
          aria-invalid={hasError('reason') || undefined}
          aria-describedby={describedBy('reason', true)}
          onChange={(event) => update({ reason: event.target.value }, 'reason')}
        />
        <p id={`${inputId('reason')}-hint`} className="field__hint">
          {t('plan.reasonHint')}
        </p>
        <FieldErrorText id={errorId('reason')} path="reason" messages={messagesFor('reason')} />
      </div>

      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          data-testid="save-plan"
        >
          {saving ? t('propertyForm.save.saving') : t('plan.submit')}
        </button>
        <Link className="button button--secondary" to={paths.property(property.id)}>
          {t('common.cancel')}
        </Link>
      </div>
    </FormFrame>
  );
}

const rank = (order: string[], name: string): number => {
  const index = order.indexOf(name);
  return index < 0 ? order.length : index;
};
