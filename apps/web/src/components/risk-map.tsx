// The manager's map (lazily loaded with Leaflet): the risk layer of our own vector tiles, a
// popup per property, a click on a cell zooms in, and a rectangle drawn with shift-drag (or
// after "Bereich wählen") or a polygon drawn click by click (after "Vieleck zeichnen") asks for
// the area's figures. The basemap is drawn only when one is configured (src/config.ts), as on
// the property page.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoJSON, MapContainer, Popup, ScaleControl, TileLayer, useMap } from 'react-leaflet';
import { mapConfig } from '../config';
import { formatDate } from '../format';
import { mapApi, type LandlordRef, type MapPropertyDetail } from '../map-api';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { LoadError, Loading } from './page';
import { RiskTileLayer, type Picked, type RiskLayerStatus } from './risk-tile-layer';

export type Bbox = [number, number, number, number];

/** A drawn polygon's corners `[lon, lat]`; the first is not repeated at the end. */
export type Ring = Array<[number, number]>;

/** The chosen area as the map outlines it. */
export type Outline = { bbox: Bbox } | { ring: Ring };

/** "Bereich wählen" (the next drag draws a rectangle) or "Vieleck zeichnen" (clicks set corners). */
export type AreaTool = 'box' | 'polygon';

export interface MapViewState {
  zoom: number;
  lat: number;
  lon: number;
}

export interface RiskMapProps {
  tileUrl: string;
  density: boolean;
  /** Draws the districts' outlines over the risk layer. */
  outlines: boolean;
  tool: AreaTool | undefined;
  onToolEnd: () => void;
  /** A rectangle was drawn: its bounds `[w, s, e, n]`. */
  onArea: (bbox: Bbox) => void;
  /** A polygon was drawn and closed. */
  onPolygon: (ring: Ring) => void;
  /** The area to outline (cleared: undefined). */
  area: Outline | undefined;
  view: MapViewState | undefined;
  onView: (view: MapViewState, bounds: Bbox) => void;
  label: string;
  describedBy: string;
}

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

const toBbox = (bounds: L.LatLngBounds): Bbox => [
  round(bounds.getWest(), 6),
  round(bounds.getSouth(), 6),
  round(bounds.getEast(), 6),
  round(bounds.getNorth(), 6),
];

const outlineStyle: L.PathOptions = {
  color: '#1d3557',
  weight: 2,
  dashArray: '6 4',
  fill: false,
  interactive: false,
};

/** The districts' outlines, loaded once when first shown; drawn on the overlay pane (SVG). */
function DistrictOutlines() {
  const outlines = useResource((signal) => mapApi.districtOutlines(signal), []);
  if (!outlines.data) return null;
  return <GeoJSON data={outlines.data} style={outlineStyle} />;
}

function Basemap() {
  const { tileUrl, tileAttribution } = useMemo(mapConfig, []);
  if (!tileUrl) return null;
  return <TileLayer url={tileUrl} attribution={tileAttribution} maxZoom={19} />;
}

export function RiskMap(props: RiskMapProps) {
  const config = useMemo(mapConfig, []);
  const [status, setStatus] = useState<RiskLayerStatus>({
    features: 0,
    loading: true,
    failed: false,
  });
  const [zoom, setZoom] = useState(props.view?.zoom ?? config.zoom);
  const { t } = useTranslation();
  return (
    <div
      className={`map map--risk${props.tool ? ' map--selecting' : ''}`}
      role="group"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      data-testid="risk-map"
      data-features={status.features}
      data-loading={status.loading ? 'true' : 'false'}
      data-zoom={zoom}
    >
      <MapContainer
        center={props.view ? [props.view.lat, props.view.lon] : config.center}
        zoom={props.view?.zoom ?? config.zoom}
        minZoom={6}
        maxZoom={19}
        fadeAnimation={false}
        boxZoom={false}
        attributionControl={Boolean(config.tileUrl)}
        className="map__canvas"
      >
        <Basemap />
        <RiskLayer
          tileUrl={props.tileUrl}
          density={props.density}
          onStatus={setStatus}
          onView={(view, bounds) => {
            setZoom(view.zoom);
            props.onView(view, bounds);
          }}
        />
        {props.outlines && <DistrictOutlines />}
        <AreaSelect active={props.tool === 'box'} onEnd={props.onToolEnd} onArea={props.onArea} />
        <PolygonDraw
          active={props.tool === 'polygon'}
          onEnd={props.onToolEnd}
          onPolygon={props.onPolygon}
        />
        <AreaOutline area={props.area} />
        <ScaleControl imperial={false} />
      </MapContainer>
      {status.failed && (
        <p className="banner banner--error map__notice" role="alert">
          {t('map.tilesFailed')}
        </p>
      )}
    </div>
  );
}

