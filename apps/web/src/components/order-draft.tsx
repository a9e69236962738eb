// Drafting an order (Anordnung) from the case's defects: its kind, the hearing it follows (or the
// § 28 Abs. 2 reason it is skipped), immediate enforceability with its reasoning, and numbered
// items. Saved as a draft, the order page shows the projected dates and the letter preview.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import {
  enforcementApi,
  orderKinds,
  type CaseDetail,
  type CreateOrderInput,
  type OrderKind,
} from '../enforcement-api';
import { formatDate } from '../format';
import { newUuid } from '../ids';
import { navigate, paths } from '../router';
import { useResource } from '../use-resource';
import { CommandMessages, useCommandForm } from './command-form';
import { openDefectsOf, orderedDefectIds } from './defect-choices';
import { DraftPage } from './draft-page';
import { orderKindLabel } from './enforcement-labels';
import { numberOf, RequiredMark } from './form-parts';
import { ItemFields, type ItemDraft } from './order-item-fields';
import { setFlash } from './page';

export function OrderDraftPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <DraftPage caseId={caseId} title={t('orderDraft.title')}>
      {(record) => <OrderDraftForm record={record} />}
    </DraftPage>
  );
}

/** A hearing an order can follow: sent (or closed after sending). */
const heardOnes = (record: CaseDetail) =>
  record.hearings.filter((hearing) => hearing.status !== 'draft');

