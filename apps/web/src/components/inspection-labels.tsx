// Words and badges for inspections and defects: kinds, states, severities, legal grounds.
import type { TFunction } from 'i18next';
import { LEGAL_GROUNDS } from '@hausakte/inspections/rules';
import { useTranslation } from 'react-i18next';
import {
  defectStatuses,
  inspectionKinds,
  inspectionStatuses,
  type Bilingual,
  type DefectStatus,
  type InspectionStatus,
  type Severity,
} from '../api';
import { formatNumber } from '../format';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** "Erstbegehung"; an unknown kind (a newer api) is shown as it is. */
export function kindLabel(t: TFunction, kind: string): string {
  return isOneOf(inspectionKinds, kind) ? t(`inspectionKinds.${kind}`) : kind;
}

export function statusLabel(t: TFunction, status: string): string {
  return isOneOf(inspectionStatuses, status) ? t(`inspectionStatuses.${status}`) : status;
}

export function defectStatusLabel(t: TFunction, status: string): string {
  return isOneOf(defectStatuses, status) ? t(`defectStatuses.${status}`) : status;
}

/** "B – gesundheitsgefährdend" */
export function severityLabel(t: TFunction, severity: Severity): string {
  return t(`severities.${severity}`);
}

/** The text in the user's language, German when there is no other. */
export function bilingual(text: Bilingual, language: string): string {
  return language.startsWith('en') ? text.en || text.de : text.de;
}

/** "§ 5 Abs. 1 Nr. 5 WohnStG – Schutz gegen Witterungseinflüsse und Feuchtigkeit" */
export function legalGroundLabel(id: string, language: string): string {
  const ground = LEGAL_GROUNDS.find((candidate) => candidate.id === id);
  if (!ground) return id;
  return `${bilingual(ground.legalBasis, language)} – ${bilingual(ground.label, language)}`;
}

/** The order legal grounds are listed in forms. */
export const legalGroundOrder: readonly string[] = LEGAL_GROUNDS.map((ground) => ground.id);

/** "350 m", "1,2 km" */
export function formatDistance(metres: number, language: string): string {
  if (metres < 1000) return `${formatNumber(Math.round(metres / 10) * 10, language, 0)} m`;
  return `${formatNumber(metres / 1000, language, 1)} km`;
}

const statusTone: Record<InspectionStatus, string> = {
  planned: 'badge',
  done: 'badge badge--success',
  no_access: 'badge badge--warning',
  cancelled: 'badge badge--quiet',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = isOneOf(inspectionStatuses, status) ? statusTone[status] : 'badge';
  return (
    <span className={tone} data-testid="inspection-status">
      {statusLabel(t, status)}
    </span>
  );
}

const defectTone: Record<DefectStatus, string> = {
  open: 'badge badge--warning',
  not_remedied: 'badge badge--danger',
  reported_done: 'badge',
  verified: 'badge badge--success',
};

export function DefectStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = isOneOf(defectStatuses, status) ? defectTone[status] : 'badge';
  return <span className={tone}>{defectStatusLabel(t, status)}</span>;
}

/** The letter in a coloured box, with its meaning for screen readers and on hover. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  const label = severityLabel(t, severity);
  return (
    <span
      className={`severity severity--${severity.toLowerCase()}`}
      title={label}
      data-testid="severity"
    >
      <span aria-hidden="true">{severity}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export const openDefectStatuses: ReadonlySet<string> = new Set([
  'open',
  'not_remedied',
  'reported_done',
]);
