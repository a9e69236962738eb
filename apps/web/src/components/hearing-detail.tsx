// One hearing (Anhörung): the defects it names, its reply period and, once sent, the delivery,
// the reply date and its letters. A draft is sent from here with its delivery; a sent one closed.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enforcementApi, type CaseDetail, type Hearing } from '../enforcement-api';
import { Link, paths } from '../router';
import { useResource } from '../use-resource';
import { DefectSummary } from './case-sections';
import { StepForm, useCommandForm } from './command-form';
import { DeliveryFields, deliveryOf, newDeliveryDraft } from './delivery-fields';
import { dayText, deliveryMethodLabel, HearingStatusBadge } from './enforcement-labels';
import { LetterList } from './order-letters';
import { LoadError, Loading, useDocumentTitle, useFlash } from './page';

export function HearingDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const found = useResource((signal) => enforcementApi.hearing(id, signal), [id], {
    keepPrevious: true,
  });
  const hearing = found.data;
  const record = useResource(
    (signal) =>
      hearing ? enforcementApi.case(hearing.caseId, signal) : Promise.resolve(undefined),
    [hearing?.caseId],
  );
  const flash = useFlash(paths.hearing(id));
  useDocumentTitle(t('hearing.title'));

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={hearing ? paths.case(hearing.caseId) : paths.cases()}>
          <span aria-hidden="true">← </span>
          {record.data ? `${t('case.title')} ${record.data.reference}` : t('cases.title')}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('hearing.eyebrow')}</p>
          <h1 id={headingId} tabIndex={-1} data-testid="hearing-title">
            {t('hearing.title')}
          </h1>
          {record.data?.propertyAddress && (
            <p className="page-head__sub">{record.data.propertyAddress}</p>
          )}
        </div>
        {hearing && <HearingStatusBadge status={hearing.status} />}
      </div>
      {flash === 'created' && (
        <p className="banner banner--success" role="status" data-testid="flash">
          {t('hearing.created')}
        </p>
      )}
      {found.loading && !hearing && <Loading />}
      {found.error !== undefined && <LoadError error={found.error} onRetry={found.reload} />}
      {hearing && <HearingBody hearing={hearing} record={record.data} onChanged={found.reload} />}
    </article>
  );
}

function HearingBody({
  hearing,
  record,
  onChanged,
}: {
  hearing: Hearing;
  record: CaseDetail | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const defects = record?.defects.filter((defect) => hearing.defectIds.includes(defect.id)) ?? [];
  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="section-hearing">
        <h2 id="section-hearing">{t('hearing.sections.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('hearing.replyDays')}</dt>
            <dd>{t('enforcement.days', { count: hearing.replyDays })}</dd>
          </div>
          {hearing.delivery && (
            <div>
              <dt>{t('order.delivery')}</dt>
              <dd>{deliveryMethodLabel(t, hearing.delivery.method)}</dd>
            </div>
          )}
          <div>
            <dt>{t('order.notifiedOn')}</dt>
            <dd>{dayText(t, hearing.notifiedOn, language)}</dd>
          </div>
          <div>
            <dt>{t('hearing.replyDueOn')}</dt>
            <dd data-testid="hearing-reply-due">{dayText(t, hearing.replyDueOn, language)}</dd>
          </div>
          {hearing.addressees && (
            <div>
              <dt>{t('order.addressees')}</dt>
              <dd>{hearing.addressees.map((addressee) => addressee.name).join(', ')}</dd>
            </div>
          )}
          {hearing.closeNote && (
            <div>
              <dt>{t('hearing.closeNote')}</dt>
              <dd className="prewrap">{hearing.closeNote}</dd>
            </div>
          )}
        </dl>
      </section>

      <section className="card stack" aria-labelledby="section-hearing-steps">
        <h2 id="section-hearing-steps">{t('steps.title')}</h2>
        {hearing.status === 'draft' && <SendStep hearing={hearing} onChanged={onChanged} />}
        {hearing.status === 'sent' && <CloseStep hearing={hearing} onChanged={onChanged} />}
        {hearing.status === 'closed' && <p className="muted">{t('steps.none')}</p>}
      </section>

      <section className="card detail-grid__wide" aria-labelledby="section-hearing-defects">
        <h2 id="section-hearing-defects">
          {t('case.sections.defects', { count: hearing.defectIds.length })}
        </h2>
        <ul className="defect-list">
          {defects.map((defect) => (
            <li key={defect.id} className="defect">
              <DefectSummary defect={defect} />
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="section-hearing-letters">
        <h2 id="section-hearing-letters">{t('letters.title')}</h2>
        {hearing.status === 'draft' ? (
          <p className="muted">{t('letters.hearingDraft')}</p>
        ) : (
          <LetterList
            letters={hearing.letters}
            addressees={hearing.addressees}
            load={(letterId) => enforcementApi.hearingLetter(hearing.id, letterId)}
          />
        )}
      </section>
    </div>
  );
}

function SendStep({ hearing, onChanged }: { hearing: Hearing; onChanged: () => void }) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [delivery, setDelivery] = useState(() => newDeliveryDraft());
  const [reasoning, setReasoning] = useState('');
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  const paragraphs = reasoning
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <StepForm
      form={form}
      title={t('hearing.send.title')}
      labelOf={(path) =>
        path.startsWith('delivery')
          ? t('delivery.legend')
          : path.startsWith('reasoning')
            ? t('hearing.send.reasoning')
            : undefined
      }
      testId="hearing-send-form"
      onSubmit={async () => {
        const ok = await form.run(() =>
          enforcementApi.sendHearing(hearing.id, {
            delivery: deliveryOf(delivery),
            ...(paragraphs.length > 0 ? { reasoning: paragraphs } : {}),
          }),
        );
        if (ok) onChanged();
      }}
    >
      <p className="small">{t('hearing.send.text')}</p>
      <DeliveryFields
        value={delivery}
        plumbing={form.plumbing}
        onChange={(next, field) => {
          setDelivery(next);
          form.touched(field, 'delivery');
        }}
      />
      <div className="field">
        <label htmlFor={inputId('reasoning')}>{t('hearing.send.reasoning')}</label>
        <textarea
          rows={4}
          value={reasoning}
          onChange={(event) => {
            setReasoning(event.target.value);
            form.touched('reasoning');
          }}
          {...fieldProps('reasoning', { hint: true })}
        />
        <p id={`${inputId('reasoning')}-hint`} className="field__hint">
          {t('hearing.send.reasoningHint')}
        </p>
        {errorsOf('reasoning')}
      </div>
      <p>
        <button
          type="submit"
          className="button button--primary"
          disabled={form.busy}
          data-testid="send-hearing"
        >
          {t('hearing.send.submit')}
        </button>
      </p>
    </StepForm>
  );
}

function CloseStep({ hearing, onChanged }: { hearing: Hearing; onChanged: () => void }) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [note, setNote] = useState('');
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  return (
    <StepForm
      form={form}
      title={t('hearing.close.title')}
      labelOf={(path) => (path === 'note' ? t('hearing.close.note') : undefined)}
      testId="hearing-close-form"
      onSubmit={async () => {
        if (await form.run(() => enforcementApi.closeHearing(hearing.id, note.trim() || undefined)))
          onChanged();
      }}
    >
      <div className="field">
        <label htmlFor={inputId('note')}>{t('hearing.close.note')}</label>
        <textarea
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          {...fieldProps('note')}
        />
        {errorsOf('note')}
      </div>
      <p>
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('hearing.close.submit')}
        </button>
      </p>
    </StepForm>
  );
}
