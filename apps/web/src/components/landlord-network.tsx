import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api';
import {
  canEditLandlords,
  networkApi,
  type LandlordNetwork,
  type Management,
  type NetworkLink,
  type NetworkMember,
} from '../network-api';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { StepForm, useCommandForm } from './command-form';
import { errorText, LoadError, Loading } from './page';

/** A link's reason in the reader's language; the server's German words when the kind is new. */
export function reasonText(t: TFunction, link: NetworkLink): string {
  const key =
    link.kind === 'managed_by'
      ? link.source === 'ownership'
        ? 'network.reasons.managedByOwnership'
        : 'network.reasons.managedByAddress'
      : `network.reasons.${link.kind}`;
  return t(key, { detail: link.detail, defaultValue: link.reason });
}

/**
 * The landlord's network (Netzwerk): who is linked to it and why, who manages it and whom it
 * manages; an officer splits a pair that is not the same, or undoes a split.
 */
export function LandlordNetworkSection({ landlordId }: { landlordId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const network = useResource((signal) => networkApi.network(landlordId, signal), [landlordId]);
  const data = network.data;
  const mayEdit = canEditLandlords(user.role);

  return (
    <section
      className="card detail-grid__wide stack network"
      aria-labelledby="section-network"
      data-testid="landlord-network"
    >
      <h2 id="section-network">{t('network.title')}</h2>
      <p className="muted">{t('network.intro')}</p>
      {network.loading && <Loading />}
      {network.error !== undefined && <LoadError error={network.error} onRetry={network.reload} />}
      {data && <NetworkBody network={data} mayEdit={mayEdit} onChanged={network.reload} />}
    </section>
  );
}

function NetworkBody({
  network,
  mayEdit,
  onChanged,
}: {
  network: LandlordNetwork;
  mayEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const names = new Map(network.members.map((member) => [member.id, member]));
  const others = network.members.filter((member) => member.id !== network.landlordId);
  const [splitting, setSplitting] = useState<NetworkLink | null>(null);

  return (
    <>
      <h3>{t('network.members', { count: network.members.length })}</h3>
      {others.length === 0 ? (
        <p className="muted" data-testid="network-alone">
          {t('network.alone')}
        </p>
      ) : (
        <ul className="plain-list network__members" data-testid="network-members">
          {network.members.map((member) => (
            <li key={member.id}>
              <MemberLink member={member} current={member.id === network.landlordId} />
            </li>
          ))}
        </ul>
      )}

      {network.links.length > 0 && (
        <>
          <h3>{t('network.links')}</h3>
          <ul className="plain-list network__links" data-testid="network-links">
            {network.links.map((link) => (
              <li key={`${link.landlordAId}-${link.landlordBId}-${link.kind}-${link.detail}`}>
                <span className="network__pair">
                  <MemberLink
                    member={names.get(link.landlordAId)}
                    id={link.landlordAId}
                    current={link.landlordAId === network.landlordId}
                  />
                  {' – '}
                  <MemberLink
                    member={names.get(link.landlordBId)}
                    id={link.landlordBId}
                    current={link.landlordBId === network.landlordId}
                  />
                </span>
                <span className="network__reason" data-testid="network-reason">
                  {reasonText(t, link)}
                </span>
                {mayEdit && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => setSplitting(link)}
                    data-testid="network-split-open"
                  >
                    {t('network.split.open')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayEdit && splitting && (
        <SplitForm
          landlordId={network.landlordId}
          link={splitting}
          nameOf={(id) => names.get(id)?.name ?? id}
          onCancel={() => setSplitting(null)}
          onDone={() => {
            setSplitting(null);
            onChanged();
          }}
        />
      )}

      <h3>{t('network.managedBy')}</h3>
      <ManagementList
        items={network.managedBy}
        empty={t('network.noManager')}
        testId="managed-by"
      />
      {network.managesTotal > 0 && (
        <>
          <h3>{t('network.manages', { total: network.managesTotal })}</h3>
          <ManagementList items={network.manages} empty="" testId="manages" />
          {network.managesTotal > new Set(network.manages.map((m) => m.landlord.id)).size && (
            <p className="muted">
              {t('network.managesShown', {
                shown: new Set(network.manages.map((m) => m.landlord.id)).size,
                total: network.managesTotal,
              })}
            </p>
          )}
        </>
      )}

      {network.splits.length > 0 && (
        <>
          <h3>{t('network.splits')}</h3>
          <ul className="plain-list network__splits" data-testid="network-splits">
            {network.splits.map((split) => (
              <li key={split.otherLandlordId}>
                <Link to={paths.landlord(split.otherLandlordId)}>{split.otherName}</Link>
                <span className="network__reason">{split.reason}</span>
                {mayEdit && (
                  <UndoSplit
                    landlordId={network.landlordId}
                    otherId={split.otherLandlordId}
                    onDone={onChanged}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MemberLink({
  member,
  id,
  current = false,
}: {
  member: NetworkMember | undefined;
  id?: string;
  current?: boolean;
}) {
  const { t } = useTranslation();
  if (!member) return <span>{id}</span>;
  if (current)
    return (
      <strong aria-current="page">
        {member.name} <span className="muted">({t('network.thisLandlord')})</span>
      </strong>
    );
  return <Link to={paths.landlord(member.id)}>{member.name}</Link>;
}

/** Managed-by relations: one line per other landlord, with every reason. */
function ManagementList({
  items,
  empty,
  testId,
}: {
  items: Management[];
  empty: string;
  testId: string;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  const byLandlord = new Map<string, Management[]>();
  for (const item of items)
    byLandlord.set(item.landlord.id, [...(byLandlord.get(item.landlord.id) ?? []), item]);
  return (
    <ul className="plain-list network__links" data-testid={testId}>
      {[...byLandlord.values()].map((links) => (
        <li key={links[0].landlord.id}>
          <Link to={paths.landlord(links[0].landlord.id)}>{links[0].landlord.name}</Link>
          {links.map((link) => (
            <span key={`${link.source}-${link.detail}`} className="network__reason">
              {reasonText(t, link)}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** "These are not the same": the pair's links go, and detection never brings them back. */
function SplitForm({
  landlordId,
  link,
  nameOf,
  onCancel,
  onDone,
}: {
  landlordId: string;
  link: NetworkLink;
  nameOf: (id: string) => string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useCommandForm(useId());
  const [reason, setReason] = useState('');
  const { inputId, fieldProps, errorsOf } = form.plumbing;
  // Split from the page's landlord when it is one of the pair, so the split shows here.
  const [from, other] =
    link.landlordBId === landlordId
      ? [link.landlordBId, link.landlordAId]
      : [link.landlordAId, link.landlordBId];
  return (
    <StepForm
      form={form}
      title={t('network.split.title', { a: nameOf(from), b: nameOf(other) })}
      labelOf={(path) =>
        path === 'reason'
          ? t('network.split.reason')
          : path === 'otherLandlordId'
            ? t('network.split.other')
            : undefined
      }
      testId="network-split-form"
      onSubmit={async () => {
        if (await form.run((key) => networkApi.split(from, other, reason, key))) onDone();
      }}
    >
      <div className="field">
        <label htmlFor={inputId('reason')}>{t('network.split.reason')}</label>
        <textarea
          rows={3}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            form.touched('reason');
          }}
          {...fieldProps('reason')}
        />
        {errorsOf('reason')}
      </div>
      <p className="row-actions">
        <button type="submit" className="button" disabled={form.busy}>
          {t('network.split.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('network.split.cancel')}
        </button>
      </p>
    </StepForm>
  );
}

function UndoSplit({
  landlordId,
  otherId,
  onDone,
}: {
  landlordId: string;
  otherId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { expired } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  async function undo() {
    setBusy(true);
    setError(undefined);
    try {
      await networkApi.undoSplit(landlordId, otherId);
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) expired();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void undo()}
        disabled={busy}
        data-testid="network-split-undo"
      >
        {t('network.undo')}
      </button>
      {error !== undefined && (
        <span className="banner banner--error" role="alert">
          {errorText(t, error)}
        </span>
      )}
    </>
  );
}