function OrderDraftForm({ record }: { record: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const formId = useId();
  const form = useCommandForm(formId);
  const { fieldProps, errorsOf, inputId } = form.plumbing;
  const catalogue = useResource((signal) => api.catalogue(signal), []);
  const ordered = orderedDefectIds(record);
  const defects = openDefectsOf(record).filter((defect) => !ordered.has(defect.id));
  const hearings = heardOnes(record);

  const [kind, setKind] = useState<OrderKind>('repair');
  const [hearingId, setHearingId] = useState(() => hearings.at(-1)?.id ?? '');
  const [skipReason, setSkipReason] = useState('');
  const [immediate, setImmediate] = useState(false);
  const [reasoning, setReasoning] = useState('');
  const [items, setItems] = useState<ItemDraft[]>(() =>
    defects.map((defect) => ({
      key: newUuid(),
      requirement: t('orderDraft.defaultRequirement', {
        lng: 'de',
        title: defect.catalogueTitle.de,
        where: [defect.unitLabel, defect.room].filter(Boolean).join(', ') || '–',
      }),
      defectIds: [defect.id],
      override: false,
      unit: 'days',
      amount: '',
      reason: '',
      fine: '',
    })),
  );

  function labelOf(path: string): string | undefined {
    const item = /^items\.(\d+)(?:\.(\w+))?/.exec(path);
    if (item) {
      const field = item[2] ? t(`orderDraft.itemFields.${fieldKey(item[2])}`) : '';
      return `${t('order.itemNumber', { n: Number(item[1]) + 1 })} ${field}`.trim();
    }
    switch (path) {
      case 'kind':
        return t('orderDraft.kind');
      case 'hearingId':
        return t('orderDraft.hearing');
      case 'hearingSkippedReason':
        return t('orderDraft.skipReason');
      case 'immediateEnforcementReasoning':
        return t('orderDraft.reasoning');
      case 'items':
        return t('orderDraft.items');
      default:
        return undefined;
    }
  }

  function body(): CreateOrderInput {
    return {
      kind,
      ...(hearingId ? { hearingId } : { hearingSkippedReason: skipReason.trim() }),
      immediatelyEnforceable: immediate,
      ...(immediate ? { immediateEnforcementReasoning: reasoning.trim() } : {}),
      items: items.map((item) => {
        const fine = numberOf(item.fine);
        return {
          requirement: item.requirement.trim(),
          defectIds: item.defectIds,
          ...(item.override
            ? {
                periodOverride: {
                  unit: item.unit,
                  // Text that is no number goes as it is: the server names the field.
                  amount: numberOf(item.amount) ?? Number.NaN,
                  reason: item.reason.trim(),
                },
              }
            : {}),
          ...(fine !== undefined
            ? { threatenedFineCents: Number.isNaN(fine) ? fine : Math.round(fine * 100) }
            : {}),
        };
      }),
    };
  }

  async function submit() {
    let created: { id: string } | undefined;
    const ok = await form.run(async (key) => {
      created = await enforcementApi.createOrder(record.id, body(), key);
    });
    if (ok && created) {
      setFlash(paths.order(created.id), 'created');
      navigate(paths.order(created.id), { replace: true });
    }
  }

  const periodOf = (code: string) =>
    catalogue.data?.items.find((entry) => entry.code === code)?.period ?? null;

  return (
    <form
      className="form form--wide"
      noValidate
      aria-labelledby={`${formId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="order-form"
    >
      <h2 id={`${formId}-title`} className="visually-hidden">
        {t('orderDraft.title')}
      </h2>
      <CommandMessages form={form} labelOf={labelOf} />
      <p className="muted small">{t('propertyForm.requiredNote')}</p>

      <div className="form-grid">
        <div className="field">
          <label htmlFor={inputId('kind')}>
            {t('orderDraft.kind')}
            <RequiredMark />
          </label>
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as OrderKind);
              form.touched('kind');
            }}
            {...fieldProps('kind')}
          >
            {orderKinds.map((value) => (
              <option key={value} value={value}>
                {orderKindLabel(t, value)}
              </option>
            ))}
          </select>
          {errorsOf('kind')}
        </div>
        <div className="field">
          <label htmlFor={inputId('hearingId')}>{t('orderDraft.hearing')}</label>
          <select
            value={hearingId}
            onChange={(event) => {
              setHearingId(event.target.value);
              form.touched('hearingId', 'hearingSkippedReason', 'items');
            }}
            {...fieldProps('hearingId')}
          >
            {hearings.map((hearing) => (
              <option key={hearing.id} value={hearing.id}>
                {t('orderDraft.hearingOption', {
                  notified: hearing.notifiedOn ? formatDate(hearing.notifiedOn, language) : '–',
                  reply: hearing.replyDueOn ? formatDate(hearing.replyDueOn, language) : '–',
                })}
              </option>
            ))}
            <option value="">{t('orderDraft.noHearing')}</option>
          </select>
          {errorsOf('hearingId')}
        </div>
      </div>

      {!hearingId && (
        <div className="field">
          <label htmlFor={inputId('hearingSkippedReason')}>
            {t('orderDraft.skipReason')}
            <RequiredMark />
          </label>
          <textarea
            rows={3}
            value={skipReason}
            onChange={(event) => {
              setSkipReason(event.target.value);
              form.touched('hearingSkippedReason');
            }}
            {...fieldProps('hearingSkippedReason', { hint: true })}
          />
          <p id={`${inputId('hearingSkippedReason')}-hint`} className="field__hint">
            {t('orderDraft.skipReasonHint')}
          </p>
          {errorsOf('hearingSkippedReason')}
        </div>
      )}

      <div className="field">
        <label className="choice" htmlFor={inputId('immediatelyEnforceable')}>
          <input
            type="checkbox"
            checked={immediate}
            onChange={(event) => {
              setImmediate(event.target.checked);
              form.touched('immediatelyEnforceable', 'immediateEnforcementReasoning');
            }}
            {...fieldProps('immediatelyEnforceable')}
          />
          {t('orderDraft.immediate')}
        </label>
        {errorsOf('immediatelyEnforceable')}
      </div>
      {immediate && (
        <div className="field">
          <label htmlFor={inputId('immediateEnforcementReasoning')}>
            {t('orderDraft.reasoning')}
            <RequiredMark />
          </label>
          <textarea
            rows={4}
            value={reasoning}
            onChange={(event) => {
              setReasoning(event.target.value);
              form.touched('immediateEnforcementReasoning');
            }}
            {...fieldProps('immediateEnforcementReasoning', { hint: true })}
          />
          <p id={`${inputId('immediateEnforcementReasoning')}-hint`} className="field__hint">
            {t('orderDraft.reasoningHint')}
          </p>
          {errorsOf('immediateEnforcementReasoning')}
        </div>
      )}

      <fieldset className="fieldset stack" data-testid="order-items">
        <legend>{t('orderDraft.items')}</legend>
        <p className="field__hint">{t('orderDraft.itemsHint')}</p>
        {errorsOf('items')}
        {defects.length === 0 && <p className="muted">{t('orderDraft.noDefects')}</p>}
        {items.map((item, index) => (
          <ItemFields
            key={item.key}
            index={index}
            item={item}
            defects={defects}
            plumbing={form.plumbing}
            cataloguePeriods={item.defectIds.map((id) => {
              const defect = defects.find((candidate) => candidate.id === id);
              return defect ? periodOf(defect.catalogueCode) : null;
            })}
            onChange={(next, field) => {
              setItems((all) => all.map((other) => (other.key === item.key ? next : other)));
              form.touched(`items.${index}.${field}`, `items.${index}`);
            }}
            onRemove={() => {
              setItems((all) => all.filter((other) => other.key !== item.key));
              form.touched('items');
            }}
          />
        ))}
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setItems((all) => [
                ...all,
                {
                  key: newUuid(),
                  requirement: '',
                  defectIds: [],
                  override: false,
                  unit: 'days',
                  amount: '',
                  reason: '',
                  fine: '',
                },
              ])
            }
            data-testid="add-item"
          >
            {t('orderDraft.addItem')}
          </button>
        </p>
      </fieldset>

      <p className="muted small">{t('orderDraft.afterSave')}</p>
      <p className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={form.busy}
          data-testid="save-order"
        >
          {t('orderDraft.submit')}
        </button>
      </p>
    </form>
  );
}

/** `periodOverride` → the label key of that field. */
function fieldKey(field: string): 'requirement' | 'defectIds' | 'period' | 'fine' {
  if (field === 'defectIds') return 'defectIds';
  if (field === 'periodOverride') return 'period';
  if (field === 'threatenedFineCents') return 'fine';
  return 'requirement';
}
