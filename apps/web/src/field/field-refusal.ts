// What the api refused in a command from the outbox, field by field, and where each field sits in
// the inspector's draft. The api names fields by their place in the command
// (`occupancy.0.adultsFound`, problem+json `errors[].field`); the record screen knows them by unit
// and finding id, which is what a refusal keeps, so that the field can be marked after the draft
// was reopened and changed.
import type { TFunction } from 'i18next';
import type {
  CompleteInspectionInput,
  DefectCheckInput,
  FieldError,
  FindingInput,
  OccupancyInput,
} from '../api';
import { normalizePath } from '../ids';

export type OccupancyField =
  'adults' | 'children' | 'registered' | 'area' | 'unitKind' | 'shared' | 'worker';
export type FindingField =
  'catalogue' | 'unit' | 'room' | 'severity' | 'severityReason' | 'description';
export type DefectField = 'description' | 'severity' | 'severityReason';

/** Where a refused field is in the draft (or in a defect change). */
export type FieldTarget =
  | { kind: 'occupancy'; unitId: string; unitLabel: string | null; input: OccupancyField | null }
  | { kind: 'finding'; findingId: string; n: number; input: FindingField | null }
  | { kind: 'check'; defectId: string }
  | { kind: 'notes' }
  | { kind: 'noAccessReason' }
  | { kind: 'defect'; input: DefectField | null }
  | { kind: 'other' };

export interface RefusedField {
  /** The api's name of the field, e.g. `occupancy.0.adultsFound`. */
  field: string;
  /** The server's words. */
  message: string;
  target: FieldTarget;
}

/** A 4xx answer to an outbox item, kept with the item (and with the draft reopened from it). */
export interface Refusal {
  status: number;
  /** The server's words (problem+json detail, else title). */
  detail: string;
  fields: RefusedField[];
  /** A 409 on a completion: the inspection's status on the server (`cancelled`, `done` …). */
  inspectionStatus: string | null;
}

/** The command as the record screen wrote it (field-record.tsx). */
export type CompletionCommand = CompleteInspectionInput & { completedAt?: string };

const occupancyFields: Record<string, OccupancyField> = {
  adultsFound: 'adults',
  childrenUnderSixFound: 'children',
  personsRegistered: 'registered',
  livingAreaM2: 'area',
  unitKind: 'unitKind',
  sharedAncillaryRooms: 'shared',
  workerHousing: 'worker',
};

const findingFields: Record<string, FindingField> = {
  catalogueItemId: 'catalogue',
  unitId: 'unit',
  room: 'room',
  severity: 'severity',
  severityReason: 'severityReason',
  description: 'description',
};

/** Where `field` of a refused completion is in the draft. */
export function completionTarget(
  field: string,
  command: CompletionCommand,
  unitLabels: ReadonlyMap<string, string>,
): FieldTarget {
  const [list, index, name] = normalizePath(field).split('.');
  const at = Number(index);
  if (list === 'occupancy') {
    const count: OccupancyInput | undefined = command.occupancy[at];
    if (!count) return { kind: 'other' };
    return {
      kind: 'occupancy',
      unitId: count.unitId,
      unitLabel: unitLabels.get(count.unitId) ?? null,
      input: occupancyFields[name ?? ''] ?? null,
    };
  }
  if (list === 'findings') {
    const finding: FindingInput | undefined = command.findings[at];
    if (!finding) return { kind: 'other' };
    return {
      kind: 'finding',
      findingId: finding.id,
      n: at + 1,
      input: findingFields[name ?? ''] ?? null,
    };
  }
  if (list === 'checks') {
    const check: DefectCheckInput | undefined = command.checks[at];
    return check ? { kind: 'check', defectId: check.defectId } : { kind: 'other' };
  }
  if (list === 'notes') return { kind: 'notes' };
  if (list === 'noAccessReason') return { kind: 'noAccessReason' };
  return { kind: 'other' };
}

/** Where `field` of a refused defect change is. */
export function defectTarget(field: string): FieldTarget {
  const name = normalizePath(field);
  return name === 'description' || name === 'severity' || name === 'severityReason'
    ? { kind: 'defect', input: name }
    : { kind: 'other' };
}

export function refusalFrom(
  answer: { status: number; detail: string; errors: FieldError[]; body: unknown },
  target: (field: string) => FieldTarget,
): Refusal {
  const body = answer.body;
  const inspectionStatus =
    typeof body === 'object' &&
    body !== null &&
    'inspectionStatus' in body &&
    typeof body.inspectionStatus === 'string'
      ? body.inspectionStatus
      : null;
  return {
    status: answer.status,
    detail: answer.detail,
    fields: answer.errors.map((error) => ({
      field: error.field,
      message: withoutFieldName(error.field, error.message),
      target: target(error.field),
    })),
    inspectionStatus,
  };
}

/** class-validator's own messages begin with the property ("adultsFound must not be …"). */
function withoutFieldName(field: string, message: string): string {
  const name = normalizePath(field).split('.').pop() ?? '';
  return name !== '' && message.startsWith(`${name} `) ? message.slice(name.length + 1) : message;
}

/** The office cancelled the inspection, or it was recorded otherwise: sending again cannot help. */
export function isGone(refusal: Refusal | null | undefined): boolean {
  return refusal?.status === 409 && refusal.inspectionStatus !== null;
}

/**
 * One key per markable place on the record screen: `occupancy:<unit>:adults`,
 * `finding:<id>:description`, `check:<defect>`, `notes`… (`*`: the unit or finding as a whole).
 */
export function markKey(target: FieldTarget): string {
  switch (target.kind) {
    case 'occupancy':
      return `occupancy:${target.unitId}:${target.input ?? '*'}`;
    case 'finding':
      return `finding:${target.findingId}:${target.input ?? '*'}`;
    case 'check':
      return `check:${target.defectId}`;
    case 'defect':
      return `defect:${target.input ?? '*'}`;
    default:
      return target.kind;
  }
}

const findingLabels = {
  catalogue: 'field.refused.catalogue',
  unit: 'field.record.unit',
  room: 'field.record.room',
  severity: 'field.record.severity',
  severityReason: 'field.record.severityReason',
  description: 'field.record.description',
} as const;

const occupancyLabels = {
  adults: 'field.record.adults',
  children: 'field.record.children',
  registered: 'field.record.registered',
  area: 'field.record.area',
  unitKind: 'field.record.unitKind',
  shared: 'field.record.shared',
  worker: 'field.record.worker',
} as const;

/** The field in the inspector's words: "Belegung EG links – Personen ab 6 Jahren". */
export function describeField(t: TFunction, refused: RefusedField): string {
  const target = refused.target;
  switch (target.kind) {
    case 'occupancy': {
      const where = t('field.refused.occupancy', { unit: target.unitLabel ?? '' }).trim();
      return target.input ? `${where} – ${t(occupancyLabels[target.input])}` : where;
    }
    case 'finding': {
      const where = t('field.record.finding', { n: target.n });
      return target.input ? `${where} – ${t(findingLabels[target.input])}` : where;
    }
    case 'check':
      return t('field.refused.check');
    case 'notes':
      return t('field.record.notes');
    case 'noAccessReason':
      return t('field.record.noAccessReason');
    case 'defect':
      return target.input
        ? t(findingLabels[target.input])
        : t('field.refused.other', { field: refused.field });
    case 'other':
      return t('field.refused.other', { field: refused.field });
  }
}
