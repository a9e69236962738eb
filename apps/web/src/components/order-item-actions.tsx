// The status steps of one item of a served order: complied (once all its defects are verified),
// not complied (once its period has passed), closed (after complied), withdrawn (with a reason).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enforcementApi, type ItemTarget, type Order, type OrderItem } from '../enforcement-api';
import { CommandMessages, useCommandForm } from './command-form';
import { ItemExtension } from './order-item-extension';

const targetsOf: Record<string, ItemTarget[]> = {
  open: ['complied', 'not_complied', 'withdrawn'],
  complied: ['closed'],
  not_complied: ['withdrawn'],
  escalated: ['complied', 'withdrawn'],
};

interface Props {
  order: Order;
  item: OrderItem;
  onChanged: () => void;
}

export function ItemActions({ order, item, onChanged }: Props) {
  const { t } = useTranslation();
  const formId = useId();
  const form = useCommandForm(formId);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const targets = targetsOf[item.status] ?? [];
  if (targets.length === 0) return null;

  async function move(status: ItemTarget) {
    const ok = await form.run(() =>
      enforcementApi.changeItemStatus(order.id, item.id, {
        status,
        ...(status === 'withdrawn' ? { reason: reason.trim() } : {}),
      }),
    );
    if (ok) onChanged();
  }

  const label = (target: ItemTarget) => t(`itemSteps.${target}`, { n: item.number });
  const { inputId, fieldProps, errorsOf } = form.plumbing;

  return (
    <div className="stack" data-testid="item-actions">
      <CommandMessages
        form={form}
        labelOf={(path) => (path === 'reason' ? t('itemSteps.reason') : undefined)}
      />
      <div className="row-actions">
        {targets
          .filter((target) => target !== 'withdrawn')
          .map((target) => (
            <button
              key={target}
              type="button"
              className="button button--secondary button--small"
              disabled={form.busy || (target === 'complied' && !item.defectsVerified)}
              aria-describedby={
                target === 'complied' && !item.defectsVerified ? `${formId}-unverified` : undefined
              }
              onClick={() => void move(target)}
              data-testid={`item-${target}`}
            >
              {label(target)}
            </button>
          ))}
        {targets.includes('withdrawn') && !withdrawing && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setWithdrawing(true)}
          >
            {label('withdrawn')}
          </button>
        )}
      </div>
      {targets.includes('complied') && !item.defectsVerified && (
        <p id={`${formId}-unverified`} className="small muted">
          {t('itemSteps.unverified')}
        </p>
      )}
      <ItemExtension order={order} item={item} onChanged={onChanged} />
      {withdrawing && (
        <form
          className="stack"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void move('withdrawn');
          }}
        >
          <div className="field">
            <label htmlFor={inputId('reason')}>{t('itemSteps.reason')}</label>
            <input
              type="text"
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                form.touched('reason');
              }}
              {...fieldProps('reason')}
            />
            {errorsOf('reason')}
          </div>
          <p>
            <button
              type="submit"
              className="button button--danger button--small"
              disabled={form.busy}
            >
              {label('withdrawn')}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
