// The sync state, always on screen: what waits, what is being sent, what failed and why, what
// is done; a conflict shows both versions and lets the inspector choose.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Defect } from '../api';
import { severityLabel } from '../components/inspection-labels';
import { formatTime } from '../time';
import { useField } from './field-context';
import type { DefectItem, OutboxItem } from './field-db';
import { resolveConflict, retryItem, subscribeSync, syncNow, syncSnapshot } from './field-sync';

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
  const failed = count('failed');
  const tone = conflicts.length + failed > 0 ? 'bad' : waiting > 0 ? 'waiting' : 'ok';

  return (
    <section
      className={`field-sync field-sync--${tone}`}
      aria-labelledby="field-sync-title"
      data-testid="field-sync"
      data-waiting={waiting}
      data-failed={failed}
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
              conflicts.length > 0 && t('field.sync.conflicts', { count: conflicts.length }),
            ]
              .filter(Boolean)
              .join(' · ')}
        {snapshot.running && ` · ${t('field.sync.sending')}`}
        {!snapshot.running &&
          snapshot.nextTryAt !== null &&
          ` · ${t('field.sync.nextTry', { time: formatTime(new Date(snapshot.nextTryAt).toISOString(), i18n.language) })}`}
      </p>
      {open.length > 0 && (
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
                {item.state === 'failed' && (
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
