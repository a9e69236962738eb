import { useTranslation } from 'react-i18next';
import type { CaseDefect, CaseDetail, OrderStatus } from '../enforcement-api';
import { DefectSummary } from './case-sections';
import type { FieldPlumbing } from './form-parts';
import { RequiredMark } from './form-parts';

/** The case's defects not yet verified: what a hearing or an order can name. */
export function openDefectsOf(record: CaseDetail): CaseDefect[] {
  return record.defects.filter((defect) => defect.status !== 'verified');
}

const live: readonly OrderStatus[] = ['draft', 'issued', 'served', 'challenged'];

/** Defects already in an item of a live order (a defect is in one live order at most). */
export function orderedDefectIds(record: CaseDetail): Set<string> {
  return new Set(
    record.orders
      .filter((order) => live.includes(order.status))
      .flatMap((order) =>
        order.items.filter((item) => item.status !== 'withdrawn').flatMap((i) => i.defectIds),
      ),
  );
}

interface Props {
  legend: string;
  defects: CaseDefect[];
  chosen: string[];
  onChange: (next: string[]) => void;
  /** The field path the server names (`defectIds`, `items.0.defectIds`). */
  path: string;
  plumbing: FieldPlumbing;
  /** Shown instead of the list when there is nothing to choose. */
  emptyText?: string;
}

/** Checkboxes of defects, as a group with its legend and the server's errors for the group. */
export function DefectChoices({
  legend,
  defects,
  chosen,
  onChange,
  path,
  plumbing,
  emptyText,
}: Props) {
  const { t } = useTranslation();
  const groupErrors = plumbing.hasError(path);
  const describedBy = groupErrors ? plumbing.errorId(path) : undefined;
  return (
    <fieldset
      className="subfieldset"
      aria-describedby={describedBy}
      data-testid={`defects-${path}`}
    >
      <legend id={plumbing.inputId(path)} tabIndex={-1}>
        {legend}
        <RequiredMark />
      </legend>
      {defects.length === 0 && <p className="muted">{emptyText ?? t('case.noDefects')}</p>}
      <ul className="plain-list stack">
        {defects.map((defect) => {
          const inputId = `${plumbing.inputId(path)}-${defect.id}`;
          return (
            <li key={defect.id} className="choice defect" data-testid="defect-choice">
              <input
                id={inputId}
                type="checkbox"
                checked={chosen.includes(defect.id)}
                aria-invalid={groupErrors ? true : undefined}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...chosen.filter((id) => id !== defect.id), defect.id]
                      : chosen.filter((id) => id !== defect.id),
                  )
                }
              />
              <label htmlFor={inputId}>
                <DefectSummary defect={defect} />
              </label>
            </li>
          );
        })}
      </ul>
      {plumbing.errorsOf(path)}
    </fieldset>
  );
}
