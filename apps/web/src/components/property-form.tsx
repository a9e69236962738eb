import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  ApiError,
  canEditProperties,
  currentOf,
  type AddressInput,
  type CreatePropertyInput,
  type FieldError,
  type Point,
  type Property,
  type UpdatePropertyInput,
} from '../api';
import { addressLine, placeLine, streetLine } from '../format';
import { Link, navigate, paths } from '../router';
import { newUuid } from '../ids';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import {
  Field,
  FieldErrorText,
  fieldPlumbing,
  FormErrorBanner,
  FormFrame,
  numberOf,
  refusalOf,
  RequiredMark,
  serverError,
  useFocusTarget,
  useSummaryFocus,
  withoutErrors,
  type SaveError,
} from './form-parts';
import { LoadError, Loading, setFlash, useDocumentTitle } from './page';
import { lastPropertyListUrl } from './property-list';
import { LocationPicker } from './lazy-map';

// ---- the form's own state: strings as typed, turned into the api's shapes on submit --------

interface AddressDraft {
  key: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district: string;
}

interface UnitDraft {
  key: string;
  label: string;
  floor: string;
  areaM2: string;
  rooms: string;
}

interface Draft {
  lon: string;
  lat: string;
  parcelRef: string;
  notes: string;
  addresses: AddressDraft[];
  primaryKey: string;
  withBuilding: boolean;
  buildingLabel: string;
  yearBuilt: string;
  units: UnitDraft[];
}

let keyCounter = 0;
const newRowKey = (): string => `row-${++keyCounter}`;

const emptyAddress = (from?: AddressDraft): AddressDraft => ({
  key: newRowKey(),
  street: '',
  houseNumber: '',
  postcode: from?.postcode ?? '',
  city: from?.city ?? '',
  district: from?.district ?? '',
});

const emptyUnit = (): UnitDraft => ({
  key: newRowKey(),
  label: '',
  floor: '',
  areaM2: '',
  rooms: '',
});

function draftOf(property: Property | undefined, buildingLabel: string): Draft {
  const addresses: AddressDraft[] = property
    ? property.addresses.map((address) => ({
        key: newRowKey(),
        street: address.street,
        houseNumber: address.houseNumber,
        postcode: address.postcode,
        city: address.city,
        district: address.district ?? '',
      }))
    : [emptyAddress()];
  if (addresses.length === 0) addresses.push(emptyAddress());
  const primaryIndex = Math.max(0, property?.addresses.findIndex((a) => a.isPrimary) ?? 0);
  return {
    lon: property ? String(property.location.coordinates[0]) : '',
    lat: property ? String(property.location.coordinates[1]) : '',
    parcelRef: property?.parcelRef ?? '',
    notes: property?.notes ?? '',
    addresses,
    primaryKey: addresses[primaryIndex].key,
    withBuilding: false,
    buildingLabel,
    yearBuilt: '',
    units: [emptyUnit()],
  };
}

const optionalText = (value: string): string | undefined => value.trim() || undefined;

function pointOf(draft: Draft): Point | undefined {
  const lon = numberOf(draft.lon);
  const lat = numberOf(draft.lat);
  if (lon === undefined && lat === undefined) return undefined;
  // A missing half goes as null, so the server names `location.coordinates`.
  return { type: 'Point', coordinates: [lon ?? NaN, lat ?? NaN] };
}

function addressesOf(draft: Draft): AddressInput[] {
  return draft.addresses.map((address) => ({
    street: address.street.trim(),
    houseNumber: address.houseNumber.trim(),
    postcode: address.postcode.trim(),
    city: address.city.trim(),
    ...(address.district.trim() ? { district: address.district.trim() } : {}),
    isPrimary: address.key === draft.primaryKey,
  }));
}

