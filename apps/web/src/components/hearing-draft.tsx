// Drafting a hearing (Anhörung, § 28 VwVfG NRW) from the case's open defects: which defects, and
// the reply period. The addressees are the landlords in charge of the property on the day it is
// sent; the api freezes them then.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { enforcementApi, type CaseDetail } from '../enforcement-api';
import { navigate, paths } from '../router';
import { useResource } from '../use-resource';
import { CommandMessages, useCommandForm } from './command-form';
import { DefectChoices, openDefectsOf } from './defect-choices';
import { DraftPage } from './draft-page';
import { RequiredMark } from './form-parts';
import { setFlash } from './page';

export function HearingDraftPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <DraftPage caseId={caseId} title={t('hearingDraft.title')}>
      {(record) => <HearingDraftForm record={record} />}
    </DraftPage>
  );
}

function HearingDraftForm({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const formId = useId();
  const form = useCommandForm(formId);
  const { fieldProps, errorsOf, inputId } = form.plumbing;
  const open = openDefectsOf(record);
  const [defectIds, setDefectIds] = useState<string[]>(() => open.map((defect) => defect.id));
  const [replyDays, setReplyDays] = useState('14');
  const owners = useResource(
    (signal) => api.propertyOwnerships(record.propertyId, signal),
    [record.propertyId],
  );
  const current = owners.data?.items.filter((ownership) => ownership.current) ?? [];

  const labelOf = (path: string) =>
    path.startsWith('defectIds')
      ? t('hearingDraft.defects')
      : path === 'replyDays'
        ? t('hearingDraft.replyDays')
        : undefined;

  async function submit() {
    let created: { id: string } | undefined;
    const ok = await form.run(async (key) => {
      created = await enforcementApi.createHearing(
        record.id,
        { defectIds, replyDays: Number(replyDays) },
        key,
      );
    });
    if (ok && created) {
      setFlash(paths.hearing(created.id), 'created');
      navigate(paths.hearing(created.id), { replace: true });
    }
  }

  return (
    <form
      className="form form--wide"
      noValidate
      aria-labelledby={`${formId}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="hearing-form"
    >
      <h2 id={`${formId}-title`} className="visually-hidden">
        {t('hearingDraft.title')}
      </h2>
      <CommandMessages form={form} labelOf={labelOf} />
      <DefectChoices
        legend={t('hearingDraft.defects')}
        defects={open}
        chosen={defectIds}
        onChange={(next) => {
          setDefectIds(next);
          form.touched('defectIds');
        }}
        path="defectIds"
        plumbing={form.plumbing}
      />
      <div className="field">
        <label htmlFor={inputId('replyDays')}>
          {t('hearingDraft.replyDays')}
          <RequiredMark />
        </label>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={replyDays}
          onChange={(event) => {
            setReplyDays(event.target.value);
            form.touched('replyDays');
          }}
          {...fieldProps('replyDays', { hint: true })}
        />
        <p id={`${inputId('replyDays')}-hint`} className="field__hint">
          {t('hearingDraft.replyDaysHint')}
        </p>
        {errorsOf('replyDays')}
      </div>
      <section className="stack" aria-labelledby={`${formId}-addressees`}>
        <h3 id={`${formId}-addressees`}>{t('hearingDraft.addressees')}</h3>
        <p className="muted small">{t('hearingDraft.addresseesHint')}</p>
        {current.length === 0 && owners.data && (
          <p className="banner banner--warning">{t('hearingDraft.noAddressees')}</p>
        )}
        {current.length > 0 && (
          <ul className="plain-list">
            {current.map((ownership) => (
              <li key={ownership.id}>
                {ownership.landlord.name}{' '}
                <span className="muted small">({t(`ownershipRoles.${ownership.role}`)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={form.busy}
          data-testid="save-hearing"
        >
          {t('hearingDraft.submit')}
        </button>
      </p>
    </form>
  );
}