interface RiskLayerProps {
  tileUrl: string;
  density: boolean;
  onStatus: (status: RiskLayerStatus) => void;
  onView: (view: MapViewState, bounds: Bbox) => void;
}

/** Adds the tile layer once; new filters change its URL, the density toggle redraws. */
function RiskLayer({ tileUrl, density, onStatus, onView }: RiskLayerProps) {
  const map = useMap();
  const { expired } = useSession();
  const [layer, setLayer] = useState<RiskTileLayer>();
  const [picked, setPicked] = useState<Extract<Picked, { kind: 'property' }>>();
  const popup = useRef<L.Popup>(null);
  const callbacks = useRef({ onStatus, onView, expired });
  callbacks.current = { onStatus, onView, expired };

  useEffect(() => {
    const created = new RiskTileLayer({
      url: tileUrl,
      density,
      onStatus: (status) => callbacks.current.onStatus(status),
      onUnauthorized: () => callbacks.current.expired(),
    });
    created.addTo(map);
    setLayer(created);
    const report = () => {
      const center = map.getCenter();
      callbacks.current.onView(
        { zoom: map.getZoom(), lat: round(center.lat, 5), lon: round(center.lng, 5) },
        toBbox(map.getBounds()),
      );
    };
    const click = (event: L.LeafletMouseEvent) => {
      const hit = created.pick(event.latlng);
      if (!hit) return;
      if (hit.kind === 'cell') {
        // A cell holds many properties: look closer (from z11 straight to single properties).
        const zoom = map.getZoom();
        map.setView(hit.latlng, zoom >= 11 ? 13 : zoom + 2);
      } else {
        setPicked(hit);
      }
    };
    map.on('moveend', report);
    map.on('click', click);
    report();
    return () => {
      map.off('moveend', report);
      map.off('click', click);
      created.remove();
    };
    // Created once per map; URL and density follow through the effects below.
  }, [map]);

  useEffect(() => layer?.setUrl(tileUrl), [layer, tileUrl]);
  useEffect(() => layer?.setDensity(density), [layer, density]);

  if (!picked) return null;
  return (
    <Popup
      ref={popup}
      key={picked.id}
      position={picked.latlng}
      maxWidth={340}
      minWidth={240}
      eventHandlers={{ remove: () => setPicked(undefined) }}
    >
      {/* Loaded content is taller than "loading": lay out and pan again. */}
      <PropertyPopup id={picked.id} onShown={() => popup.current?.update()} />
    </Popup>
  );
}

const riskClassKeys = ['low', 'medium', 'high', 'critical'] as const;