function toCreateInput(draft: Draft): CreatePropertyInput {
  const input: CreatePropertyInput = {
    location: pointOf(draft),
    parcelRef: optionalText(draft.parcelRef),
    notes: optionalText(draft.notes),
    addresses: addressesOf(draft),
  };
  if (draft.withBuilding) {
    const units = draft.units
      .filter((unit) => unit.label.trim() || unit.floor || unit.areaM2 || unit.rooms)
      .map((unit) => ({
        label: unit.label.trim(),
        floor: numberOf(unit.floor),
        areaM2: numberOf(unit.areaM2),
        rooms: numberOf(unit.rooms),
      }));
    input.buildings = [
      {
        label: draft.buildingLabel.trim(),
        yearBuilt: numberOf(draft.yearBuilt),
        ...(units.length > 0 ? { units } : {}),
      },
    ];
  }
  return input;
}

/** Only what changed: an unchanged field is left out, a cleared one is sent as null. */
function toUpdateInput(draft: Draft, base: Property): UpdatePropertyInput {
  const input: UpdatePropertyInput = {};
  const point = pointOf(draft);
  const [lon, lat] = base.location.coordinates;
  if (!point) input.location = null;
  else if (point.coordinates[0] !== lon || point.coordinates[1] !== lat) input.location = point;
  const parcelRef = optionalText(draft.parcelRef) ?? null;
  if (parcelRef !== base.parcelRef) input.parcelRef = parcelRef;
  const notes = optionalText(draft.notes) ?? null;
  if (notes !== base.notes) input.notes = notes;
  const addresses = addressesOf(draft);
  const before = base.addresses.map((address) => ({
    street: address.street,
    houseNumber: address.houseNumber,
    postcode: address.postcode,
    city: address.city,
    ...(address.district ? { district: address.district } : {}),
    isPrimary: address.isPrimary,
  }));
  if (JSON.stringify(addresses) !== JSON.stringify(before)) input.addresses = addresses;
  return input;
}

/** Errors about the location as a whole, shown above both coordinate inputs. */
const locationPaths = ['location', 'location.coordinates', 'location.type'];

// ---- pages ------------------------------------------------------------------------------

export function PropertyCreatePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const headingId = useId();
  useDocumentTitle(t('propertyForm.createTitle'));
  return (
    <section className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={lastPropertyListUrl()}>
          <span aria-hidden="true">← </span>
          {t('property.back')}
        </Link>
      </p>
      <h1 id={headingId} tabIndex={-1}>
        {t('propertyForm.createTitle')}
      </h1>
      {canEditProperties(user.role) ? (
        <PropertyForm labelledBy={headingId} />
      ) : (
        <p className="banner banner--error" role="alert">
          {t('propertyForm.noPermission')}
        </p>
      )}
    </section>
  );
}

export function PropertyEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const headingId = useId();
  const allowed = canEditProperties(user.role);
  const property = useResource(
    (signal) => (allowed ? api.property(id, signal) : Promise.resolve(undefined)),
    [id, allowed],
  );
  const data = property.data;
  const primary = data?.addresses.find((address) => address.isPrimary) ?? data?.addresses[0];
  useDocumentTitle(
    primary
      ? `${t('propertyForm.editTitle')}: ${streetLine(primary)}`
      : t('propertyForm.editTitle'),
  );
  return (
    <section className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={paths.property(id)}>
          <span aria-hidden="true">← </span>
          {primary ? streetLine(primary) : t('property.fallbackTitle')}
        </Link>
      </p>
      <div>
        <h1 id={headingId} tabIndex={-1}>
          {t('propertyForm.editTitle')}
        </h1>
        {primary && <p className="page-head__sub">{addressLine(primary)}</p>}
      </div>
      {!allowed && (
        <p className="banner banner--error" role="alert">
          {t('propertyForm.noPermission')}
        </p>
      )}
      {allowed && property.loading && <Loading />}
      {property.error !== undefined && (
        <LoadError error={property.error} onRetry={property.reload} />
      )}
      {data && <PropertyForm key={data.id} property={data} labelledBy={headingId} />}
    </section>
  );
}

// ---- the form ---------------------------------------------------------------------------

interface PropertyFormProps {
  /** The record to edit; without it the form creates a property. */
  property?: Property;
  labelledBy: string;
}

