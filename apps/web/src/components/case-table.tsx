import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../enforcement-api';
import { formatDate } from '../format';
import { Link, navigate, paths } from '../router';
import { StageBadge, caseAddress } from './enforcement-labels';

/** Cases as a table, in the api's order (next deadline first); on phones each row is a card. */
export function CaseTable({ items }: { items: CaseSummary[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    if ((event.target as Element).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(paths.case(id));
  }

  return (
    <table className="data-table data-table--cards" role="table">
      <caption className="visually-hidden">{t('cases.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">
            {t('cases.columns.reference')}
          </th>
          <th role="columnheader" scope="col">
            {t('cases.columns.address')}
          </th>
          <th role="columnheader" scope="col">
            {t('cases.columns.stage')}
          </th>
          <th role="columnheader" scope="col">
            {t('cases.columns.officer')}
          </th>
          <th role="columnheader" scope="col">
            {t('cases.columns.nextDeadline')}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {items.map((item) => {
          const [street, place] = caseAddress(item.propertyAddress);
          return (
            <tr
              key={item.id}
              role="row"
              className="data-table__row--link"
              onClick={(event) => openRow(event, item.id)}
              data-testid="case-row"
            >
              <td role="cell" className="data-table__primary nowrap">
                <Link to={paths.case(item.id)} className="row-link">
                  {item.reference}
                </Link>
              </td>
              <td role="cell" data-label={t('cases.columns.address')}>
                {street}
                {place && <span className="muted"> {place}</span>}
              </td>
              <td role="cell" data-label={t('cases.columns.stage')}>
                <StageBadge stage={item.stage} />
              </td>
              <td role="cell" data-label={t('cases.columns.officer')}>
                {item.officerName}
              </td>
              <td role="cell" data-label={t('cases.columns.nextDeadline')} className="nowrap">
                {item.nextDeadline ? formatDate(item.nextDeadline, language) : t('common.none')}
                {item.overdue && (
                  <>
                    {' '}
                    <span className="badge badge--danger" data-testid="case-overdue">
                      {t('cases.overdue')}
                    </span>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
