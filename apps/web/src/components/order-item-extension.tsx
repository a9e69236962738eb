// More time for an open item of a served order (Fristverlängerung): a later last day and the
// reason. The api moves a day on a weekend or holiday to the next working day, and the item's
// reminders with it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enforcementApi, type Order, type OrderItem } from '../enforcement-api';
import { CommandMessages, useCommandForm } from './command-form';

interface Props {
  order: Order;
  item: OrderItem;
  onChanged: () => void;
}

export function ItemExtension({ order, item, onChanged }: Props) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [open, setOpen] = useState(false);
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  if (item.status !== 'open' || item.dueOn === null) return null;
  const { inputId, fieldProps, errorsOf } = form.plumbing;

  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setOpen(true)}
          data-testid="item-extend"
        >
          {t('itemExtension.open', { n: item.number })}
        </button>
      </p>
    );
  }

  return (
    <form
      className="stack"
      noValidate
      data-testid="item-extension"
      onSubmit={(event) => {
        event.preventDefault();
        void form
          .run(() =>
            enforcementApi.extendItemPeriod(order.id, item.id, {
              dueOn,
              reason: reason.trim(),
            }),
          )
          .then((ok) => {
            if (ok) onChanged();
          });
      }}
    >
      <CommandMessages
        form={form}
        labelOf={(path) =>
          path === 'dueOn'
            ? t('itemExtension.dueOn')
            : path === 'reason'
              ? t('itemExtension.reason')
              : undefined
        }
      />
      <div className="field">
        <label htmlFor={inputId('dueOn')}>{t('itemExtension.dueOn')}</label>
        <input
          type="date"
          value={dueOn}
          min={item.dueOn}
          onChange={(event) => {
            setDueOn(event.target.value);
            form.touched('dueOn');
          }}
          {...fieldProps('dueOn')}
        />
        {errorsOf('dueOn')}
      </div>
      <div className="field">
        <label htmlFor={inputId('reason')}>{t('itemExtension.reason')}</label>
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
        <button type="submit" className="button button--small" disabled={form.busy}>
          {t('itemExtension.submit', { n: item.number })}
        </button>
      </p>
    </form>
  );
}
