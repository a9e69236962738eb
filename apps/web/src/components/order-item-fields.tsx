// One numbered item of an order being drafted: what must be done, the defects it remedies, its
// period (the catalogue's or the severity's unless overridden with a reason) and the coercive
// fine threatened for it.
import { useTranslation } from 'react-i18next';
import type { CaseDefect, Period } from '../enforcement-api';
import { DefectChoices } from './defect-choices';
import { periodText } from './enforcement-labels';
import { RequiredMark, type FieldPlumbing } from './form-parts';

export interface ItemDraft {
  /** Local only: keeps React's rows stable when items are removed. */
  key: string;
  requirement: string;
  defectIds: string[];
  override: boolean;
  unit: 'days' | 'hours';
  amount: string;
  reason: string;
  /** Euros as typed ("500", "1.000,50" is not accepted: "1000,50"). */
  fine: string;
}

interface Props {
  index: number;
  item: ItemDraft;
  defects: CaseDefect[];
  /** The catalogue period of each chosen defect (null: none, its severity's applies). */
  cataloguePeriods: Array<Period | null>;
  plumbing: FieldPlumbing;
  onChange: (next: ItemDraft, field: string) => void;
  onRemove: () => void;
}

export function ItemFields({
  index,
  item,
  defects,
  cataloguePeriods,
  plumbing,
  onChange,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const { fieldProps, errorsOf, inputId } = plumbing;
  const base = `items.${index}`;
  const path = (field: string) => `${base}.${field}`;
  const n = index + 1;
  const known = cataloguePeriods.filter((period): period is Period => period !== null);
  const periodHint =
    known.length > 0 && known.length === cataloguePeriods.length
      ? t('orderDraft.periodFromCatalogue', {
          periods: known.map((period) => periodText(t, period)).join(', '),
        })
      : t('orderDraft.periodDefault');

  return (
    <fieldset className="subfieldset stack" data-testid="order-item-fields">
      <legend>{t('order.itemNumber', { n })}</legend>
      {errorsOf(base)}
      <div className="field">
        <label htmlFor={inputId(path('requirement'))}>
          {t('orderDraft.itemFields.requirement')}
          <RequiredMark />
        </label>
        <textarea
          rows={3}
          value={item.requirement}
          onChange={(event) =>
            onChange({ ...item, requirement: event.target.value }, 'requirement')
          }
          {...fieldProps(path('requirement'))}
        />
        {errorsOf(path('requirement'))}
      </div>

      <DefectChoices
        legend={t('orderDraft.itemFields.defectIds')}
        defects={defects}
        chosen={item.defectIds}
        onChange={(defectIds) => onChange({ ...item, defectIds }, 'defectIds')}
        path={path('defectIds')}
        plumbing={plumbing}
        emptyText={t('orderDraft.noDefects')}
      />

      <div className="field">
        <p className="field__hint" data-testid="item-period-hint">
          {periodHint}
        </p>
        <label className="choice" htmlFor={inputId(path('override'))}>
          <input
            id={inputId(path('override'))}
            type="checkbox"
            checked={item.override}
            onChange={(event) =>
              onChange({ ...item, override: event.target.checked }, 'periodOverride')
            }
          />
          {t('orderDraft.override')}
        </label>
      </div>
      {item.override && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor={inputId(path('periodOverride.amount'))}>
              {t('orderDraft.overrideAmount')}
              <RequiredMark />
            </label>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              value={item.amount}
              onChange={(event) =>
                onChange({ ...item, amount: event.target.value }, 'periodOverride')
              }
              {...fieldProps(path('periodOverride.amount'))}
            />
            {errorsOf(path('periodOverride.amount'))}
          </div>
          <div className="field">
            <label htmlFor={inputId(path('periodOverride.unit'))}>
              {t('orderDraft.overrideUnit')}
            </label>
            <select
              value={item.unit}
              onChange={(event) =>
                onChange(
                  { ...item, unit: event.target.value as 'days' | 'hours' },
                  'periodOverride',
                )
              }
              {...fieldProps(path('periodOverride.unit'))}
            >
              <option value="days">{t('orderDraft.unitDays')}</option>
              <option value="hours">{t('orderDraft.unitHours')}</option>
            </select>
            {errorsOf(path('periodOverride.unit'))}
          </div>
          <div className="field">
            <label htmlFor={inputId(path('periodOverride.reason'))}>
              {t('orderDraft.overrideReason')}
              <RequiredMark />
            </label>
            <input
              type="text"
              value={item.reason}
              onChange={(event) =>
                onChange({ ...item, reason: event.target.value }, 'periodOverride')
              }
              {...fieldProps(path('periodOverride.reason'))}
            />
            {errorsOf(path('periodOverride.reason'))}
            {errorsOf(path('periodOverride'))}
          </div>
        </div>
      )}

      <div className="field">
        <label htmlFor={inputId(path('threatenedFineCents'))}>
          {t('orderDraft.itemFields.fine')}
        </label>
        <input
          type="text"
          inputMode="decimal"
          value={item.fine}
          onChange={(event) =>
            onChange({ ...item, fine: event.target.value }, 'threatenedFineCents')
          }
          {...fieldProps(path('threatenedFineCents'), { hint: true })}
        />
        <p id={`${inputId(path('threatenedFineCents'))}-hint`} className="field__hint">
          {t('orderDraft.fineHint')}
        </p>
        {errorsOf(path('threatenedFineCents'))}
      </div>
      <p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onRemove}
          data-testid="remove-item"
        >
          {t('orderDraft.removeItem', { n })}
        </button>
      </p>
    </fieldset>
  );
}