function PropertyForm({ property, labelledBy }: PropertyFormProps) {
  const { t } = useTranslation();
  const { expired } = useSession();
  const formId = useId();
  const editing = property !== undefined;
  const [base, setBase] = useState<Property | undefined>(property);
  const [draft, setDraft] = useState<Draft>(() =>
    draftOf(property, t('propertyForm.building.defaultLabel')),
  );
  // One key per form instance (a repeat of the same create is answered, not duplicated); a new
  // one only after the server refused the body (4xx), because the next body will differ.
  const [idempotencyKey, setIdempotencyKey] = useState(newUuid);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<SaveError<Property> | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [reloaded, setReloaded] = useState(false);
  const setFocusTarget = useFocusTarget();
  const { summaryRef, focusSummary } = useSummaryFocus();

  const districts = useResource((signal) => api.districts(signal), []);

  // ---- ids and error plumbing ----
  const { inputId, errorId, messagesFor, hasError, fieldProps, errorsOf } = fieldPlumbing(
    formId,
    fieldErrors,
  );

  function clearErrors(predicate: (path: string) => boolean) {
    setFieldErrors((errors) => withoutErrors(errors, predicate));
  }

  function update(patch: Partial<Draft>, ...fields: string[]) {
    setDraft((previous) => ({ ...previous, ...patch }));
    if (fields.length > 0) clearErrors((field) => fields.includes(field));
  }

  function updateAddress(index: number, patch: Partial<AddressDraft>) {
    setDraft((previous) => ({
      ...previous,
      addresses: previous.addresses.map((address, i) =>
        i === index ? { ...address, ...patch } : address,
      ),
    }));
    const changed = Object.keys(patch).map((name) => `addresses.${index}.${name}`);
    clearErrors((field) => changed.includes(field));
  }

  function updateUnit(index: number, patch: Partial<UnitDraft>) {
    setDraft((previous) => ({
      ...previous,
      units: previous.units.map((unit, i) => (i === index ? { ...unit, ...patch } : unit)),
    }));
    const changed = Object.keys(patch).map((name) => `buildings.0.units.${index}.${name}`);
    clearErrors((field) => changed.includes(field));
  }

  function setLocation(lon: number, lat: number) {
    update({ lon: String(lon), lat: String(lat) }, ...locationPaths);
  }

  // Rows moved: errors indexed by row no longer point at the right one.
  function addAddress() {
    const last = draft.addresses[draft.addresses.length - 1];
    const address = emptyAddress(last);
    setDraft((previous) => ({ ...previous, addresses: [...previous.addresses, address] }));
    setFocusTarget(inputId(`addresses.${draft.addresses.length}.street`));
  }

  function removeAddress(index: number) {
    setDraft((previous) => {
      const addresses = previous.addresses.filter((_, i) => i !== index);
      const primaryKey = addresses.some((address) => address.key === previous.primaryKey)
        ? previous.primaryKey
        : addresses[0].key;
      return { ...previous, addresses, primaryKey };
    });
    clearErrors((field) => field.startsWith('addresses'));
    setFocusTarget(`${formId}-add-address`);
  }

  function addUnit() {
    setDraft((previous) => ({ ...previous, units: [...previous.units, emptyUnit()] }));
    setFocusTarget(inputId(`buildings.0.units.${draft.units.length}.label`));
  }

  function removeUnit(index: number) {
    setDraft((previous) => ({ ...previous, units: previous.units.filter((_, i) => i !== index) }));
    clearErrors((field) => field.startsWith('buildings.0.units'));
    setFocusTarget(`${formId}-add-unit`);
  }

  // ---- labels of fields, for the error summary ----
  function labelOf(path: string): string | undefined {
    const parts = path.split('.');
    const address = (name: string) => {
      const keys: Record<string, string> = {
        street: t('propertyForm.addresses.street'),
        houseNumber: t('propertyForm.addresses.houseNumber'),
        postcode: t('propertyForm.addresses.postcode'),
        city: t('propertyForm.addresses.city'),
        district: t('propertyForm.addresses.district'),
        isPrimary: t('propertyForm.addresses.primary'),
      };
      return keys[name];
    };
    const unit = (name: string) => {
      const keys: Record<string, string> = {
        label: t('propertyForm.building.unitLabel'),
        floor: t('propertyForm.building.floor'),
        areaM2: t('propertyForm.building.area'),
        rooms: t('propertyForm.building.rooms'),
      };
      return keys[name];
    };
    if (path === 'location' || path === 'location.coordinates' || path === 'location.type')
      return t('propertyForm.location.legend');
    if (path === 'location.coordinates.0') return t('propertyForm.location.lon');
    if (path === 'location.coordinates.1') return t('propertyForm.location.lat');
    if (path === 'parcelRef') return t('propertyForm.parcelRef.label');
    if (path === 'notes') return t('propertyForm.notes.label');
    if (parts[0] === 'addresses') {
      if (parts.length === 1) return t('propertyForm.addresses.legend');
      const item = t('propertyForm.addresses.item', { n: Number(parts[1]) + 1 });
      const name = parts[2] ? address(parts[2]) : undefined;
      return name ? `${item}: ${name}` : item;
    }
    if (parts[0] === 'buildings') {
      if (parts[2] === 'label') return t('propertyForm.building.label');
      if (parts[2] === 'yearBuilt') return t('propertyForm.building.yearBuilt');
      if (parts[2] === 'units' && parts[3] !== undefined) {
        const item = t('propertyForm.building.unit', { n: Number(parts[3]) + 1 });
        const name = parts[4] ? unit(parts[4]) : undefined;
        return name ? `${item}: ${name}` : item;
      }
      if (parts[2] === 'units') return t('propertyForm.building.units');
      return t('propertyForm.building.legend');
    }
    return undefined;
  }

  /** Where a click on a summary entry takes the keyboard. */
  function targetOf(path: string): string | undefined {
    if (path.startsWith('location'))
      return inputId(
        path === 'location.coordinates.1' ? 'location.coordinates.1' : 'location.coordinates.0',
      );
    if (path === 'addresses') return inputId('addresses.0.street');
    if (/^addresses\.\d+$/.test(path)) return inputId(`${path}.street`);
    if (path === 'buildings' || path === 'buildings.0') return inputId('buildings.0.label');
    if (path === 'buildings.0.units') return inputId('buildings.0.units.0.label');
    if (/^buildings\.0\.units\.\d+$/.test(path)) return inputId(`${path}.label`);
    const id = inputId(path);
    return document.getElementById(id) ? id : undefined;
  }

  // ---- submit ----
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setSaveError(null);
    setReloaded(false);
    let saved: Property;
    if (base) {
      const changes = toUpdateInput(draft, base);
      if (Object.keys(changes).length === 0) {
        setFieldErrors([]);
        navigate(paths.property(base.id), { replace: true });
        return;
      }
      setSaving(true);
      try {
        saved = await api.updateProperty(base.id, base.version, changes);
      } catch (error) {
        await failed(error);
        return;
      }
    } else {
      setSaving(true);
      try {
        saved = await api.createProperty(toCreateInput(draft), idempotencyKey);
      } catch (error) {
        await failed(error);
        return;
      }
    }
    setFlash(paths.property(saved.id), editing ? 'saved' : 'created');
    navigate(paths.property(saved.id), { replace: true });
  }

  async function failed(error: unknown) {
    setSaving(false);
    if (!(error instanceof ApiError)) {
      setSaveError({ kind: 'server', message: String(error) });
      return;
    }
    if (error.status >= 400 && error.status < 500 && error.status !== 409 && !editing) {
      setIdempotencyKey(newUuid());
    }
    if (error.isNetworkError) {
      setSaveError({ kind: 'network' });
    } else if (error.status === 401) {
      expired();
    } else if (error.status === 400 || error.status === 422) {
      const refused = refusalOf(error);
      setFieldErrors(refused.fieldErrors);
      setSaveError(refused.saveError);
      focusSummary();
    } else if (error.status === 412 && base) {
      let current = currentOf<Property>(error);
      if (!current) {
        try {
          current = await api.property(base.id);
        } catch {
          current = undefined;
        }
      }
      setSaveError({ kind: 'stale', current });
      focusSummary();
    } else if (error.status === 403) {
      setSaveError({ kind: 'forbidden' });
    } else if (error.status === 409) {
      setSaveError({ kind: 'busy' });
    } else {
      setSaveError(serverError(error));
    }
  }

  function loadCurrent(current: Property) {
    setBase(current);
    setDraft(draftOf(current, t('propertyForm.building.defaultLabel')));
    setFieldErrors([]);
    setSaveError(null);
    setReloaded(true);
    focusSummary();
  }

  const picked = useMemo((): [number, number] | undefined => {
    const lon = numberOf(draft.lon);
    const lat = numberOf(draft.lat);
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat))
      return undefined;
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined;
    return [lon, lat];
  }, [draft.lon, draft.lat]);

  const districtListId = `${formId}-districts`;

  return (
    <FormFrame
      labelledBy={labelledBy}
      testId="property-form"
      onSubmit={submit}
      summaryRef={summaryRef}
      messages={
        <>
          {reloaded && (
            <p className="banner banner--success" role="status">
              {t('propertyForm.errors.stale.reloaded')}
            </p>
          )}
          {saveError && (
            <FormErrorBanner
              error={saveError}
              fieldErrors={fieldErrors}
              labelOf={labelOf}
              targetOf={targetOf}
              forbiddenText={t('propertyForm.errors.forbidden')}
              currentValues={(current) => <CurrentValues property={current} />}
              onLoadCurrent={loadCurrent}
            />
          )}
        </>
      }
    >
      <fieldset
        className="fieldset"
        aria-describedby={[
          `${formId}-location-hint`,
          ...locationPaths.filter(hasError).map(errorId),
        ].join(' ')}
      >
        <legend>
          {t('propertyForm.location.legend')}
          <RequiredMark />
        </legend>
        <p id={`${formId}-location-hint`} className="field__hint">
          {t('propertyForm.location.hint')}
        </p>
        {locationPaths.map((path) => (
          <FieldErrorText key={path} id={errorId(path)} path={path} messages={messagesFor(path)} />
        ))}
        <div className="form-grid form-grid--coords">
          <Field
            label={t('propertyForm.location.lon')}
            htmlFor={inputId('location.coordinates.0')}
            required
          >
            <input
              {...fieldProps('location.coordinates.0', { groups: locationPaths })}
              type="number"
              step="any"
              min={-180}
              max={180}
              inputMode="decimal"
              aria-required
              value={draft.lon}
              onChange={(event) =>
                update({ lon: event.target.value }, 'location.coordinates.0', ...locationPaths)
              }
            />
            {errorsOf('location.coordinates.0')}
          </Field>
          <Field
            label={t('propertyForm.location.lat')}
            htmlFor={inputId('location.coordinates.1')}
            required
          >
            <input
              {...fieldProps('location.coordinates.1', { groups: locationPaths })}
              type="number"
              step="any"
              min={-90}
              max={90}
              inputMode="decimal"
              aria-required
              value={draft.lat}
              onChange={(event) =>
                update({ lat: event.target.value }, 'location.coordinates.1', ...locationPaths)
              }
            />
            {errorsOf('location.coordinates.1')}
          </Field>
        </div>
        <LocateMe onLocated={setLocation} />
        <LocationPicker
          value={picked}
          onPick={setLocation}
          label={t('propertyForm.location.mapLabel')}
          describedBy={`${formId}-location-hint`}
        />
      </fieldset>

      <fieldset
        className="fieldset"
        aria-describedby={hasError('addresses') ? errorId('addresses') : undefined}
      >
        <legend>{t('propertyForm.addresses.legend')}</legend>
        {errorsOf('addresses')}
        <datalist id={districtListId}>
          {districts.data?.items.map((district) => (
            <option key={district.id} value={district.name} />
          ))}
        </datalist>
        {draft.addresses.map((address, index) => {
          const at = (name: string) => `addresses.${index}.${name}`;
          const itemLabel = t('propertyForm.addresses.item', { n: index + 1 });
          return (
            <fieldset
              key={address.key}
              className="subfieldset"
              data-testid="address-row"
              aria-describedby={
                hasError(`addresses.${index}`) ? errorId(`addresses.${index}`) : undefined
              }
            >
              <legend>{itemLabel}</legend>
              {errorsOf(`addresses.${index}`)}
              <div className="form-grid form-grid--address">
                <Field
                  label={t('propertyForm.addresses.street')}
                  htmlFor={inputId(at('street'))}
                  required
                  className="span-3"
                >
                  <input
                    {...fieldProps(at('street'))}
                    type="text"
                    autoComplete="off"
                    aria-required
                    value={address.street}
                    onChange={(event) => updateAddress(index, { street: event.target.value })}
                  />
                  {errorsOf(at('street'))}
                </Field>
                <Field
                  label={t('propertyForm.addresses.houseNumber')}
                  htmlFor={inputId(at('houseNumber'))}
                  required
                >
                  <input
                    {...fieldProps(at('houseNumber'))}
                    type="text"
                    autoComplete="off"
                    aria-required
                    value={address.houseNumber}
                    onChange={(event) => updateAddress(index, { houseNumber: event.target.value })}
                  />
                  {errorsOf(at('houseNumber'))}
                </Field>
                <Field
                  label={t('propertyForm.addresses.postcode')}
                  htmlFor={inputId(at('postcode'))}
                  required
                >
                  <input
                    {...fieldProps(at('postcode'))}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-required
                    value={address.postcode}
                    onChange={(event) => updateAddress(index, { postcode: event.target.value })}
                  />
                  {errorsOf(at('postcode'))}
                </Field>
                <Field
                  label={t('propertyForm.addresses.city')}
                  htmlFor={inputId(at('city'))}
                  required
                  className="span-3"
                >
                  <input
                    {...fieldProps(at('city'))}
                    type="text"
                    autoComplete="off"
                    aria-required
                    value={address.city}
                    onChange={(event) => updateAddress(index, { city: event.target.value })}
                  />
                  {errorsOf(at('city'))}
                </Field>
                <Field
                  label={t('propertyForm.addresses.district')}
                  htmlFor={inputId(at('district'))}
                  className="span-2"
                >
                  <input
                    {...fieldProps(at('district'))}
                    type="text"
                    autoComplete="off"
                    list={districtListId}
                    value={address.district}
                    onChange={(event) => updateAddress(index, { district: event.target.value })}
                  />
                  {errorsOf(at('district'))}
                </Field>
                <div className="row-actions span-2">
                  <label className="choice">
                    <input
                      {...fieldProps(at('isPrimary'))}
                      type="radio"
                      name={`${formId}-primary`}
                      checked={draft.primaryKey === address.key}
                      onChange={() => update({ primaryKey: address.key }, at('isPrimary'))}
                    />
                    <span>{t('propertyForm.addresses.primary')}</span>
                  </label>
                  {draft.addresses.length > 1 && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => removeAddress(index)}
                    >
                      {t('propertyForm.addresses.remove', { n: index + 1 })}
                    </button>
                  )}
                </div>
                <div className="span-full">{errorsOf(at('isPrimary'))}</div>
              </div>
            </fieldset>
          );
        })}
        {draft.addresses.length < 10 && (
          <button
            id={`${formId}-add-address`}
            type="button"
            className="button button--secondary"
            onClick={addAddress}
          >
            {t('propertyForm.addresses.add')}
          </button>
        )}
      </fieldset>

      <div className="form-grid">
        <Field
          label={t('propertyForm.parcelRef.label')}
          htmlFor={inputId('parcelRef')}
          className="span-full"
        >
          <input
            {...fieldProps('parcelRef', { hint: true })}
            type="text"
            autoComplete="off"
            value={draft.parcelRef}
            onChange={(event) => update({ parcelRef: event.target.value }, 'parcelRef')}
          />
          <p id={`${inputId('parcelRef')}-hint`} className="field__hint">
            {t('propertyForm.parcelRef.hint')}
          </p>
          {errorsOf('parcelRef')}
        </Field>
        <Field
          label={t('propertyForm.notes.label')}
          htmlFor={inputId('notes')}
          className="span-full"
        >
          <textarea
            {...fieldProps('notes')}
            rows={4}
            value={draft.notes}
            onChange={(event) => update({ notes: event.target.value }, 'notes')}
          />
          {errorsOf('notes')}
        </Field>
      </div>

      {!editing && (
        <div className="stack">
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.withBuilding}
              onChange={(event) => update({ withBuilding: event.target.checked })}
              // Only while the part it controls is on the page: a dangling id is an ARIA error.
              aria-controls={draft.withBuilding ? `${formId}-building` : undefined}
            />
            <span>{t('propertyForm.building.toggle')}</span>
          </label>
          {draft.withBuilding && (
            <fieldset className="fieldset" id={`${formId}-building`}>
              <legend>{t('propertyForm.building.legend')}</legend>
              {errorsOf('buildings')}
              {errorsOf('buildings.0')}
              <div className="form-grid">
                <Field
                  label={t('propertyForm.building.label')}
                  htmlFor={inputId('buildings.0.label')}
                  required
                  className="span-3"
                >
                  <input
                    {...fieldProps('buildings.0.label')}
                    type="text"
                    autoComplete="off"
                    aria-required
                    value={draft.buildingLabel}
                    onChange={(event) =>
                      update({ buildingLabel: event.target.value }, 'buildings.0.label')
                    }
                  />
                  {errorsOf('buildings.0.label')}
                </Field>
                <Field
                  label={t('propertyForm.building.yearBuilt')}
                  htmlFor={inputId('buildings.0.yearBuilt')}
                >
                  <input
                    {...fieldProps('buildings.0.yearBuilt')}
                    type="number"
                    step={1}
                    inputMode="numeric"
                    value={draft.yearBuilt}
                    onChange={(event) =>
                      update({ yearBuilt: event.target.value }, 'buildings.0.yearBuilt')
                    }
                  />
                  {errorsOf('buildings.0.yearBuilt')}
                </Field>
              </div>
              <fieldset className="subfieldset subfieldset--plain">
                <legend>{t('propertyForm.building.units')}</legend>
                {errorsOf('buildings.0.units')}
                {draft.units.map((unit, index) => {
                  const at = (name: string) => `buildings.0.units.${index}.${name}`;
                  return (
                    <fieldset key={unit.key} className="unit-row" data-testid="unit-input-row">
                      <legend className="unit-row__legend">
                        {t('propertyForm.building.unit', { n: index + 1 })}
                      </legend>
                      {errorsOf(`buildings.0.units.${index}`)}
                      <div className="form-grid form-grid--unit">
                        <Field
                          label={t('propertyForm.building.unitLabel')}
                          htmlFor={inputId(at('label'))}
                          required
                          className="span-2"
                        >
                          <input
                            {...fieldProps(at('label'), { hint: true })}
                            type="text"
                            autoComplete="off"
                            aria-required
                            value={unit.label}
                            onChange={(event) => updateUnit(index, { label: event.target.value })}
                          />
                          <p id={`${inputId(at('label'))}-hint`} className="field__hint">
                            {t('propertyForm.building.unitLabelHint')}
                          </p>
                          {errorsOf(at('label'))}
                        </Field>
                        <Field
                          label={t('propertyForm.building.floor')}
                          htmlFor={inputId(at('floor'))}
                        >
                          <input
                            {...fieldProps(at('floor'), { hint: true })}
                            type="number"
                            step={1}
                            inputMode="numeric"
                            value={unit.floor}
                            onChange={(event) => updateUnit(index, { floor: event.target.value })}
                          />
                          <p id={`${inputId(at('floor'))}-hint`} className="field__hint">
                            {t('propertyForm.building.floorHint')}
                          </p>
                          {errorsOf(at('floor'))}
                        </Field>
                        <Field
                          label={t('propertyForm.building.area')}
                          htmlFor={inputId(at('areaM2'))}
                        >
                          <input
                            {...fieldProps(at('areaM2'))}
                            type="number"
                            step="any"
                            min={0}
                            inputMode="decimal"
                            value={unit.areaM2}
                            onChange={(event) => updateUnit(index, { areaM2: event.target.value })}
                          />
                          {errorsOf(at('areaM2'))}
                        </Field>
                        <Field
                          label={t('propertyForm.building.rooms')}
                          htmlFor={inputId(at('rooms'))}
                        >
                          <input
                            {...fieldProps(at('rooms'))}
                            type="number"
                            step={0.5}
                            min={0}
                            inputMode="decimal"
                            value={unit.rooms}
                            onChange={(event) => updateUnit(index, { rooms: event.target.value })}
                          />
                          {errorsOf(at('rooms'))}
                        </Field>
                        {draft.units.length > 1 && (
                          <div className="row-actions span-full">
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => removeUnit(index)}
                            >
                              {t('propertyForm.building.removeUnit', { n: index + 1 })}
                            </button>
                          </div>
                        )}
                      </div>
                    </fieldset>
                  );
                })}
                <button
                  id={`${formId}-add-unit`}
                  type="button"
                  className="button button--secondary"
                  onClick={addUnit}
                >
                  {t('propertyForm.building.addUnit')}
                </button>
              </fieldset>
            </fieldset>
          )}
        </div>
      )}

      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={saving}
          aria-disabled={saving}
          data-testid="save-property"
        >
          {saving
            ? t('propertyForm.save.saving')
            : editing
              ? t('propertyForm.save.update')
              : t('propertyForm.save.create')}
        </button>
        <Link
          className="button button--secondary"
          to={base ? paths.property(base.id) : lastPropertyListUrl()}
        >
          {t('common.cancel')}
        </Link>
      </div>
    </FormFrame>
  );
}

