import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ownership } from '../api';
import { ownershipRoleLabel, periodText } from './ownership-text';

interface OwnershipTableProps {
  items: Ownership[];
  caption: string;
  /** Heading of the first column: the landlord (on a property) or the property (on a landlord). */
  subjectHeader: string;
  subject: (ownership: Ownership) => ReactNode;
  rowTestId: string;
  /** A current/past badge, where current and past share one table. */
  withStatus?: boolean;
}

/** Ownerships as a table on desktop and cards on a phone; past periods are shown muted. */
export function OwnershipTable({
  items,
  caption,
  subjectHeader,
  subject,
  rowTestId,
  withStatus = false,
}: OwnershipTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  return (
    <div className="table-scroll">
      <table className="data-table data-table--cards" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">
              {subjectHeader}
            </th>
            <th role="columnheader" scope="col">
              {t('property.ownerships.role')}
            </th>
            <th role="columnheader" scope="col">
              {t('property.ownerships.period')}
            </th>
            {withStatus && (
              <th role="columnheader" scope="col">
                {t('property.ownerships.status')}
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((ownership) => (
            <tr
              key={ownership.id}
              role="row"
              className={ownership.current ? undefined : 'data-table__row--past'}
              data-testid={rowTestId}
            >
              <th role="rowheader" scope="row">
                {subject(ownership)}
              </th>
              <td role="cell" data-label={t('property.ownerships.role')}>
                {ownershipRoleLabel(t, ownership.role)}
              </td>
              <td role="cell" data-label={t('property.ownerships.period')}>
                {periodText(t, ownership, language)}
              </td>
              {withStatus && (
                <td role="cell" data-label={t('property.ownerships.status')}>
                  <span className={ownership.current ? 'badge' : 'badge badge--quiet'}>
                    {ownership.current
                      ? t('property.ownerships.current')
                      : t('property.ownerships.past')}
                  </span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
