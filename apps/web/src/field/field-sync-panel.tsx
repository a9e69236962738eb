// The sync state, always on screen: what waits, what is being sent, what failed and why, what
// is done; a conflict shows both versions and lets the inspector choose; a refused completion or
// defect change names the fields the server refused and offers to reopen it (correct, finish
// again) or, after a confirmation, to discard it.
import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Defect } from '../api';
import { severityLabel } from '../components/inspection-labels';
import { Link, navigate, paths } from '../router';
import { formatTime } from '../time';
import { useField } from './field-context';
import type { CompleteItem, DefectItem, OutboxItem } from './field-db';
import { describeField, isGone } from './field-refusal';
import {
  discardRefused,
  reopenRefused,
  resolveConflict,
  retryItem,
  subscribeSync,
  syncNow,
  syncSnapshot,
} from './field-sync';

type Refusable = CompleteItem | DefectItem;

const isRefused = (item: OutboxItem): item is Refusable =>
  item.state === 'failed' && (item.kind === 'complete' || item.kind === 'defect');

export function SyncPanel() {
  const { t, i18n } = useTranslation();
  const { user } = useField();
  const snapshot = useSyncExternalStore(subscribeSync, syncSnapshot);
  const items = snapshot.items.filter((item) => item.userId === user.id);
  const count = (state: OutboxItem['state']) => items.filter((item) => item.state === state).length;
  const open = items.filter((item) => item.state !== 'done');
  const conflicts = items.filter(
    (item): item is DefectItem => item.kind === 'defect' && item.state === 'conflict',
  );
  const waiting = count('waiting') + count('sending');
  // A reopened item is being corrected on this device: listed apart from the failed ones.
  const reopened = items.filter(isRefused).filter((item) => item.reopenedAt);
  const refused = items.filter(isRefused).filter((item) => !item.reopenedAt);
  const failed = count('failed') - reopened.length;
  const tone =
    conflicts.length + failed > 0 ? 'bad' : waiting + reopened.length > 0 ? 'waiting' : 'ok';

  return (
    <section
      className={`field-sync field-sync--${tone}`}
      aria-labelledby="field-sync-title"
      data-testid="field-sync"
      data-waiting={waiting}
      data-failed={failed}
      data-reopened={reopened.length}
      data-conflicts={conflicts.length}
      data-done={count('done')}
    >
      <h2 id="field-sync-title" className="visually-hidden">
        {t('field.sync.title')}
      </h2>
      <p className="field-sync__summary" role="status" data-testid="field-sync-summary">
        {open.length === 0
          ? t('field.sync.allSent')
          : [
              waiting > 0 && t('field.sync.waiting', { count: waiting }),
              failed > 0 && t('field.sync.failed', { count: failed }),
              reopened.length > 0 && t('field.sync.reopened', { count: reopened.length }),
              conflicts.length > 0 && t('field.sync.conflicts', { count: conflicts.length }),
            ]
              .filter(Boolean)
              .join(' · ')}
        {snapshot.running && ` · ${t('field.sync.sending')}`}
        {!snapshot.running &&
          snapshot.nextTryAt !== null &&
          ` · ${t('field.sync.nextTry', { time: formatTime(new Date(snapshot.nextTryAt).toISOString(), i18n.language) })}`}
      </p>
      {open.length > reopened.length && (
        <button
          type="button"
          className="button field-button--small"
          onClick={() => void syncNow()}
          data-testid="field-sync-now"
        >
          {t('field.sync.now')}
        </button>
      )}
      {conflicts.map((item) => (
        <Conflict key={item.id} item={item} />
      ))}
      {refused.map((item) => (
        <Refused key={item.id} item={item} />
      ))}
      {items.length > 0 && (
        <details className="field-sync__details">
          <summary>{t('field.sync.details', { count: items.length })}</summary>
          <ul className="field-list" data-testid="field-sync-items">
            {items.map((item) => (
              <li
                key={item.id}
                data-testid="field-sync-item"
                data-kind={item.kind}
                data-state={item.state}
              >
                <strong>{t(`field.sync.kinds.${item.kind}`)}</strong> {item.label}:{' '}
                <span>{t(`field.sync.states.${item.state}`)}</span>
                {item.progress && item.state === 'sending' && (
                  <span>
                    {' '}
                    ({Math.round((100 * item.progress.sent) / Math.max(1, item.progress.total))} %)
                  </span>
                )}
                {item.reason && (
                  <span className="field-muted">
                    {' '}
                    –{' '}
                    {item.reason === 'network'
                      ? t('field.sync.network')
                      : item.reason === 'signedOut'
                        ? t('field.sync.signedOut')
                        : item.reason}
                  </span>
                )}
                {item.state === 'failed' && item.reopenedAt && (
                  <span data-testid="field-sync-reopened">
                    {' '}
                    – {t('field.refused.reopened')}{' '}
                    {item.kind === 'complete' && (
                      <Link to={paths.fieldRecord(item.inspectionId)}>
                        {t('field.refused.continue')}
                      </Link>
                    )}
                  </span>
                )}
                {item.state === 'failed' && !item.reopenedAt && (
                  <button
                    type="button"
                    className="button field-button--small"
                    onClick={() => void retryItem(item)}
                  >
                    {t('field.sync.retry')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

type Field = 'description' | 'severity';

function Conflict({ item }: { item: DefectItem }) {
  const { t } = useTranslation();
  const theirs = item.theirs;
  if (!theirs) return null;
  const fields = (Object.keys(item.changes) as Array<keyof DefectItem['changes']>).filter(
    (key): key is Field => key === 'description' || key === 'severity',
  );
  const show = (field: Field, value: Defect[Field] | undefined) =>
    value === undefined
      ? '–'
      : field === 'severity'
        ? severityLabel(t, value as Defect['severity'])
        : value;
  return (
    <div className="field-conflict" role="alert" data-testid="field-conflict">
      <p>
        <strong>{t('field.conflict.title', { defect: item.label })}</strong>
      </p>
      <p>{t('field.conflict.text')}</p>
      <table className="field-conflict__table">
        <thead>
          <tr>
            <th scope="col">{t('field.conflict.field')}</th>
            <th scope="col">{t('field.conflict.mine')}</th>
            <th scope="col">{t('field.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{t(`field.conflict.fields.${field}`)}</th>
              <td data-testid={`conflict-mine-${field}`}>{show(field, item.changes[field])}</td>
              <td data-testid={`conflict-theirs-${field}`}>{show(field, theirs[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field-actions">
        <button
          type="button"
          className="button button--primary field-button"
          onClick={() => void resolveConflict(item, 'mine')}
          data-testid="conflict-keep-mine"
        >
          {t('field.conflict.keepMine')}
        </button>
        <button
          type="button"
          className="button field-button"
          onClick={() => void resolveConflict(item, 'theirs')}
          data-testid="conflict-take-theirs"
        >
          {t('field.conflict.takeTheirs')}
        </button>
      </div>
    </div>
  );
}

/**
 * A completion or defect change the server refused: its reason, the fields it named (in the
 * inspector's words), and what can be done: reopen it to correct it, or discard it (confirmed
 * first: what is discarded is never sent).
 */
function Refused({ item }: { item: Refusable }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const refusal = item.refusal ?? null;
  const gone = isGone(refusal);
  const title =
    item.kind === 'defect'
      ? t('field.refused.defectTitle', { label: item.label })
      : gone && refusal?.inspectionStatus === 'cancelled'
        ? t('field.refused.cancelled', { label: item.label })
        : gone
          ? t('field.refused.recordedElsewhere', { label: item.label })
          : t('field.refused.title', { label: item.label });

  async function reopen() {
    setBusy(true);
    try {
      const inspectionId = await reopenRefused(item);
      if (inspectionId === undefined) return;
      navigate(
        item.kind === 'complete'
          ? paths.fieldRecord(inspectionId)
          : paths.fieldProperty(inspectionId),
      );
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    setBusy(true);
    try {
      await discardRefused(item);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className="field-conflict"
      role="alert"
      aria-labelledby={`${id}-title`}
      data-testid="field-refused"
      data-kind={item.kind}
      data-status={refusal?.status ?? ''}
    >
      <p id={`${id}-title`}>
        <strong>{title}</strong>
      </p>
      {refusal && refusal.fields.length > 0 ? (
        <ul className="field-list" data-testid="field-refused-fields">
          {refusal.fields.map((field, index) => (
            <li key={`${field.field}-${index}`}>
              {describeField(t, field)}: {field.message}
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="field-refused-reason">
          {t('field.refused.reason', { reason: item.reason ?? '' })}
        </p>
      )}
      <p>
        {gone
          ? t('field.refused.goneText')
          : item.kind === 'defect'
            ? t('field.refused.fixTextDefect')
            : t('field.refused.fixText')}
      </p>
      {confirming ? (
        <div className="field-actions" data-testid="field-refused-confirm">
          <p>
            {item.kind === 'complete'
              ? t('field.refused.discardConfirm')
              : t('field.refused.discardConfirmDefect')}
          </p>
          <button
            type="button"
            className="button button--primary field-button"
            disabled={busy}
            onClick={() => void discard()}
            data-testid="field-refused-discard-yes"
          >
            {t('field.refused.discardYes')}
          </button>
          <button
            type="button"
            className="button field-button"
            disabled={busy}
            onClick={() => setConfirming(false)}
          >
            {t('field.refused.discardNo')}
          </button>
        </div>
      ) : (
        <div className="field-actions">
          <button
            type="button"
            className={gone ? 'button field-button' : 'button button--primary field-button'}
            disabled={busy}
            onClick={() => void reopen()}
            data-testid="field-refused-reopen"
          >
            {t('field.refused.reopen')}
          </button>
          <button
            type="button"
            className={gone ? 'button button--primary field-button' : 'button field-button'}
            disabled={busy}
            onClick={() => setConfirming(true)}
            data-testid="field-refused-discard"
          >
            {t('field.refused.discard')}
          </button>
        </div>
      )}
    </div>
  );
}
