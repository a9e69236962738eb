import { useEffect, useId, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  canPlanInspections,
  inspectionStatuses,
  type Inspection,
  type InspectionStatus,
} from '../api';
import { splitAddress } from '../format';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { formatDateTime, isDay, today } from '../time';
import { useResource } from '../use-resource';
import { kindLabel, StatusBadge, statusLabel } from './inspection-labels';
import { LoadError, useDocumentTitle } from './page';
import { PagingNav } from './paging';

const pageSize = 50;

interface ListQuery {
  /** '' = no lower bound; the list opens with today. */
  from: string;
  to: string;
  status: InspectionStatus | '';
  inspectorId: string;
  offset: number;
}

const isStatus = (value: string): value is InspectionStatus =>
  (inspectionStatuses as readonly string[]).includes(value);

function readQuery(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const from = params.has('von') ? (params.get('von') ?? '') : today();
  const to = params.get('bis') ?? '';
  const status = params.get('status') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  return {
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    status: isStatus(status) ? status : '',
    inspectorId: params.get('person') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

function listUrl(query: ListQuery): string {
  const params = new URLSearchParams();
  // "from" is always written: without it the list starts today.
  params.set('von', query.from);
  if (query.to) params.set('bis', query.to);
  if (query.status) params.set('status', query.status);
  if (query.inspectorId) params.set('person', query.inspectorId);
  if (query.offset > 0) params.set('offset', String(query.offset));
  return paths.inspections(`?${params.toString()}`);
}

let lastListUrl = paths.inspections();
export const lastInspectionListUrl = (): string => lastListUrl;

/** Inspections by days, status and person; officers plan from here. */
export function InspectionList() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const location = useLocation();
  const query = readQuery(location.search);
  useDocumentTitle(t('inspections.title'));

  useEffect(() => {
    lastListUrl = listUrl(query);
  });

  const planner = canPlanInspections(user.role);
  // The list of people is for planners; managers filter by days and status.
  const inspectors = useResource(
    (signal) => (planner ? api.inspectors(signal) : Promise.resolve(undefined)),
    [planner],
  );
  const result = useResource(
    (signal) =>
      api.inspections(
        {
          from: query.from || undefined,
          to: query.to || undefined,
          status: query.status || undefined,
          inspectorId: query.inspectorId || undefined,
          limit: pageSize,
          offset: query.offset,
        },
        signal,
      ),
    [query.from, query.to, query.status, query.inspectorId, query.offset],
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
        <h1 id={`${id}-title`} tabIndex={-1}>
          {t('inspections.title')}
        </h1>
        {planner && (
          <Link
            className="button button--primary"
            to={paths.inspectionNew()}
            data-testid="plan-inspection"
          >
            {t('inspections.plan')}
          </Link>
        )}
      </div>

      <form
        role="search"
        className="filters filters--inspections card card--tight"
        aria-label={t('inspections.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('inspections.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={query.from}
            onChange={(event) => change({ from: event.target.value })}
            data-testid="filter-from"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('inspections.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={query.to}
            min={query.from || undefined}
            onChange={(event) => change({ to: event.target.value })}
            data-testid="filter-to"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('inspections.status')}</label>
          <select
            id={`${id}-status`}
            value={query.status}
            onChange={(event) =>
              change({ status: isStatus(event.target.value) ? event.target.value : '' })
            }
            data-testid="filter-status"
          >
            <option value="">{t('inspections.allStatuses')}</option>
            {inspectionStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel(t, status)}
              </option>
            ))}
          </select>
        </div>
        {planner && (
          <div className="field">
            <label htmlFor={`${id}-person`}>{t('inspections.inspector')}</label>
            <select
              id={`${id}-person`}
              value={query.inspectorId}
              disabled={!inspectors.data}
              onChange={(event) => change({ inspectorId: event.target.value })}
              data-testid="filter-inspector"
            >
              <option value="">{t('inspections.allInspectors')}</option>
              {inspectors.data?.items.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>

      <p className="visually-hidden" role="status">
        {result.loading
          ? t('app.loading')
          : page
            ? t('inspections.count', { count: page.total })
            : ''}
      </p>
      {result.error !== undefined && <LoadError error={result.error} onRetry={result.reload} />}
      {page && page.items.length === 0 && !result.loading && (
        <p className="card empty" data-testid="inspection-list-empty">
          {t('inspections.empty')}
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
          <InspectionTable items={page.items} caption={t('inspections.caption')} />
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

interface TableProps {
  items: Inspection[];
  caption: string;
  /** Without the address column (on a property's own page). */
  withoutAddress?: boolean;
}

/** Inspections as a table; on phones each row is a card. */
export function InspectionTable({ items, caption, withoutAddress = false }: TableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';

  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    if ((event.target as Element).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(paths.inspection(id));
  }

  return (
    <table className="data-table data-table--cards" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">
            {t('inspections.columns.when')}
          </th>
          {!withoutAddress && (
            <th role="columnheader" scope="col">
              {t('inspections.columns.address')}
            </th>
          )}
          <th role="columnheader" scope="col">
            {t('inspections.columns.kind')}
          </th>
          <th role="columnheader" scope="col">
            {t('inspections.columns.status')}
          </th>
          <th role="columnheader" scope="col">
            {t('inspections.columns.inspectors')}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {items.map((item) => {
          const [street, place] = splitAddress(item.address);
          const when = formatDateTime(item.scheduledAt, language);
          return (
            <tr
              key={item.id}
              role="row"
              className="data-table__row--link"
              onClick={(event) => openRow(event, item.id)}
              data-testid="inspection-row"
            >
              <td role="cell" className="data-table__primary nowrap">
                {withoutAddress ? (
                  <Link to={paths.inspection(item.id)} className="row-link">
                    {when}
                  </Link>
                ) : (
                  when
                )}
              </td>
              {!withoutAddress && (
                <td role="cell" data-label={t('inspections.columns.address')}>
                  <Link to={paths.inspection(item.id)} className="row-link">
                    {street}
                  </Link>
                  {place && <span className="muted"> {place}</span>}
                </td>
              )}
              <td role="cell" data-label={t('inspections.columns.kind')}>
                {kindLabel(t, item.kind)}
              </td>
              <td role="cell" data-label={t('inspections.columns.status')}>
                <StatusBadge status={item.status} />
              </td>
              <td role="cell" data-label={t('inspections.columns.inspectors')}>
                {item.inspectors.map((person) => person.displayName).join(', ') || t('common.none')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
