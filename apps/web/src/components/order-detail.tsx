// One order (Anordnung): its facts, numbered items, the projected dates while it is a draft or
// issued, its letters, and the next steps of its lifecycle (issue, service, suit, withdraw).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DeliveryMethod, enforcementApi, type Order } from '../enforcement-api';
import { formatDate } from '../format';
import { Link, paths } from '../router';
import { formatDateTime } from '../time';
import { useResource } from '../use-resource';
import {
  dayText,
  deliveryMethodLabel,
  orderKindLabel,
  OrderStatusBadge,
} from './enforcement-labels';
import { ItemActions } from './order-item-actions';
import { OrderItemsTable } from './order-items-table';
import { OrderLetters } from './order-letters';
import { OrderProjectionCard } from './order-projection';
import { OrderSteps } from './order-steps';
import { LoadError, Loading, useDocumentTitle, useFlash } from './page';

export function OrderDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const found = useResource((signal) => enforcementApi.order(id, signal), [id], {
    keepPrevious: true,
  });
  const order = found.data;
  const record = useResource(
    (signal) => (order ? enforcementApi.case(order.caseId, signal) : Promise.resolve(undefined)),
    [order?.caseId],
  );
  const flash = useFlash(paths.order(id));
  const title = order ? orderKindLabel(t, order.kind) : t('order.title');
  useDocumentTitle(title);

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        {order ? (
          <Link to={paths.case(order.caseId)}>
            <span aria-hidden="true">← </span>
            {record.data ? `${t('case.title')} ${record.data.reference}` : t('case.title')}
          </Link>
        ) : (
          <Link to={paths.cases()}>
            <span aria-hidden="true">← </span>
            {t('cases.title')}
          </Link>
        )}
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {t('order.title')}
            {order && ` · ${order.legalBasis}`}
          </p>
          <h1 id={headingId} tabIndex={-1} data-testid="order-title">
            {title}
          </h1>
          {record.data?.propertyAddress && (
            <p className="page-head__sub">{record.data.propertyAddress}</p>
          )}
        </div>
        {order && <OrderStatusBadge status={order.status} />}
      </div>
      {flash === 'created' && (
        <p className="banner banner--success" role="status" data-testid="flash">
          {t('order.created')}
        </p>
      )}
      {found.loading && !order && <Loading />}
      {found.error !== undefined && <LoadError error={found.error} onRetry={found.reload} />}
      {order && <OrderBody order={order} onChanged={found.reload} />}
    </article>
  );
}

function OrderBody({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const projecting = order.status === 'draft' || order.status === 'issued';
  const [channel, setChannel] = useState<DeliveryMethod>('ordinary_post');
  const projection = useResource(
    (signal) =>
      projecting
        ? enforcementApi.orderProjection(order.id, channel, signal)
        : Promise.resolve(undefined),
    [order.id, order.version, projecting, channel],
  );
  const live = order.status === 'served' || order.status === 'challenged';

  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="section-order">
        <h2 id="section-order">{t('order.sections.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('order.hearing')}</dt>
            <dd>
              {order.hearingId ? (
                <Link to={paths.hearing(order.hearingId)}>{t('order.hearingLink')}</Link>
              ) : (
                <>
                  {t('order.hearingSkipped')}
                  {order.hearingSkippedReason && (
                    <span className="prewrap">: {order.hearingSkippedReason}</span>
                  )}
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('order.immediate')}</dt>
            <dd>
              {order.immediatelyEnforceable ? t('order.yes') : t('order.no')}
              {order.immediateEnforcementReasoning && (
                <span className="prewrap"> – {order.immediateEnforcementReasoning}</span>
              )}
            </dd>
          </div>
          {order.addressees && (
            <div>
              <dt>{t('order.addressees')}</dt>
              <dd>{order.addressees.map((addressee) => addressee.name).join(', ')}</dd>
            </div>
          )}
          {order.issuedAt && (
            <div>
              <dt>{t('order.issuedAt')}</dt>
              <dd data-testid="order-issued-at">{formatDateTime(order.issuedAt, language)}</dd>
            </div>
          )}
          {order.delivery && (
            <div>
              <dt>{t('order.delivery')}</dt>
              <dd data-testid="order-delivery">{deliveryMethodLabel(t, order.delivery.method)}</dd>
            </div>
          )}
          {order.notifiedOn && (
            <div>
              <dt>{t('order.notifiedOn')}</dt>
              <dd data-testid="order-notified-on">{formatDate(order.notifiedOn, language)}</dd>
            </div>
          )}
          {order.challengeEndsOn && (
            <div>
              <dt>{t('order.challengeEndsOn')}</dt>
              <dd data-testid="order-challenge-ends">
                {formatDate(order.challengeEndsOn, language)}
                {order.final && <> · {t('order.final')}</>}
              </dd>
            </div>
          )}
          {order.suitFiledOn && (
            <div>
              <dt>{t('order.suitFiledOn')}</dt>
              <dd>
                {formatDate(order.suitFiledOn, language)}
                {order.suitLate && <> · {t('order.suitLate')}</>}
                {order.suitOutcome && (
                  <>
                    {' · '}
                    {t(`order.suitOutcomes.${order.suitOutcome}`)},{' '}
                    {dayText(t, order.suitDecidedOn, language)}
                  </>
                )}
              </dd>
            </div>
          )}
          {order.withdrawnReason && (
            <div>
              <dt>{t('order.withdrawnReason')}</dt>
              <dd className="prewrap">{order.withdrawnReason}</dd>
            </div>
          )}
        </dl>
      </section>

      <OrderSteps order={order} onChanged={onChanged} />

      <section className="card detail-grid__wide stack" aria-labelledby="section-items">
        <h2 id="section-items">{t('order.sections.items', { count: order.items.length })}</h2>
        <OrderItemsTable
          order={order}
          projection={projection.data}
          actions={
            live
              ? (item) => <ItemActions order={order} item={item} onChanged={onChanged} />
              : undefined
          }
        />
      </section>

      {projecting && (
        <OrderProjectionCard
          channel={channel}
          onChannel={setChannel}
          projection={projection.data}
          error={projection.error}
          onRetry={projection.reload}
        />
      )}
      <OrderLetters order={order} />
    </div>
  );
}
