// The manager's overview ("Lagebild"): the headline figures, one row per district, and the
// last twelve months as charts (GET /api/v1/dashboard, docs/api/map.md). The district filter
// lives in the address (`?bezirk=`), so a bookmark opens the same view.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, canReadRegister } from '../api';
import { formatNumber } from '../format';
import { filterQuery, mapApi, readFilters, type Dashboard, type MapFilters } from '../map-api';
import { Link, navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { LoadError, Loading } from './page';
import { TrendChart } from './trend-chart';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Chart colours: each has at least 3:1 contrast on white. */
const colours = { primary: '#1d3557', warm: '#b35c00', danger: '#a4161a' };

/** Everything of the overview below its heading (map-pages.tsx renders the heading). */
export function DashboardBody() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const location = useLocation();
  const given = new URLSearchParams(location.search).get('bezirk') ?? '';
  const districtId = uuidPattern.test(given) ? given : undefined;
  const language = i18n.resolvedLanguage ?? 'de';
  const n = (value: number) => formatNumber(value, language);

  const dashboard = useResource((signal) => mapApi.dashboard(districtId, signal), [districtId], {
    keepPrevious: true,
  });
  const districts = useResource(
    (signal) =>
      canReadRegister(user.role) ? api.districts(signal) : Promise.resolve({ items: [], total: 0 }),
    [user.role],
  );
  const data: Dashboard | undefined = dashboard.data;
  const totals = data?.totals;
  const closuresTotal = totals
    ? totals.closures.declared + totals.closures.vacated + totals.closures.sealed
    : 0;
  const months = data?.trend.map((month) => month.month) ?? [];
  /** The map with these filters; a district row of `null` is the properties in no district. */
  const mapOf = (district: string | null | undefined, extra: Partial<MapFilters>) =>
    paths.map(
      filterQuery({
        ...readFilters(''),
        district: district === undefined ? [] : [district ?? 'none'],
        ...extra,
      }),
    );

  return (
    <>
      <form
        className="card card--tight dashboard__filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field dashboard__filter">
          <label htmlFor={`${id}-district`}>{t('dashboard.district')}</label>
          <select
            id={`${id}-district`}
            value={districtId ?? ''}
            disabled={!districts.data}
            onChange={(event) =>
              navigate(paths.dashboard(event.target.value ? `?bezirk=${event.target.value}` : ''), {
                replace: true,
              })
            }
            data-testid="dashboard-district"
          >
            <option value="">{t('dashboard.allDistricts')}</option>
            {districts.data?.items.map((district) => (
              <option key={district.id} value={district.id}>
                {district.name}
              </option>
            ))}
          </select>
        </div>
        <Link className="button button--secondary" to={mapOf(districtId, {})}>
          {t('dashboard.toMap')}
        </Link>
      </form>

      {dashboard.error !== undefined && (
        <LoadError error={dashboard.error} onRetry={dashboard.reload} />
      )}
      {!data && dashboard.loading && <Loading />}

      {data && totals && (
        <div className="stack-lg" aria-busy={dashboard.loading} data-testid="dashboard">
          <ul className="kpis" aria-label={t('dashboard.kpis')}>
            <Kpi
              label={t('dashboard.problemProperties')}
              value={n(totals.problemProperties)}
              testId="kpi-problem-properties"
              to={mapOf(districtId, {})}
            />
            <Kpi
              label={t('dashboard.openCases')}
              value={n(totals.openCases)}
              testId="kpi-open-cases"
            />
            <Kpi
              label={t('dashboard.overdueItems')}
              value={n(totals.overdueItems)}
              testId="kpi-overdue-items"
              to={mapOf(districtId, { overdue: true })}
              tone={totals.overdueItems > 0 ? 'danger' : undefined}
            />
            <Kpi
              label={t('dashboard.deadlinesThisWeek')}
              value={n(totals.deadlinesThisWeek)}
              testId="kpi-deadlines"
            />
            <Kpi
              label={t('dashboard.reinspectionsPlanned')}
              value={n(totals.reinspectionsPlanned)}
              testId="kpi-reinspections"
              to={mapOf(districtId, { reinspection: true })}
            />
            <Kpi
              label={t('dashboard.closures')}
              value={n(closuresTotal)}
              testId="kpi-closures"
              to={mapOf(districtId, { layer: 'closures' })}
              detail={[
                ...(['declared', 'vacated', 'sealed'] as const).map(
                  (state) => `${t(`closureStatuses.${state}`)}: ${n(totals.closures[state])}`,
                ),
                t('dashboard.releasedLastYear', {
                  count: totals.closures.releasedLast12Months,
                  formatted: n(totals.closures.releasedLast12Months),
                }),
              ].join(' · ')}
            />
          </ul>

          <section className="card stack" aria-labelledby={`${id}-trend`}>
            <h2 id={`${id}-trend`}>{t('dashboard.trend.title')}</h2>
            {months.length === 0 ? (
              <p className="empty">{t('dashboard.trend.empty')}</p>
            ) : (
              <div className="charts" data-testid="dashboard-charts">
                <TrendChart
                  title={t('dashboard.trend.casesAndOrders')}
                  kind="bar"
                  months={months}
                  testId="chart-cases"
                  series={[
                    {
                      key: 'casesOpened',
                      label: t('dashboard.trend.casesOpened'),
                      colour: colours.primary,
                      values: data.trend.map((m) => m.casesOpened),
                    },
                    {
                      key: 'ordersServed',
                      label: t('dashboard.trend.ordersServed'),
                      colour: colours.warm,
                      values: data.trend.map((m) => m.ordersServed),
                    },
                  ]}
                />
                <TrendChart
                  title={t('dashboard.trend.itemsOverdue')}
                  kind="line"
                  months={months}
                  testId="chart-overdue"
                  series={[
                    {
                      key: 'itemsOverdue',
                      label: t('dashboard.trend.itemsOverdue'),
                      colour: colours.danger,
                      values: data.trend.map((m) => m.itemsOverdue),
                    },
                  ]}
                />
                <TrendChart
                  title={t('dashboard.trend.closuresDeclared')}
                  kind="bar"
                  months={months}
                  testId="chart-closures"
                  series={[
                    {
                      key: 'closuresDeclared',
                      label: t('dashboard.trend.closuresDeclared'),
                      colour: colours.primary,
                      values: data.trend.map((m) => m.closuresDeclared),
                    },
                  ]}
                />
              </div>
            )}
          </section>

          <section className="card stack" aria-labelledby={`${id}-districts`}>
            <h2 id={`${id}-districts`}>{t('dashboard.districts.title')}</h2>
            {data.districts.length === 0 ? (
              <p className="empty">{t('dashboard.districts.empty')}</p>
            ) : (
              <div className="table-scroll">
                <table className="data-table" data-testid="dashboard-districts">
                  <caption className="visually-hidden">{t('dashboard.districts.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.districts.name')}</th>
                      <th scope="col" className="numeric">
                        {t('dashboard.problemProperties')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('dashboard.openCases')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('dashboard.overdueItems')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('dashboard.activeClosures')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.districts.map((district) => (
                      <tr key={district.districtId ?? 'none'} data-testid="dashboard-district-row">
                        <th scope="row">
                          <Link to={mapOf(district.districtId, {})}>
                            {district.name ?? t('dashboard.districts.none')}
                          </Link>
                        </th>
                        <td className="numeric">{n(district.problemProperties)}</td>
                        <td className="numeric">{n(district.openCases)}</td>
                        <td className="numeric">{n(district.overdueItems)}</td>
                        <td className="numeric">{n(district.activeClosures)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function Kpi({
  label,
  value,
  testId,
  to,
  tone,
  detail,
}: {
  label: string;
  value: string;
  testId: string;
  to?: string;
  tone?: 'danger';
  detail?: string;
}) {
  const { t } = useTranslation();
  return (
    <li className={`kpi card card--tight${tone ? ` kpi--${tone}` : ''}`} data-testid={testId}>
      <span className="kpi__label">{label}</span>
      <span className="kpi__value">{value}</span>
      {detail && <span className="kpi__detail">{detail}</span>}
      {to && (
        <Link className="kpi__link" to={to}>
          {t('dashboard.onMap')}
          <span className="visually-hidden">: {label}</span>
        </Link>
      )}
    </li>
  );
}