// ---- small parts ------------------------------------------------------------------------

/** The record as someone else saved it, so the user can compare before reloading. */
function CurrentValues({ property }: { property: Property }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const [lon, lat] = property.location.coordinates;
  return (
    <dl className="facts facts--compact">
      <div>
        <dt>{t('property.sections.addresses')}</dt>
        <dd>
          <ul className="plain-list">
            {property.addresses.map((address) => (
              <li key={address.id}>
                {streetLine(address)}, {placeLine(address)}
                {address.isPrimary && <> ({t('property.primary')})</>}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('property.coordinates')}</dt>
        <dd>
          {t('propertyForm.location.lon')} {lon}, {t('propertyForm.location.lat')} {lat}
        </dd>
      </div>
      <div>
        <dt>{t('property.parcelRef')}</dt>
        <dd>{property.parcelRef ?? none}</dd>
      </div>
      <div>
        <dt>{t('property.notes')}</dt>
        <dd className="prewrap">{property.notes ?? none}</dd>
      </div>
    </dl>
  );
}

/** "Use my location" for inspectors standing in front of the building. */
function LocateMe({ onLocated }: { onLocated: (lon: number, lat: number) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return null;

  function locate() {
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        const round = (value: number) => Math.round(value * 1e6) / 1e6;
        onLocated(round(position.coords.longitude), round(position.coords.latitude));
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <div className="locate">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={locate}
        disabled={state === 'locating'}
      >
        {state === 'locating'
          ? t('propertyForm.location.locating')
          : t('propertyForm.location.useMine')}
      </button>
      {state === 'failed' && (
        <p className="field__error" role="alert">
          {t('propertyForm.location.locateFailed')}
        </p>
      )}
    </div>
  );
}
