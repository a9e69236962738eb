import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, OrderItem, OrderProjection } from '../enforcement-api';
import { formatDate } from '../format';
import { formatDateTime } from '../time';
import { formatCents, ItemStatusBadge, periodText } from './enforcement-labels';

interface Props {
  order: Order;
  /** A draft's or issued order's dates if posted by ordinary post today. */
  projection?: OrderProjection;
  /** Controls per item (the order page's status changes). */
  actions?: (item: OrderItem) => ReactNode;
}

/**
 * An order's numbered items: requirement, period, due date (once served; projected before),
 * threatened coercive fine and status.
 */
export function OrderItemsTable({ order, projection, actions }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const projected = new Map(projection?.items.map((item) => [item.id, item]) ?? []);

  function due(item: OrderItem): ReactNode {
    if (item.dueAt) return formatDateTime(item.dueAt, language);
    if (item.dueOn) return formatDate(item.dueOn, language);
    const guess = projected.get(item.id);
    if (guess) {
      return (
        <span className="muted" data-testid="item-projected-due">
          {t('order.projectedShort', {
            date: guess.dueAt
              ? formatDateTime(guess.dueAt, language)
              : formatDate(guess.dueOn, language),
          })}
        </span>
      );
    }
    return <span className="muted">{t('order.dueOnceServed')}</span>;
  }

  return (
    <div className="table-scroll">
      <table className="data-table data-table--cards" role="table">
        <caption className="visually-hidden">
          {t('order.itemsCaption', { kind: t(`orderKinds.${order.kind}`) })}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              {t('order.columns.number')}
            </th>
            <th role="columnheader" scope="col">
              {t('order.columns.requirement')}
            </th>
            <th role="columnheader" scope="col">
              {t('order.columns.period')}
            </th>
            <th role="columnheader" scope="col">
              {t('order.columns.due')}
            </th>
            <th role="columnheader" scope="col">
              {t('order.columns.fine')}
            </th>
            <th role="columnheader" scope="col">
              {t('order.columns.status')}
            </th>
            {actions && (
              <th role="columnheader" scope="col">
                <span className="visually-hidden">{t('order.columns.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {order.items.map((item) => (
            <tr key={item.id} role="row" data-testid="order-item">
              <td role="cell" className="data-table__primary nowrap">
                {t('order.itemNumber', { n: item.number })}
              </td>
              <td role="cell" data-label={t('order.columns.requirement')} className="prewrap">
                {item.requirement}
              </td>
              <td role="cell" data-label={t('order.columns.period')}>
                {periodText(t, item.period)}
                <br />
                <span className="muted small">{t(`periodSources.${item.periodSource}`)}</span>
                {item.periodOverrideReason && (
                  <span className="muted small"> – {item.periodOverrideReason}</span>
                )}
              </td>
              <td role="cell" data-label={t('order.columns.due')} data-testid="item-due">
                {due(item)}
              </td>
              <td role="cell" data-label={t('order.columns.fine')} data-testid="item-fine">
                {item.threatenedFineCents !== null
                  ? formatCents(item.threatenedFineCents, language)
                  : t('common.none')}
              </td>
              <td role="cell" data-label={t('order.columns.status')}>
                <ItemStatusBadge status={item.status} overdue={item.overdue} />
                {item.statusReason && <p className="small muted">{item.statusReason}</p>}
              </td>
              {actions && (
                <td role="cell" data-label={t('order.columns.actions')}>
                  {actions(item)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
