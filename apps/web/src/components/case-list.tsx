// The officer's cases ("Verfahren"), as the api sorts them: by the next deadline, passed ones
// first. Filters: status, officer, property (found by its address).
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { caseStatuses, enforcementApi, type CaseStatus } from '../enforcement-api';
import { navigate, paths, useLocation } from '../router';
import { useResource } from '../use-resource';
import { CaseTable } from './case-table';
import { PropertyFilter } from './property-filter';
import { LoadError, useDocumentTitle } from './page';
import { PagingNav } from './paging';

const pageSize = 50;

interface ListQuery {
  /** '' = all; the list opens with the open cases. */
  status: CaseStatus | '';
  officerId: string;
  propertyId: string;
  /** The address typed for the property filter (kept so a reload shows it). */
  address: string;
  offset: number;
}

const isStatus = (value: string): value is CaseStatus =>
  (caseStatuses as readonly string[]).includes(value);

function readQuery(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const status = params.has('status') ? (params.get('status') ?? '') : 'open';
  const offset = Number(params.get('offset') ?? 0);
  return {
    status: isStatus(status) ? status : '',
    officerId: params.get('sachbearbeitung') ?? '',
    propertyId: params.get('objekt') ?? '',
    address: params.get('adresse') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

function listUrl(query: ListQuery): string {
  const params = new URLSearchParams();
  // "status" is always written: without it the list shows the open cases.
  params.set('status', query.status);
  if (query.officerId) params.set('sachbearbeitung', query.officerId);
  if (query.propertyId) params.set('objekt', query.propertyId);
  if (query.address) params.set('adresse', query.address);
  if (query.offset > 0) params.set('offset', String(query.offset));
  return paths.cases(`?${params.toString()}`);
}

let lastListUrl = paths.cases();
export const lastCaseListUrl = (): string => lastListUrl;

export function CaseList() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const location = useLocation();
  const query = readQuery(location.search);
  useDocumentTitle(t('cases.title'));

  useEffect(() => {
    lastListUrl = listUrl(query);
  });

  const people = useResource((signal) => api.inspectors(signal), []);
  const officers = people.data?.items.filter((person) => person.role === 'officer') ?? [];
  const result = useResource(
    (signal) =>
      enforcementApi.cases(
        {
          status: query.status || undefined,
          officerId: query.officerId || undefined,
          propertyId: query.propertyId || undefined,
          limit: pageSize,
          offset: query.offset,
        },
        signal,
      ),
    [query.status, query.officerId, query.propertyId, query.offset],
    { keepPrevious: true },
  );

  function change(patch: Partial<ListQuery>) {
    navigate(listUrl({ ...query, ...patch, offset: 0 }), { replace: true });
  }

  const page = result.data;
  const language = i18n.resolvedLanguage ?? 'de';
  const previous = query.offset > 0 ? Math.max(0, query.offset - pageSize) : undefined;
  const next =
    page && query.offset + page.items.length < page.total ? query.offset + pageSize : undefined;

  return (
    <section className="stack-lg" aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <div>
          <h1 id={`${id}-title`} tabIndex={-1} data-testid="cases-title">
            {t('cases.title')}
          </h1>
          <p className="page-head__sub">{t('cases.sorted')}</p>
        </div>
      </div>

      <form
        role="search"
        className="filters filters--inspections card card--tight"
        aria-label={t('cases.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('cases.status')}</label>
          <select
            id={`${id}-status`}
            value={query.status}
            onChange={(event) =>
              change({ status: isStatus(event.target.value) ? event.target.value : '' })
            }
            data-testid="filter-status"
          >
            <option value="">{t('cases.allStatuses')}</option>
            {caseStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`caseStatuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-officer`}>{t('cases.officer')}</label>
          <select
            id={`${id}-officer`}
            value={query.officerId}
            disabled={!people.data}
            onChange={(event) => change({ officerId: event.target.value })}
            data-testid="filter-officer"
          >
            <option value="">{t('cases.allOfficers')}</option>
            {officers.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        </div>
        <PropertyFilter
          id={`${id}-address`}
          address={query.address}
          propertyId={query.propertyId}
          onChange={(address, propertyId) => change({ address, propertyId })}
        />
      </form>

      <p className="visually-hidden" role="status">
        {result.loading ? t('app.loading') : page ? t('cases.count', { count: page.total }) : ''}
      </p>
      {result.error !== undefined && <LoadError error={result.error} onRetry={result.reload} />}
      {page && page.items.length === 0 && !result.loading && (
        <p className="card empty" data-testid="case-list-empty">
          {t('cases.empty')}
        </p>
      )}
      {page && page.items.length > 0 && (
        <div className="results" aria-busy={result.loading}>
          <p className="results__count">
            {t('properties.results.range', {
              from: (query.offset + 1).toLocaleString(language),
              to: (query.offset + page.items.length).toLocaleString(language),
              total: page.total.toLocaleString(language),
            })}
          </p>
          <CaseTable items={page.items} />
          <PagingNav
            previous={previous}
            next={next}
            href={(offset) => listUrl({ ...query, offset })}
          />
        </div>
      )}
    </section>
  );
}
