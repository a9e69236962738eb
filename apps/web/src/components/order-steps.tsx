// The next steps of an order's lifecycle (DOMAIN.md): issue a draft; record the service of an
// issued order; record a suit against a served one and the court's decision; withdraw. Each
// step is one command; the api refuses illegal ones (409) and names wrong fields (422).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enforcementApi, type Order } from '../enforcement-api';
import { today, zonedIso } from '../time';
import { StepForm, useCommandForm } from './command-form';
import { DeliveryFields, deliveryOf, newDeliveryDraft } from './delivery-fields';
import { RequiredMark } from './form-parts';

interface StepProps {
  order: Order;
  onChanged: () => void;
}

export function OrderSteps({ order, onChanged }: StepProps) {
  const { t } = useTranslation();
  const steps = (() => {
    switch (order.status) {
      case 'draft':
        return [<IssueStep key="issue" order={order} onChanged={onChanged} />];
      case 'issued':
        return [
          <ServiceStep key="service" order={order} onChanged={onChanged} />,
          <WithdrawStep key="withdraw" order={order} onChanged={onChanged} />,
        ];
      case 'served':
        return [
          <SuitStep key="suit" order={order} onChanged={onChanged} />,
          <WithdrawStep key="withdraw" order={order} onChanged={onChanged} />,
        ];
      case 'challenged':
        return [<DecisionStep key="decision" order={order} onChanged={onChanged} />];
      default:
        return [];
    }
  })();
  return (
    <section className="card stack" aria-labelledby="section-steps" data-testid="order-steps">
      <h2 id="section-steps">{t('steps.title')}</h2>
      {steps.length === 0 ? <p className="muted">{t('steps.none')}</p> : steps}
    </section>
  );
}

function IssueStep({ order, onChanged }: StepProps) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  return (
    <StepForm
      form={form}
      title={t('steps.issue.title')}
      labelOf={() => undefined}
      testId="issue-form"
      onSubmit={async () => {
        if (await form.run(() => enforcementApi.issueOrder(order.id))) onChanged();
      }}
    >
      <p className="small">{t('steps.issue.text')}</p>
      <p>
        <button
          type="submit"
          className="button button--primary"
          disabled={form.busy}
          data-testid="issue-order"
        >
          {t('steps.issue.submit')}
        </button>
      </p>
    </StepForm>
  );
}

function ServiceStep({ order, onChanged }: StepProps) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const threatens = order.items.some((item) => item.threatenedFineCents !== null);
  const [delivery, setDelivery] = useState(() =>
    newDeliveryDraft(threatens ? 'postal_service_certificate' : 'ordinary_post'),
  );
  const [time, setTime] = useState('');
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  const labelOf = (path: string) =>
    path.startsWith('delivery')
      ? t('delivery.legend')
      : path === 'notifiedAt'
        ? t('steps.service.time')
        : undefined;

  return (
    <StepForm
      form={form}
      title={t('steps.service.title')}
      labelOf={labelOf}
      testId="service-form"
      onSubmit={async () => {
        const notifiedAt =
          delivery.method === 'personal_delivery' && time
            ? zonedIso(delivery.handedOverOn, time)
            : undefined;
        const ok = await form.run(() =>
          enforcementApi.recordService(order.id, {
            delivery: deliveryOf(delivery),
            ...(notifiedAt ? { notifiedAt } : {}),
          }),
        );
        if (ok) onChanged();
      }}
    >
      {threatens && <p className="small">{t('steps.service.formalNeeded')}</p>}
      <DeliveryFields
        value={delivery}
        plumbing={form.plumbing}
        onChange={(next, field) => {
          setDelivery(next);
          form.touched(field, 'delivery');
        }}
      />
      {delivery.method === 'personal_delivery' && (
        <div className="field">
          <label htmlFor={inputId('notifiedAt')}>{t('steps.service.time')}</label>
          <input
            type="time"
            value={time}
            onChange={(event) => setTime(event.target.value)}
            {...fieldProps('notifiedAt', { hint: true })}
          />
          <p id={`${inputId('notifiedAt')}-hint`} className="field__hint">
            {t('steps.service.timeHint')}
          </p>
          {errorsOf('notifiedAt')}
        </div>
      )}
      <p>
        <button
          type="submit"
          className="button button--primary"
          disabled={form.busy}
          data-testid="record-service"
        >
          {t('steps.service.submit')}
        </button>
      </p>
    </StepForm>
  );
}

