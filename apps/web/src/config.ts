// Map settings: a runtime config (`window.__HAUSAKTE_CONFIG__`, set by the deployment before
// the app's script) wins over build-time variables (`VITE_TILE_URL`, `VITE_TILE_ATTRIBUTION`).
// Without a tile URL the maps draw no basemap at all and request nothing from anywhere.

export interface RuntimeConfig {
  /** A Leaflet tile URL template, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`. */
  tileUrl?: string;
  /** HTML shown in the map's attribution (operator-provided). */
  tileAttribution?: string;
  /** Where a new property's map starts, `[lon, lat]` like GeoJSON. */
  mapCenter?: [number, number];
  mapZoom?: number;
}

declare global {
  interface Window {
    __HAUSAKTE_CONFIG__?: RuntimeConfig;
  }
}

export interface MapConfig {
  tileUrl: string | undefined;
  tileAttribution: string | undefined;
  /** Leaflet order: `[lat, lon]`. */
  center: [number, number];
  zoom: number;
}

// Herne, the model city (DOMAIN.md); a deployment sets its own centre.
const fallbackCenter: [number, number] = [7.2155, 51.5365];
const fallbackZoom = 13;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function lonLat(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [lon, lat] = value as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number') return undefined;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return undefined;
  return [lon, lat];
}

export function mapConfig(): MapConfig {
  const runtime: Partial<Record<keyof RuntimeConfig, unknown>> =
    typeof window === 'undefined' ? {} : (window.__HAUSAKTE_CONFIG__ ?? {});
  const env = import.meta.env;
  const [lon, lat] = lonLat(runtime.mapCenter) ?? fallbackCenter;
  const zoom = typeof runtime.mapZoom === 'number' ? runtime.mapZoom : fallbackZoom;
  return {
    tileUrl: text(runtime.tileUrl) ?? text(env.VITE_TILE_URL),
    tileAttribution: text(runtime.tileAttribution) ?? text(env.VITE_TILE_ATTRIBUTION),
    center: [lat, lon],
    zoom,
  };
}
