// How a letter reached its addressee (Bekanntgabe / Zustellung, DOMAIN.md "Dates"): the method
// and the days it needs. Used when a hearing is sent and when an order's service is recorded.
import { useTranslation } from 'react-i18next';
import { deliveryMethods, type Delivery, type DeliveryMethod } from '../enforcement-api';
import { today } from '../time';
import type { FieldPlumbing } from './form-parts';
import { RequiredMark } from './form-parts';
import { deliveryMethodLabel } from './enforcement-labels';

export interface DeliveryDraft {
  method: DeliveryMethod;
  postedOn: string;
  returnReceiptOn: string;
  provenReceiptOn: string;
  certificateOn: string;
  handedOverOn: string;
}

export const newDeliveryDraft = (method: DeliveryMethod = 'ordinary_post'): DeliveryDraft => ({
  method,
  postedOn: today(),
  returnReceiptOn: '',
  provenReceiptOn: '',
  certificateOn: today(),
  handedOverOn: today(),
});

const posted: readonly DeliveryMethod[] = [
  'ordinary_post',
  'registered_handover',
  'registered_return_receipt',
];

/** The api's delivery: only the days its method has; optional days left out when empty. */
export function deliveryOf(draft: DeliveryDraft): Delivery {
  const optional = (day: string) => (day ? day : undefined);
  switch (draft.method) {
    case 'ordinary_post':
    case 'registered_handover':
      return {
        method: draft.method,
        postedOn: draft.postedOn,
        provenReceiptOn: optional(draft.provenReceiptOn),
      };
    case 'registered_return_receipt':
      return {
        method: draft.method,
        postedOn: draft.postedOn,
        returnReceiptOn: optional(draft.returnReceiptOn),
        provenReceiptOn: optional(draft.provenReceiptOn),
      };
    case 'postal_service_certificate':
      return { method: draft.method, certificateOn: draft.certificateOn };
    case 'personal_delivery':
      return { method: draft.method, handedOverOn: draft.handedOverOn };
  }
}

type DayField = Exclude<keyof DeliveryDraft, 'method'>;

interface Props {
  value: DeliveryDraft;
  onChange: (next: DeliveryDraft, field: string) => void;
  plumbing: FieldPlumbing;
}

/** The method and its days, each with the server's errors at `delivery.<field>`. */
export function DeliveryFields({ value, onChange, plumbing }: Props) {
  const { t } = useTranslation();
  const { fieldProps, errorsOf } = plumbing;

  const day = (field: DayField, required: boolean, hint?: string) => {
    const path = `delivery.${field}`;
    return (
      <div className="field">
        <label htmlFor={plumbing.inputId(path)}>
          {t(`delivery.${field}`)}
          {required && <RequiredMark />}
        </label>
        <input
          type="date"
          max={today()}
          value={value[field]}
          aria-required={required || undefined}
          onChange={(event) => onChange({ ...value, [field]: event.target.value }, path)}
          {...fieldProps(path, { hint: Boolean(hint) })}
        />
        {hint && (
          <p id={`${plumbing.inputId(path)}-hint`} className="field__hint">
            {hint}
          </p>
        )}
        {errorsOf(path)}
      </div>
    );
  };

  const isPosted = posted.includes(value.method);
  return (
    <fieldset className="subfieldset" data-testid="delivery-fields">
      <legend>{t('delivery.legend')}</legend>
      <div className="field">
        <label htmlFor={plumbing.inputId('delivery.method')}>
          {t('delivery.method')}
          <RequiredMark />
        </label>
        <select
          value={value.method}
          onChange={(event) =>
            onChange({ ...value, method: event.target.value as DeliveryMethod }, 'delivery')
          }
          {...fieldProps('delivery.method', { hint: true })}
        >
          {deliveryMethods.map((method) => (
            <option key={method} value={method}>
              {deliveryMethodLabel(t, method)}
            </option>
          ))}
        </select>
        <p id={`${plumbing.inputId('delivery.method')}-hint`} className="field__hint">
          {t(`deliveryHints.${value.method}`)}
        </p>
        {errorsOf('delivery.method')}
        {errorsOf('delivery')}
      </div>
      <div className="form-grid">
        {isPosted && day('postedOn', true)}
        {value.method === 'registered_return_receipt' && day('returnReceiptOn', false)}
        {value.method === 'postal_service_certificate' && day('certificateOn', true)}
        {value.method === 'personal_delivery' && day('handedOverOn', true)}
        {isPosted && day('provenReceiptOn', false, t('delivery.provenReceiptHint'))}
      </div>
    </fieldset>
  );
}
