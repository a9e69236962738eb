import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageCases, enforcementApi, type CaseDetail } from '../enforcement-api';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { caseAddress } from './enforcement-labels';
import { LoadError, Loading, useDocumentTitle } from './page';

/** The frame of a drafting page: back to the case, its title, the case loaded for the form. */
export function DraftPage({
  caseId,
  title,
  children,
}: {
  caseId: string;
  title: string;
  children: (record: CaseDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const headingId = useId();
  const found = useResource((signal) => enforcementApi.case(caseId, signal), [caseId]);
  const record = found.data;
  useDocumentTitle(record ? `${title}: ${record.reference}` : title);
  const [street, place] = record ? caseAddress(record.propertyAddress) : ['', ''];

  return (
    <article className="stack-lg" aria-labelledby={headingId}>
      <p className="back-link">
        <Link to={paths.case(caseId)}>
          <span aria-hidden="true">← </span>
          {record ? `${t('case.title')} ${record.reference}` : t('case.title')}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">{record?.reference ?? t('case.title')}</p>
          <h1 id={headingId} tabIndex={-1} data-testid="draft-title">
            {title}
          </h1>
          {record && (
            <p className="page-head__sub">
              {street}
              {place && `, ${place}`}
            </p>
          )}
        </div>
      </div>
      {!canManageCases(user.role) && (
        <p className="banner banner--info" role="status">
          {t('enforcement.forbidden')}
        </p>
      )}
      {found.loading && !record && <Loading />}
      {found.error !== undefined && <LoadError error={found.error} onRetry={found.reload} />}
      {record && record.status === 'closed' && (
        <p className="banner banner--warning" role="status">
          {t('enforcement.caseClosed')}
        </p>
      )}
      {record && record.status === 'open' && children(record)}
    </article>
  );
}
