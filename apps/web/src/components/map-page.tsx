// The manager's map page ("Karte"): filters, layers, legend, count, area figures and exports
// around the map itself, which loads lazily with Leaflet (risk-map.tsx) so that other pages do
// not carry it. Filters and the map view live in the address: a bookmark opens the same map.
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, canReadRegister } from '../api';
import { formatNumber } from '../format';
import {
  canExportPersonalData,
  exportUrl,
  filterQuery,
  mapApi,
  mapClosures,
  mapSeverities,
  mapStages,
  readFilters,
  filterParams,
  tileUrlTemplate,
  type AreaShape,
  type MapFilters,
  type MapLayer,
} from '../map-api';
import { navigate, paths, useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { LoadError } from './page';
import type { AreaTool, Bbox, MapViewState, Outline, Ring } from './risk-map';
import { densityColours, densitySteps, riskColours } from './map-colours';
import { ChunkBoundary } from './chunk-boundary';

const RiskMapChunk = lazy(() =>
  import('./risk-map').then((module) => ({ default: module.RiskMap })),
);

interface PageState {
  filters: MapFilters;
  density: boolean;
  /** The districts' outlines drawn over the map. */
  outlines: boolean;
  view: MapViewState | undefined;
}

/** `ansicht=13/51.53650/7.21550`: zoom, latitude, longitude. */
function readView(value: string | null): MapViewState | undefined {
  const match = /^(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(value ?? '');
  if (!match) return undefined;
  const [zoom, lat, lon] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (zoom < 3 || zoom > 19 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return undefined;
  return { zoom, lat, lon };
}

function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  return {
    filters: readFilters(search),
    density: params.get('dichte') === '1',
    outlines: params.get('grenzen') === '1',
    view: readView(params.get('ansicht')),
  };
}

function pageUrl(state: PageState): string {
  const params = filterParams(state.filters);
  if (state.density) params.set('dichte', '1');
  if (state.outlines) params.set('grenzen', '1');
  if (state.view) {
    const { zoom, lat, lon } = state.view;
    params.set('ansicht', `${zoom}/${lat.toFixed(5)}/${lon.toFixed(5)}`);
  }
  const text = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return paths.map(text ? `?${text}` : '');
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list, value] : list.filter((item) => item !== value);

type Area =
  | { kind: 'bbox'; bbox: Bbox }
  | { kind: 'district'; districtId: string }
  | { kind: 'view'; bbox: Bbox }
  | { kind: 'polygon'; ring: Ring };

/** What the map outlines of an area: not a district (its outline is not at hand). */
function outlineOf(area: Area | undefined): Outline | undefined {
  if (!area || area.kind === 'district') return undefined;
  return area.kind === 'polygon' ? { ring: area.ring } : { bbox: area.bbox };
}

/** Everything of the map page below its heading (map-pages.tsx renders the heading). */
export function MapPageBody() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const id = useId();
  const location = useLocation();
  const state = useMemo(() => readState(location.search), [location.search]);
  const { filters } = state;
  const query = filterQuery(filters);
  const language = i18n.resolvedLanguage ?? 'de';
  // One drawing tool at a time: starting one ends the other.
  const [tool, setTool] = useState<AreaTool>();
  const toggleTool = (chosen: AreaTool) =>
    setTool((current) => (current === chosen ? undefined : chosen));
  const [area, setArea] = useState<Area>();
  const bounds = useRef<Bbox>(undefined);

  function update(change: Partial<PageState>) {
    navigate(pageUrl({ ...state, ...change }), { replace: true });
  }
  const setFilters = (change: Partial<MapFilters>) =>
    update({ filters: { ...filters, ...change } });

  // The view follows the map into the address; read back only when the page opens.
  const stateRef = useRef(state);
  stateRef.current = state;
  const initialView = useRef(state.view).current;
  function onView(view: MapViewState, viewBounds: Bbox) {
    bounds.current = viewBounds;
    const now = stateRef.current;
    if (
      now.view?.zoom === view.zoom &&
      now.view.lat.toFixed(5) === view.lat.toFixed(5) &&
      now.view.lon.toFixed(5) === view.lon.toFixed(5)
    )
      return;
    navigate(pageUrl({ ...now, view }), { replace: true });
  }

  const summary = useResource((signal) => mapApi.summary(filters, signal), [query], {
    keepPrevious: true,
  });
  const count = summary.data?.count;

  const districts = useResource(
    (signal) =>
      canReadRegister(user.role) ? api.districts(signal) : Promise.resolve({ items: [], total: 0 }),
    [user.role],
  );

  const countText =
    count === undefined
      ? t('map.count.loading')
      : t('map.count.shown', { count, formatted: formatNumber(count, language) });

  return (
    <>
      <div className="map-page__exports" role="group" aria-label={t('map.export.label')}>
        <a
          className="button button--secondary button--small"
          href={exportUrl('csv', filters)}
          download
          data-testid="map-export-csv"
        >
          {t('map.export.csv')}
        </a>
        <a
          className="button button--secondary button--small"
          href={exportUrl('geojson', filters)}
          download
          data-testid="map-export-geojson"
        >
          {t('map.export.geojson')}
        </a>
      </div>
      {!canExportPersonalData(user.role) && (
        <p className="field__hint">{t('map.export.withoutNames')}</p>
      )}

      <div className="map-layout">
        <div className="map-layout__main stack">
          <p className="map-count" id={`${id}-count`} data-testid="map-count" data-count={count}>
            <span role="status" aria-live="polite">
              {countText}
            </span>{' '}
            <a href={exportUrl('csv', filters)} download>
              {t('map.count.asList')}
            </a>
          </p>
          {summary.error !== undefined && (
            <LoadError error={summary.error} onRetry={summary.reload} />
          )}
          <div className="map-toolbar" role="group" aria-label={t('map.area.tools')}>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-pressed={tool === 'box'}
              onClick={() => toggleTool('box')}
              data-testid="map-select-area"
            >
              {tool === 'box' ? t('map.area.selecting') : t('map.area.select')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-pressed={tool === 'polygon'}
              onClick={() => toggleTool('polygon')}
              data-testid="map-draw-polygon"
            >
              {t('map.area.polygon')}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => bounds.current && setArea({ kind: 'view', bbox: bounds.current })}
              data-testid="map-area-view"
            >
              {t('map.area.view')}
            </button>
            {/* A live region: the drawing hint is read out when the polygon tool starts. */}
            <span className="field__hint" role="status" data-testid="map-area-hint">
              {tool === 'polygon' ? t('map.area.polygonHint') : t('map.area.hint')}
            </span>
          </div>
          <ChunkBoundary
            what="The map"
            fallback={
              <div className="map map--risk">
                <div className="map__canvas map__canvas--placeholder">{t('map.unavailable')}</div>
              </div>
            }
          >
            <Suspense
              fallback={
                <div className="map map--risk">
                  <div className="map__canvas map__canvas--placeholder" />
                </div>
              }
            >
              <RiskMapChunk
                tileUrl={tileUrlTemplate(filters)}
                density={state.density}
                outlines={state.outlines}
                tool={tool}
                onToolEnd={() => setTool(undefined)}
                onArea={(bbox) => setArea({ kind: 'bbox', bbox })}
                onPolygon={(ring) => setArea({ kind: 'polygon', ring })}
                area={outlineOf(area)}
                view={initialView}
                onView={onView}
                label={t('map.mapLabel')}
                describedBy={`${id}-count ${id}-legend`}
              />
            </Suspense>
          </ChunkBoundary>
        </div>

        <aside className="map-layout__side stack" aria-label={t('map.panel')}>
          <AreaFigures
            area={area}
            filters={filters}
            districtName={
              area?.kind === 'district'
                ? districts.data?.items.find((d) => d.id === area.districtId)?.name
                : undefined
            }
            onClear={() => setArea(undefined)}
          />
          <form
            className="card card--tight stack"
            aria-label={t('map.filters.label')}
            onSubmit={(event) => event.preventDefault()}
            data-testid="map-filters"
          >
            <LayerChoice
              layer={filters.layer}
              hasLandlord={Boolean(filters.landlord)}
              density={state.density}
              outlines={state.outlines}
              onLayer={(layer) => setFilters({ layer })}
              onDensity={(density) => update({ density })}
              onOutlines={(outlines) => update({ outlines })}
            />
            <CheckGroup
              legend={t('map.filters.stage')}
              name="stage"
              values={mapStages}
              chosen={filters.stage}
              label={(value) =>
                value === 'none' ? t('map.filters.noCase') : t(`caseStages.${value}`)
              }
              onChange={(stage) => setFilters({ stage })}
            />
            <CheckGroup
              legend={t('map.filters.severity')}
              name="severity"
              values={mapSeverities}
              chosen={filters.severity}
              label={(value) =>
                value === 'none' ? t('map.filters.noDefect') : t(`severities.${value}`)
              }
              onChange={(severity) => setFilters({ severity })}
            />
            <CheckGroup
              legend={t('map.filters.closure')}
              name="closure"
              values={mapClosures}
              chosen={filters.closure}
              label={(value) =>
                value === 'none' ? t('map.filters.noClosure') : t(`closureStatuses.${value}`)
              }
              onChange={(closure) => setFilters({ closure })}
            />
            <fieldset className="map-filters__group">
              <legend>{t('map.filters.flags')}</legend>
              <label className="choice">
                <input
                  type="checkbox"
                  name="overdue"
                  checked={filters.overdue}
                  onChange={(event) => setFilters({ overdue: event.target.checked })}
                  data-testid="map-filter-overdue"
                />
                {t('map.filters.overdue')}
              </label>
              <label className="choice">
                <input
                  type="checkbox"
                  name="reinspection"
                  checked={filters.reinspection}
                  onChange={(event) => setFilters({ reinspection: event.target.checked })}
                  data-testid="map-filter-reinspection"
                />
                {t('map.filters.reinspection')}
              </label>
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-district`}>{t('map.filters.district')}</label>
              <select
                id={`${id}-district`}
                name="district"
                value={filters.district[0] ?? ''}
                disabled={!districts.data}
                onChange={(event) =>
                  setFilters({ district: event.target.value ? [event.target.value] : [] })
                }
                data-testid="map-filter-district"
              >
                <option value="">{t('map.filters.allDistricts')}</option>
                {districts.data?.items.map((district) => (
                  <option key={district.id} value={district.id}>
                    {district.name}
                  </option>
                ))}
                <option value="none">{t('map.filters.noDistrict')}</option>
              </select>
              {filters.district[0] && filters.district[0] !== 'none' && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setArea({ kind: 'district', districtId: filters.district[0] })}
                  data-testid="map-area-district"
                >
                  {t('map.area.district')}
                </button>
              )}
            </div>
            {canReadRegister(user.role) && (
              <LandlordFilter
                landlord={filters.landlord}
                network={filters.network}
                onChange={(landlord, network) =>
                  setFilters({
                    landlord,
                    network: landlord ? network : false,
                    layer: !landlord && filters.layer === 'portfolio' ? 'problems' : filters.layer,
                  })
                }
              />
            )}
            {query !== '' && (
              <p>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => update({ filters: readFilters(''), density: state.density })}
                  data-testid="map-filters-reset"
                >
                  {t('map.filters.reset')}
                </button>
              </p>
            )}
          </form>
          <Legend id={`${id}-legend`} density={state.density} />
        </aside>
      </div>
    </>
  );
}

function LayerChoice({
  layer,
  hasLandlord,
  density,
  outlines,
  onLayer,
  onDensity,
  onOutlines,
}: {
  layer: MapLayer;
  hasLandlord: boolean;
  density: boolean;
  outlines: boolean;
  onLayer: (layer: MapLayer) => void;
  onDensity: (density: boolean) => void;
  onOutlines: (outlines: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="map-filters__group" data-testid="map-layers">
      <legend>{t('map.layers.label')}</legend>
      {(['problems', 'closures', 'portfolio'] as const).map((value) => (
        <label className="choice" key={value}>
          <input
            type="radio"
            name="layer"
            value={value}
            checked={layer === value}
            disabled={value === 'portfolio' && !hasLandlord}
            aria-describedby={value === 'portfolio' && !hasLandlord ? `${id}-portfolio` : undefined}
            onChange={() => onLayer(value)}
            data-testid={`map-layer-${value}`}
          />
          {t(`map.layers.${value}`)}
        </label>
      ))}
      {!hasLandlord && (
        <p id={`${id}-portfolio`} className="field__hint">
          {t('map.layers.portfolioHint')}
        </p>
      )}
      <label className="choice">
        <input
          type="checkbox"
          name="density"
          checked={density}
          onChange={(event) => onDensity(event.target.checked)}
          aria-describedby={`${id}-density`}
          data-testid="map-density"
        />
        {t('map.layers.density')}
      </label>
      <p id={`${id}-density`} className="field__hint">
        {t('map.layers.densityHint')}
      </p>
      <label className="choice">
        <input
          type="checkbox"
          name="outlines"
          checked={outlines}
          onChange={(event) => onOutlines(event.target.checked)}
          data-testid="map-outlines"
        />
        {t('map.layers.outlines')}
      </label>
    </fieldset>
  );
}

function CheckGroup<T extends string>({
  legend,
  name,
  values,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  onChange: (chosen: T[]) => void;
}) {
  return (
    <fieldset className="map-filters__group" data-testid={`map-filter-${name}`}>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label className="choice" key={value}>
          <input
            type="checkbox"
            name={name}
            value={value}
            checked={chosen.includes(value)}
            onChange={(event) =>
              // Keep the api's order whatever the order of clicks.
              onChange(
                values.filter((v) => toggle(chosen, value, event.target.checked).includes(v)),
              )
            }
          />
          {label(value)}
        </label>
      ))}
    </fieldset>
  );
}

// Names of landlords seen on this page, so a chosen one is not fetched again.
const landlordNames = new Map<string, string>();

function LandlordFilter({
  landlord,
  network,
  onChange,
}: {
  landlord: string | undefined;
  network: boolean;
  onChange: (landlord: string | undefined, network: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const hits = useResource(
    (signal) =>
      q.length >= 2 ? mapApi.landlords(q, signal) : Promise.resolve({ items: [], total: 0 }),
    [q],
  );
  const name = useResource(
    async (signal) => {
      if (!landlord) return undefined;
      const known = landlordNames.get(landlord);
      if (known) return known;
      const found = await mapApi.landlordName(landlord, signal);
      landlordNames.set(landlord, found.name);
      return found.name;
    },
    [landlord],
  );

  return (
    <fieldset className="map-filters__group" data-testid="map-filter-landlord">
      <legend>{t('map.filters.landlord')}</legend>
      {landlord ? (
        <p className="map-filters__chosen">
          <span data-testid="map-landlord-name">
            {name.data ?? (name.error instanceof ApiError ? t('map.filters.landlordUnknown') : '…')}
          </span>{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange(undefined, false)}
            data-testid="map-landlord-clear"
          >
            {t('map.filters.landlordClear')}
          </button>
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('map.filters.landlordSearch')}</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${id}-hint`}
            data-testid="map-landlord-search"
          />
          <p id={`${id}-hint`} className="field__hint" role="status">
            {q.length < 2
              ? t('map.filters.landlordHint')
              : hits.loading
                ? t('app.loading')
                : t('map.filters.landlordHits', { count: hits.data?.total ?? 0 })}
          </p>
          {hits.data && hits.data.items.length > 0 && (
            <ul className="map-filters__hits" aria-label={t('map.filters.landlordResults')}>
              {hits.data.items.map((hit) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      landlordNames.set(hit.id, hit.name);
                      setText('');
                      onChange(hit.id, network);
                    }}
                    data-testid="map-landlord-hit"
                  >
                    {hit.name}
                    {hit.city ? ` (${hit.city})` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <label className="choice">
        <input
          type="checkbox"
          name="network"
          checked={network}
          disabled={!landlord}
          onChange={(event) => onChange(landlord, event.target.checked)}
          data-testid="map-filter-network"
        />
        {t('map.filters.network')}
      </label>
    </fieldset>
  );
}

function Legend({ id, density }: { id: string; density: boolean }) {
  const { t } = useTranslation();
  const classes = ['low', 'medium', 'high', 'critical'] as const;
  return (
    <section className="card card--tight map-legend" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`} className="map-legend__title">
        {t('map.legend.title')}
      </h2>
      <ul className="map-legend__list" data-testid="map-legend">
        {classes.map((key, index) => (
          <li key={key}>
            <span
              className="map-legend__dot"
              style={{ background: riskColours[index] }}
              aria-hidden="true"
            />
            {t(`map.riskClasses.${key}`)} ({t(`map.legend.range.${key}`)})
          </li>
        ))}
      </ul>
      <p className="field__hint">{t('map.legend.cells')}</p>
      {density && (
        <>
          <h3 className="map-legend__title">{t('map.legend.density')}</h3>
          <ul className="map-legend__list">
            {densityColours.map((colour, index) => (
              <li key={colour}>
                <span
                  className="map-legend__square"
                  style={{ background: colour }}
                  aria-hidden="true"
                />
                {index === 0
                  ? t('map.legend.densityOne')
                  : index < densitySteps.length
                    ? t('map.legend.densityRange', {
                        from: densitySteps[index - 1] + 1,
                        to: densitySteps[index],
                      })
                    : t('map.legend.densityMore', { from: densitySteps[index - 1] + 1 })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AreaFigures({
  area,
  filters,
  districtName,
  onClear,
}: {
  area: Area | undefined;
  filters: MapFilters;
  districtName: string | undefined;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage ?? 'de';
  const shape: AreaShape | undefined =
    area === undefined
      ? undefined
      : area.kind === 'district'
        ? { districtId: area.districtId }
        : area.kind === 'polygon'
          ? // GeoJSON closes the ring by repeating its first position.
            { polygon: { type: 'Polygon', coordinates: [[...area.ring, area.ring[0]]] } }
          : { bbox: area.bbox };
  const key = JSON.stringify(shape);
  const figures = useResource(
    (signal) => (shape ? mapApi.area(shape, filters, signal) : Promise.resolve(undefined)),
    [key, filterQuery(filters)],
  );
  if (!area) return null;
  const n = (value: number) => formatNumber(value, language);
  const data = figures.data;
  return (
    <section
      className="card card--tight map-area"
      aria-labelledby={`${id}-title`}
      aria-busy={figures.loading}
      data-testid="map-area"
    >
      <div className="map-area__head">
        <h2 id={`${id}-title`} className="map-area__title">
          {area.kind === 'district'
            ? t('map.area.titleDistrict', { name: districtName ?? '' })
            : area.kind === 'view'
              ? t('map.area.titleView')
              : area.kind === 'polygon'
                ? t('map.area.titlePolygon')
                : t('map.area.titleBox')}
        </h2>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onClear}
          data-testid="map-area-clear"
        >
          {t('map.area.clear')}
        </button>
      </div>
      {figures.error instanceof ApiError && figures.error.status === 422 ? (
        // The area itself was refused (a polygon crossing itself): the server says why.
        <p className="banner banner--error" role="alert" data-testid="map-area-rejected">
          {t('map.area.rejected', { reason: figures.error.serverText ?? '' })}
        </p>
      ) : (
        figures.error !== undefined && <LoadError error={figures.error} onRetry={figures.reload} />
      )}
      {figures.loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && (
        <dl className="figures" data-testid="map-area-figures">
          <div>
            <dt>
              {filters.layer === 'portfolio'
                ? t('map.area.portfolioProperties')
                : t('map.area.problemProperties')}
            </dt>
            <dd data-testid="area-properties">{n(data.properties)}</dd>
          </div>
          <div>
            <dt>{t('map.area.openDefects')}</dt>
            <dd>
              {t('map.area.bySeverity', {
                c: n(data.openDefects.C),
                b: n(data.openDefects.B),
                a: n(data.openDefects.A),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('map.area.openItems')}</dt>
            <dd>{n(data.openItems)}</dd>
          </div>
          <div>
            <dt>{t('map.area.overdueItems')}</dt>
            <dd>{n(data.overdueItems)}</dd>
          </div>
          <div>
            <dt>{t('map.area.closures')}</dt>
            <dd>{n(data.closures)}</dd>
          </div>
          <div>
            <dt>{t('map.area.occupants')}</dt>
            <dd>{n(data.occupants)}</dd>
          </div>
          <div>
            <dt>{t('map.area.size')}</dt>
            <dd>{t('map.area.km2', { value: formatNumber(data.areaKm2, language, 2) })}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