/** The popup's text: address, risk with its factors, open items, next deadline, landlord. */
function PropertyPopup({ id, onShown }: { id: string; onShown: () => void }) {
  const { t, i18n } = useTranslation();
  const detail = useResource((signal) => mapApi.property(id, signal), [id]);
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => shown.current(), [detail.data, detail.error]);
  const language = i18n.resolvedLanguage ?? 'de';
  if (detail.error !== undefined) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const data: MapPropertyDetail = detail.data;
  const riskClass = Math.min(3, Math.max(0, data.risk.class));
  const landlord = (ref: LandlordRef | null) =>
    ref ? (
      <Link to={paths.landlord(ref.id)}>{ref.name ?? t('map.popup.unnamed')}</Link>
    ) : (
      t('common.none')
    );
  const state = [
    data.caseStage !== 'none' && t('map.popup.stage', { stage: t(`caseStages.${data.caseStage}`) }),
    data.severity !== 'none' && t('map.popup.severity', { severity: data.severity }),
    data.closureState !== 'none' &&
      t('map.popup.closure', { state: t(`closureStatuses.${data.closureState}`) }),
    data.reinspectionPlanned && t('map.popup.reinspection'),
  ].filter((text): text is string => typeof text === 'string');
  return (
    <div className="map-popup" data-testid="map-popup">
      <h2 className="map-popup__title" data-testid="map-popup-address">
        {data.address ?? t('map.popup.noAddress')}
      </h2>
      <p className="map-popup__risk" data-testid="map-popup-risk">
        <span className={`risk-swatch risk-swatch--${riskClass}`} aria-hidden="true" />
        {t('map.popup.risk', {
          score: data.risk.score,
          riskClass: t(`map.riskClasses.${riskClassKeys[riskClass]}`),
        })}
      </p>
      {data.risk.factors.length > 0 ? (
        <ul className="map-popup__factors" aria-label={t('map.popup.factors')}>
          {data.risk.factors.map((factor) => (
            <li key={factor.factor}>
              {language === 'en' ? factor.label.en : factor.label.de}
              {factor.count > 1 ? ` (${factor.count})` : ''}
              {': '}
              {t('map.popup.points', { count: factor.points })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('map.popup.noFactors')}</p>
      )}
      {state.length > 0 && <p className="map-popup__state">{state.join(' · ')}</p>}
      <dl className="map-popup__facts">
        <dt>{t('map.popup.openItems')}</dt>
        <dd data-testid="map-popup-open-items">
          {data.openItems}
          {data.overdueItems > 0
            ? ` (${t('map.popup.overdue', { count: data.overdueItems })})`
            : ''}
        </dd>
        <dt>{t('map.popup.nextDeadline')}</dt>
        <dd>{data.nextDeadline ? formatDate(data.nextDeadline, language) : t('common.none')}</dd>
        <dt>{t('map.popup.owner')}</dt>
        <dd>{landlord(data.owner)}</dd>
        {data.manager && (
          <>
            <dt>{t('map.popup.manager')}</dt>
            <dd>{landlord(data.manager)}</dd>
          </>
        )}
      </dl>
      <p>
        <Link to={paths.property(data.link)} data-testid="map-popup-link">
          {t('map.popup.open')}
        </Link>
      </p>
    </div>
  );
}

interface AreaSelectProps {
  active: boolean;
  onEnd: () => void;
  onArea: (bbox: Bbox) => void;
}

const areaStyle: L.PathOptions = {
  color: '#1d3557',
  weight: 2,
  dashArray: '6 4',
  fillColor: '#1d3557',
  fillOpacity: 0.08,
  interactive: false,
};

/**
 * Rectangle selection of our own: shift-drag at any time, or a plain drag after "Bereich
 * wählen". The pointer is taken in the capture phase, before Leaflet's own dragging sees it.
 */
function AreaSelect({ active, onEnd, onArea }: AreaSelectProps) {
  const map = useMap();
  const state = useRef({ active, onEnd, onArea });
  state.current = { active, onEnd, onArea };

  useEffect(() => {
    const container = map.getContainer();
    let start: L.LatLng | undefined;
    let drawing: L.Rectangle | undefined;

    const move = (event: PointerEvent) => {
      if (!start || !drawing) return;
      drawing.setBounds(L.latLngBounds(start, map.mouseEventToLatLng(event)));
    };
    const up = (event: PointerEvent) => {
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', up);
      if (!start || !drawing) return;
      const end = map.mouseEventToLatLng(event);
      const a = map.latLngToContainerPoint(start);
      const b = map.latLngToContainerPoint(end);
      const bounds = L.latLngBounds(start, end);
      drawing.remove();
      drawing = undefined;
      start = undefined;
      state.current.onEnd();
      // A click, not a drag: nothing selected.
      if (Math.abs(a.x - b.x) < 4 || Math.abs(a.y - b.y) < 4) return;
      // The click that ends a drag is not a click on a point of the map.
      const swallowClick = (click: MouseEvent) => click.stopPropagation();
      container.addEventListener('click', swallowClick, { capture: true, once: true });
      window.setTimeout(() => container.removeEventListener('click', swallowClick, true), 0);
      state.current.onArea(toBbox(bounds));
    };
    const down = (event: PointerEvent) => {
      if (event.button !== 0 || !(state.current.active || event.shiftKey)) return;
      const target = event.target as HTMLElement;
      if (target.closest('.leaflet-control, .leaflet-popup')) return;
      event.preventDefault();
      event.stopPropagation();
      start = map.mouseEventToLatLng(event);
      drawing = L.rectangle(L.latLngBounds(start, start), areaStyle).addTo(map);
      document.addEventListener('pointermove', move);
      document.addEventListener('pointerup', up);
    };
    container.addEventListener('pointerdown', down, { capture: true });
    // Leaflet listens to mousedown too: swallow it while a rectangle is being drawn.
    const swallow = (event: MouseEvent) => {
      if (start) event.stopPropagation();
    };
    container.addEventListener('mousedown', swallow, { capture: true });
    return () => {
      container.removeEventListener('pointerdown', down, { capture: true });
      container.removeEventListener('mousedown', swallow, { capture: true });
      document.removeEventListener('pointermove', move);
      document.removeEventListener('pointerup', up);
      drawing?.remove();
    };
  }, [map]);

  // Escape leaves "Bereich wählen" without drawing.
  useEffect(() => {
    if (!active) return;
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') state.current.onEnd();
    };
    document.addEventListener('keydown', escape);
    return () => document.removeEventListener('keydown', escape);
  }, [active]);

  return null;
}

const cornerStyle: L.CircleMarkerOptions = {
  radius: 5,
  color: '#1d3557',
  weight: 2,
  fillColor: '#ffffff',
  fillOpacity: 1,
  interactive: false,
  className: 'map-draw__corner',
};

/** Within a few pixels: a click there means that corner. */
const NEAR_PX = 8;

/**
 * Polygon drawing of our own ("Vieleck zeichnen"): a click sets a corner; a click on the first
 * corner, a double-click or Enter closes the ring; Backspace takes the last corner back, Escape
 * cancels. Clicks are taken in the capture phase so that they neither open a popup nor zoom
 * into a cell; dragging still pans.
 */
function PolygonDraw({
  active,
  onEnd,
  onPolygon,
}: {
  active: boolean;
  onEnd: () => void;
  onPolygon: (ring: Ring) => void;
}) {
  const map = useMap();
  const callbacks = useRef({ onEnd, onPolygon });
  callbacks.current = { onEnd, onPolygon };

  useEffect(() => {
    if (!active) return;
    const container = map.getContainer();
    const corners: L.LatLng[] = [];
    const drawn = L.layerGroup().addTo(map);
    const sides = L.polyline([], { ...areaStyle, dashArray: undefined }).addTo(drawn);
    const toPointer = L.polyline([], areaStyle).addTo(drawn);
    const dots = L.layerGroup().addTo(drawn);
    let pressedAt: L.Point | undefined;

    const redraw = () => {
      sides.setLatLngs(corners);
      toPointer.setLatLngs([]);
      dots.clearLayers();
      // The first corner is larger: clicking it closes the ring.
      corners.forEach((corner, index) =>
        L.circleMarker(corner, { ...cornerStyle, radius: index === 0 ? 7 : 5 }).addTo(dots),
      );
    };
    const close = () => {
      if (corners.length < 3) return;
      callbacks.current.onPolygon(corners.map((c) => [round(c.lng, 6), round(c.lat, 6)]));
      callbacks.current.onEnd();
    };
    const onControl = (event: Event) =>
      (event.target as HTMLElement).closest('.leaflet-control, .leaflet-popup') !== null;

    const down = (event: PointerEvent) => {
      pressedAt = map.mouseEventToContainerPoint(event);
    };
    const click = (event: MouseEvent) => {
      if (onControl(event)) return;
      event.stopPropagation();
      const at = map.mouseEventToContainerPoint(event);
      // The click that ends a pan is not a corner.
      if (pressedAt && pressedAt.distanceTo(at) > 4) return;
      const near = (corner: L.LatLng | undefined) =>
        corner !== undefined && map.latLngToContainerPoint(corner).distanceTo(at) < NEAR_PX;
      if (corners.length >= 3 && near(corners[0])) return close();
      // The second click of a double-click lands on the corner just set.
      if (near(corners[corners.length - 1])) return;
      corners.push(map.containerPointToLatLng(at));
      redraw();
    };
    const doubleClick = (event: MouseEvent) => {
      if (onControl(event)) return;
      event.stopPropagation();
      close();
    };
    const move = (event: PointerEvent) => {
      const last = corners[corners.length - 1];
      if (last) toPointer.setLatLngs([last, map.mouseEventToLatLng(event)]);
    };
    const leave = () => toPointer.setLatLngs([]);
    const key = (event: KeyboardEvent) => {
      if (event.key === 'Escape') return callbacks.current.onEnd();
      // Backspace and Enter keep their meaning in a form field.
      if ((event.target as HTMLElement).closest('input, textarea, select')) return;
      if (event.key === 'Backspace' && corners.length > 0) {
        event.preventDefault();
        corners.pop();
        redraw();
      } else if (event.key === 'Enter' && corners.length >= 3) {
        // Not also a press of the focused tool button.
        event.preventDefault();
        close();
      }
    };

    // A double-click closes the ring instead of zooming in.
    const zooms = map.doubleClickZoom.enabled();
    map.doubleClickZoom.disable();
    container.addEventListener('pointerdown', down, { capture: true });
    container.addEventListener('click', click, { capture: true });
    container.addEventListener('dblclick', doubleClick, { capture: true });
    container.addEventListener('pointermove', move);
    container.addEventListener('pointerleave', leave);
    document.addEventListener('keydown', key);
    return () => {
      if (zooms) map.doubleClickZoom.enable();
      container.removeEventListener('pointerdown', down, { capture: true });
      container.removeEventListener('click', click, { capture: true });
      container.removeEventListener('dblclick', doubleClick, { capture: true });
      container.removeEventListener('pointermove', move);
      container.removeEventListener('pointerleave', leave);
      document.removeEventListener('keydown', key);
      drawn.remove();
    };
  }, [map, active]);

  return null;
}

/** The chosen rectangle or polygon stays outlined until another is chosen or it is cleared. */
function AreaOutline({ area }: { area: Outline | undefined }) {
  const map = useMap();
  const key = JSON.stringify(area);
  useEffect(() => {
    if (!area) return;
    const style = { ...areaStyle, dashArray: undefined };
    const shape =
      'bbox' in area
        ? L.rectangle(
            [
              [area.bbox[1], area.bbox[0]],
              [area.bbox[3], area.bbox[2]],
            ],
            style,
          )
        : L.polygon(
            area.ring.map(([lon, lat]) => [lat, lon]),
            style,
          );
    shape.addTo(map);
    return () => {
      shape.remove();
    };
    // The key names the area's shape.
  }, [map, key]);

  return null;
}
