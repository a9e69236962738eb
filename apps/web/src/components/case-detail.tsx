// One case (Vorgang): its property and officer, the defects linked, hearings, orders with their
// items, closures and what happened, oldest first. Hearings and orders are drafted from here.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { enforcementApi, type CaseDetail as CaseRecord } from '../enforcement-api';
import { Link, paths } from '../router';
import { formatDateTime } from '../time';
import { useResource } from '../use-resource';
import { lastCaseListUrl } from './case-list';
import { CaseClosures, CaseDefects, CaseHearings, CaseTimeline } from './case-sections';
import {
  dayText,
  orderKindLabel,
  OrderStatusBadge,
  StageBadge,
  caseAddress,
} from './enforcement-labels';
import { OrderItemsTable } from './order-items-table';
import { LoadError, Loading, useDocumentTitle } from './page';

export function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const found = useResource((signal) => enforcementApi.case(id, signal), [id], {
    keepPrevious: true,
  });
  const data = found.data;
  useDocumentTitle(data ? `${t('case.title')} ${data.reference}` : t('case.title'));
  const [street, place] = data ? caseAddress(data.propertyAddress) : ['', ''];

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={lastCaseListUrl()}>
          <span aria-hidden="true">← </span>
          {t('cases.title')}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t('case.title')}</p>
          <h1 id={headingId} tabIndex={-1} data-testid="case-title">
            {data ? data.reference : t('case.title')}
          </h1>
          {data && (
            <p className="page-head__sub">
              {street}
              {place && `, ${place}`}
            </p>
          )}
        </div>
        {data && <StageBadge stage={data.stage} />}
      </div>
      {found.loading && !data && <Loading />}
      {found.error !== undefined && <LoadError error={found.error} onRetry={found.reload} />}
      {data && <CaseBody record={data} />}
    </article>
  );
}

function CaseBody({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const open = record.status === 'open';

  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="section-case">
        <h2 id="section-case">{t('case.sections.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('case.property')}</dt>
            <dd>
              <Link to={paths.property(record.propertyId)} data-testid="case-property">
                {record.propertyAddress ?? t('common.none')}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('case.officer')}</dt>
            <dd data-testid="case-officer">{record.officerName}</dd>
          </div>
          <div>
            <dt>{t('case.status')}</dt>
            <dd>{t(`caseStatuses.${record.status}`)}</dd>
          </div>
          <div>
            <dt>{t('case.nextDeadline')}</dt>
            <dd data-testid="case-next-deadline">
              {dayText(t, record.nextDeadline, language)}
              {record.overdue && (
                <>
                  {' '}
                  <span className="badge badge--danger">{t('cases.overdue')}</span>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('case.openedAt')}</dt>
            <dd>{formatDateTime(record.createdAt, language)}</dd>
          </div>
          {record.notes && (
            <div>
              <dt>{t('case.notes')}</dt>
              <dd className="prewrap">{record.notes}</dd>
            </div>
          )}
          {record.closeReason && (
            <div>
              <dt>{t('case.closeReason')}</dt>
              <dd className="prewrap">{record.closeReason}</dd>
            </div>
          )}
        </dl>
        {open && (
          <p className="card__actions">
            <Link
              className="button button--secondary"
              to={paths.hearingNew(record.id)}
              data-testid="draft-hearing"
            >
              {t('case.draftHearing')}
            </Link>{' '}
            <Link
              className="button button--primary"
              to={paths.orderNew(record.id)}
              data-testid="draft-order"
            >
              {t('case.draftOrder')}
            </Link>
          </p>
        )}
      </section>

      <CaseDefects defects={record.defects} />

      <section className="card detail-grid__wide stack" aria-labelledby="section-orders">
        <h2 id="section-orders">{t('case.sections.orders', { count: record.orders.length })}</h2>
        {record.orders.length === 0 && <p className="muted">{t('case.noOrders')}</p>}
        {record.orders.map((order) => (
          <div key={order.id} className="stack" data-testid="case-order">
            <h3>
              <Link to={paths.order(order.id)} data-testid="case-order-link">
                {orderKindLabel(t, order.kind)}
              </Link>{' '}
              <span className="muted small">{order.legalBasis}</span>{' '}
              <OrderStatusBadge status={order.status} />
            </h3>
            <p className="small muted">
              {t('case.orderDates', {
                notified: dayText(t, order.notifiedOn, language),
                challenge: dayText(t, order.challengeEndsOn, language),
              })}
            </p>
            <OrderItemsTable order={order} />
          </div>
        ))}
      </section>

      <CaseHearings hearings={record.hearings} />
      <CaseClosures caseId={record.id} />
      <CaseTimeline entries={record.timeline} />
    </div>
  );
}