function WithdrawStep({ order, onChanged }: StepProps) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [reason, setReason] = useState('');
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  return (
    <StepForm
      form={form}
      title={t('steps.withdraw.title')}
      labelOf={(path) => (path === 'reason' ? t('steps.withdraw.reason') : undefined)}
      testId="withdraw-form"
      onSubmit={async () => {
        if (await form.run(() => enforcementApi.withdrawOrder(order.id, reason.trim())))
          onChanged();
      }}
    >
      <div className="field">
        <label htmlFor={inputId('reason')}>
          {t('steps.withdraw.reason')}
          <RequiredMark />
        </label>
        <textarea
          rows={2}
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
        <button type="submit" className="button button--danger" disabled={form.busy}>
          {t('steps.withdraw.submit')}
        </button>
      </p>
    </StepForm>
  );
}

function SuitStep({ order, onChanged }: StepProps) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [filedOn, setFiledOn] = useState(today);
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  return (
    <StepForm
      form={form}
      title={t('steps.suit.title')}
      labelOf={(path) => (path === 'filedOn' ? t('steps.suit.filedOn') : undefined)}
      testId="suit-form"
      onSubmit={async () => {
        if (await form.run(() => enforcementApi.recordSuit(order.id, filedOn))) onChanged();
      }}
    >
      <div className="field">
        <label htmlFor={inputId('filedOn')}>
          {t('steps.suit.filedOn')}
          <RequiredMark />
        </label>
        <input
          type="date"
          value={filedOn}
          onChange={(event) => {
            setFiledOn(event.target.value);
            form.touched('filedOn');
          }}
          {...fieldProps('filedOn')}
        />
        {errorsOf('filedOn')}
      </div>
      <p>
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('steps.suit.submit')}
        </button>
      </p>
    </StepForm>
  );
}

function DecisionStep({ order, onChanged }: StepProps) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [outcome, setOutcome] = useState<'dismissed' | 'set_aside'>('dismissed');
  const [decidedOn, setDecidedOn] = useState(today);
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  return (
    <StepForm
      form={form}
      title={t('steps.decision.title')}
      labelOf={(path) =>
        path === 'outcome'
          ? t('steps.decision.outcome')
          : path === 'decidedOn'
            ? t('steps.decision.decidedOn')
            : undefined
      }
      testId="decision-form"
      onSubmit={async () => {
        if (await form.run(() => enforcementApi.decideSuit(order.id, { outcome, decidedOn })))
          onChanged();
      }}
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor={inputId('outcome')}>{t('steps.decision.outcome')}</label>
          <select
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as 'dismissed' | 'set_aside')}
            {...fieldProps('outcome')}
          >
            <option value="dismissed">{t('order.suitOutcomes.dismissed')}</option>
            <option value="set_aside">{t('order.suitOutcomes.set_aside')}</option>
          </select>
          {errorsOf('outcome')}
        </div>
        <div className="field">
          <label htmlFor={inputId('decidedOn')}>
            {t('steps.decision.decidedOn')}
            <RequiredMark />
          </label>
          <input
            type="date"
            value={decidedOn}
            onChange={(event) => {
              setDecidedOn(event.target.value);
              form.touched('decidedOn');
            }}
            {...fieldProps('decidedOn')}
          />
          {errorsOf('decidedOn')}
        </div>
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('steps.decision.submit')}
        </button>
      </p>
    </StepForm>
  );
}
