import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, canEditProperties, type PropertySummary } from '../api';
import { placeLine, streetLine } from '../format';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { LoadError, useDocumentTitle } from './page';
import { PagingNav } from './paging';

export const pageSize = 50;
const searchDelayMs = 250;

interface ListQuery {
  q: string;
  districtId: string;
  offset: number;
}

function readQuery(search: string): ListQuery {
  const params = new URLSearchParams(search);
  const offset = Number(params.get('offset') ?? 0);
  return {
    q: params.get('q') ?? '',
    districtId: params.get('district') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

function listUrl(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q);
  if (query.districtId) params.set('district', query.districtId);
  if (query.offset > 0) params.set('offset', String(query.offset));
  const text = params.toString();
  return paths.properties(text ? `?${text}` : '');
}

// The last list the user looked at, so that "All properties" on a detail page returns to it.
let lastListUrl = paths.properties();
export const lastPropertyListUrl = (): string => lastListUrl;

/** The register: search by address (typo tolerant on the server), filter by district, page. */
export function PropertyList() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const location = useLocation();
  const query = readQuery(location.search);
  const [text, setText] = useState(query.q);
  const pushedQ = useRef(query.q);

  useDocumentTitle(t('properties.title'));

  useEffect(() => {
    lastListUrl = listUrl(query);
  });

  // Back/forward changed the query in the address: show it in the box.
  useEffect(() => {
    if (query.q !== pushedQ.current) {
      pushedQ.current = query.q;
      setText(query.q);
    }
  }, [query.q]);

  function applySearch(value: string) {
    if (value === query.q) return;
    pushedQ.current = value;
    navigate(listUrl({ ...query, q: value, offset: 0 }), { replace: true });
  }

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if (text === query.q) return;
    const timer = window.setTimeout(() => applySearch(text), searchDelayMs);
    return () => window.clearTimeout(timer);
    // applySearch reads the query, which these name.
  }, [text, query.q, query.districtId]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    applySearch(text);
  }

  const districts = useResource((signal) => api.districts(signal), []);
  const result = useResource(
    (signal) =>
      api.properties(
        {
          q: query.q.trim() || undefined,
          districtId: query.districtId || undefined,
          limit: pageSize,
          offset: query.offset,
        },
        signal,
      ),
    [query.q, query.districtId, query.offset],
    { keepPrevious: true },
  );

  const page = result.data;
  const filtered = query.q.trim() !== '' || query.districtId !== '';
  const from = page && page.items.length > 0 ? query.offset + 1 : 0;
  const to = page ? query.offset + page.items.length : 0;
  const outOfRange = result.error instanceof ApiError && result.error.status === 422;

  return (
    <section className="stack-lg" aria-labelledby={`${id}-title`}>
      <div className="page-head">
        <h1 id={`${id}-title`} tabIndex={-1}>
          {t('properties.title')}
        </h1>
        {canEditProperties(user.role) && (
          <Link className="button button--primary" to={paths.propertyNew()}>
            {t('properties.new')}
          </Link>
        )}
      </div>

      <form
        role="search"
        className="filters card card--tight"
        aria-label={t('properties.filters')}
        onSubmit={submit}
      >
        <div className="field filters__search">
          <label htmlFor={`${id}-q`}>{t('properties.search.label')}</label>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${id}-q-hint`}
            data-testid="property-search"
          />
          <p id={`${id}-q-hint`} className="field__hint">
            {t('properties.search.hint')}
          </p>
        </div>
        <div className="field filters__district">
          <label htmlFor={`${id}-district`}>{t('properties.district.label')}</label>
          <select
            id={`${id}-district`}
            name="district"
            value={query.districtId}
            disabled={!districts.data}
            onChange={(event) =>
              navigate(listUrl({ ...query, districtId: event.target.value, offset: 0 }), {
                replace: true,
              })
            }
            data-testid="district-filter"
          >
            <option value="">{t('properties.district.all')}</option>
            {districts.data?.items.map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
      </form>

      <p className="visually-hidden" role="status">
        {result.loading
          ? t('properties.results.loading')
          : page
            ? t('properties.results.count', { count: page.total })
            : ''}
      </p>

      {result.error !== undefined && !outOfRange && (
        <LoadError error={result.error} onRetry={result.reload} />
      )}
      {outOfRange && (
        <p className="card">
          <Link to={listUrl({ ...query, offset: 0 })}>{t('properties.empty.firstPage')}</Link>
        </p>
      )}

      {page && page.items.length === 0 && !result.loading && !result.error && (
        <p className="card empty" data-testid="property-list-empty">
          {filtered ? t('properties.empty.noMatch') : t('properties.empty.none')}
        </p>
      )}

      {page && page.items.length > 0 && (
        <div className="results" aria-busy={result.loading}>
          <p className="results__count" data-testid="property-count">
            {t('properties.results.range', {
              from: from.toLocaleString(i18n.resolvedLanguage),
              to: to.toLocaleString(i18n.resolvedLanguage),
              total: page.total.toLocaleString(i18n.resolvedLanguage),
            })}
          </p>
          <PropertyTable items={page.items} />
          <Paging
            offset={query.offset}
            shown={page.items.length}
            total={page.total}
            href={(offset) => listUrl({ ...query, offset })}
          />
        </div>
      )}
    </section>
  );
}

function PropertyTable({ items }: { items: PropertySummary[] }) {
  const { t } = useTranslation();

  // The whole row opens the property for a pointer; keyboard users have the link in it.
  function openRow(event: MouseEvent<HTMLTableRowElement>, id: string) {
    if ((event.target as Element).closest('a, button')) return;
    if (window.getSelection()?.toString()) return;
    navigate(paths.property(id));
  }

  // Explicit roles keep the table's meaning when CSS lays rows out as cards on phones.
  return (
    <table className="data-table data-table--cards" role="table">
      <caption className="visually-hidden">{t('properties.results.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col">
            {t('properties.columns.address')}
          </th>
          <th role="columnheader" scope="col">
            {t('properties.columns.district')}
          </th>
          <th role="columnheader" scope="col" className="numeric">
            {t('properties.columns.units')}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {items.map((item) => (
          <tr
            key={item.id}
            role="row"
            className="data-table__row--link"
            onClick={(event) => openRow(event, item.id)}
            data-testid="property-row"
          >
            <td role="cell" className="data-table__primary">
              <Link to={paths.property(item.id)} className="row-link">
                {streetLine(item.primaryAddress)}
              </Link>
              <span className="muted"> {placeLine(item.primaryAddress)}</span>
            </td>
            <td role="cell" data-label={t('properties.columns.district')}>
              {item.district?.name ?? item.primaryAddress.district ?? t('common.none')}
            </td>
            <td role="cell" className="numeric" data-label={t('properties.columns.units')}>
              {item.unitCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface PagingProps {
  offset: number;
  shown: number;
  total: number;
  href: (offset: number) => string;
}

function Paging({ offset, shown, total, href }: PagingProps) {
  const previous = offset > 0 ? Math.max(0, offset - pageSize) : undefined;
  const next = offset + shown < total ? offset + pageSize : undefined;
  return <PagingNav previous={previous} next={next} href={href} />;
}
