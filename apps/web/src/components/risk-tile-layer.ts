// The problem-property layer: a canvas L.GridLayer over our own vector tiles (docs/api/map.md).
// Each tile is fetched with `cache: 'no-cache'` (the browser revalidates with its ETag and takes
// a 304 from its cache), decoded with @mapbox/vector-tile + pbf, and drawn as one Path2D per
// risk class (ARCHITECTURE.md, Map: the fastest of the ways measured here). The decoded points
// stay with their tile, so a click is hit-tested here rather than by the canvas.
import { VectorTile } from '@mapbox/vector-tile';
import L from 'leaflet';
import { PbfReader } from 'pbf';
import { densityColours, densitySteps, riskColours } from './map-colours';

const outline = '#1b2430';
/** Grid cells are 1/32 of a tile side (map.md): 8 px on a 256 px tile. */
const cellsPerTile = 32;

export interface TilePoint {
  /** Position in tile pixels (may lie in the buffer, outside 0…256). */
  x: number;
  y: number;
  r: number;
  riskClass: number;
  /** A property's id (layer `properties`). */
  id?: string;
  /** How many properties a cell holds (layer `cells`). */
  n?: number;
}

interface TileData {
  kind: 'cells' | 'properties';
  points: TilePoint[];
  /** Points inside the tile proper (the buffer repeats its neighbours' points). */
  inner: number;
}

export type Picked =
  | { kind: 'property'; id: string; latlng: L.LatLng }
  | { kind: 'cell'; n: number; latlng: L.LatLng };

export interface RiskLayerStatus {
  /** Points decoded in the tiles on screen (buffer copies not counted). */
  features: number;
  loading: boolean;
  /** A tile failed (not 401): the map may be incomplete. */
  failed: boolean;
}

export interface RiskTileOptions extends L.GridLayerOptions {
  /** `/api/v1/map/tiles/{z}/{x}/{y}.mvt?…` */
  url: string;
  density: boolean;
  onStatus?: (status: RiskLayerStatus) => void;
  onUnauthorized?: () => void;
}

/** Circle radius of a cell by its count: 3 px for one, 8 px (a cell's width) from about 30. */
export const cellRadius = (n: number): number => Math.min(8, 3 + 1.5 * Math.log2(Math.max(1, n)));
const propertyRadius = 6;

export const densityStep = (n: number): number => {
  const index = densitySteps.findIndex((bound) => n <= bound);
  return index < 0 ? densitySteps.length : index;
};

function decode(buffer: ArrayBuffer, tileSize: number): TileData | undefined {
  const tile = new VectorTile(new PbfReader(buffer));
  const layer = tile.layers.properties ?? tile.layers.cells;
  if (!layer) return undefined;
  const kind = layer.name === 'cells' ? 'cells' : 'properties';
  const scale = tileSize / layer.extent;
  const points: TilePoint[] = [];
  let inner = 0;
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const props = feature.properties;
    const riskClass = Number(kind === 'cells' ? props.max_class : props.risk_class) || 0;
    const n = kind === 'cells' ? Number(props.n) || 0 : undefined;
    for (const ring of feature.loadGeometry()) {
      for (const point of ring) {
        if (point.x >= 0 && point.x < layer.extent && point.y >= 0 && point.y < layer.extent) {
          inner++;
        }
        points.push({
          x: point.x * scale,
          y: point.y * scale,
          r: n === undefined ? propertyRadius : cellRadius(n),
          riskClass: Math.min(3, Math.max(0, riskClass)),
          id: typeof props.id === 'string' ? props.id : undefined,
          n,
        });
      }
    }
  }
  return { kind, points, inner };
}

function draw(canvas: HTMLCanvasElement, data: TileData, density: boolean, tileSize: number) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = tileSize * ratio;
  canvas.height = tileSize * ratio;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, tileSize, tileSize);
  if (data.kind === 'cells' && density) {
    // Heat-like grid: each cell a square of its own size, darker for more properties.
    const size = tileSize / cellsPerTile;
    const paths = densityColours.map(() => new Path2D());
    for (const point of data.points) {
      const x = Math.floor(point.x / size) * size;
      const y = Math.floor(point.y / size) * size;
      paths[densityStep(point.n ?? 1)].rect(x, y, size, size);
    }
    context.globalAlpha = 0.85;
    paths.forEach((path, index) => {
      context.fillStyle = densityColours[index];
      context.fill(path);
    });
    return;
  }
  // One path per risk class, critical last (on top).
  const paths = riskColours.map(() => new Path2D());
  for (const point of data.points) {
    const path = paths[point.riskClass];
    path.moveTo(point.x + point.r, point.y);
    path.arc(point.x, point.y, point.r, 0, Math.PI * 2);
  }
  context.lineWidth = 1.25;
  context.strokeStyle = outline;
  paths.forEach((path, index) => {
    context.fillStyle = riskColours[index];
    context.fill(path);
    context.stroke(path);
  });
}

export class RiskTileLayer extends L.GridLayer {
  private url: string;
  private density: boolean;
  private readonly data = new Map<string, TileData>();
  private readonly requests = new Map<string, AbortController>();
  private failed = false;
  private reportQueued = false;
  private readonly onStatus: RiskTileOptions['onStatus'];
  private readonly onUnauthorized: RiskTileOptions['onUnauthorized'];

  constructor({ url, density, onStatus, onUnauthorized, ...options }: RiskTileOptions) {
    super({ updateWhenZooming: false, keepBuffer: 1, ...options });
    this.url = url;
    this.density = density;
    this.onStatus = onStatus;
    this.onUnauthorized = onUnauthorized;
    this.on('tileunload', (event: L.TileEvent) => {
      const key = this._tileCoordsToKey(event.coords);
      this.requests.get(key)?.abort();
      this.requests.delete(key);
      this.data.delete(key);
      this.report();
    });
    this.on('load', () => this.report());
  }

  /** New filters: every tile is fetched again (a 304 where nothing changed). */
  setUrl(url: string): void {
    if (url === this.url) return;
    this.url = url;
    this.failed = false;
    this.redraw();
  }

  /** Circles or the density grid: the decoded tiles are drawn again, nothing is fetched. */
  setDensity(density: boolean): void {
    if (density === this.density) return;
    this.density = density;
    const size = this.getTileSize().x;
    for (const [key, data] of this.data) {
      const tile = this._tiles[key]?.el as HTMLCanvasElement | undefined;
      if (tile) draw(tile, data, density, size);
    }
  }

  protected override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const canvas = document.createElement('canvas');
    const size = this.getTileSize();
    canvas.width = size.x;
    canvas.height = size.y;
    const key = this._tileCoordsToKey(coords);
    const wrapped = this._wrapCoords(coords);
    const url = L.Util.template(this.url, { z: coords.z, x: wrapped.x, y: wrapped.y });
    const controller = new AbortController();
    this.requests.get(key)?.abort();
    this.requests.set(key, controller);
    this.report();
    void this.load(url, controller.signal).then(
      (buffer) => {
        if (controller.signal.aborted) return;
        this.requests.delete(key);
        const data = buffer && decode(buffer, size.x);
        if (data) {
          this.data.set(key, data);
          draw(canvas, data, this.density, size.x);
        }
        done(undefined, canvas);
        this.report();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.requests.delete(key);
        if (!(error instanceof UnauthorizedError)) this.failed = true;
        done(error instanceof Error ? error : new Error(String(error)), canvas);
        this.report();
      },
    );
    return canvas;
  }

  private async load(url: string, signal: AbortSignal): Promise<ArrayBuffer | undefined> {
    const response = await fetch(url, {
      cache: 'no-cache',
      credentials: 'same-origin',
      headers: { Accept: 'application/vnd.mapbox-vector-tile' },
      signal,
    });
    if (response.status === 204) return undefined;
    if (response.status === 401) {
      this.onUnauthorized?.();
      throw new UnauthorizedError();
    }
    if (!response.ok) throw new Error(`tile ${url}: HTTP ${response.status}`);
    return response.arrayBuffer();
  }

  /** Tells the page what is drawn, once per burst of tile events. */
  private report(): void {
    if (this.reportQueued) return;
    this.reportQueued = true;
    queueMicrotask(() => {
      this.reportQueued = false;
      let features = 0;
      for (const data of this.data.values()) features += data.inner;
      this.onStatus?.({ features, loading: this.requests.size > 0, failed: this.failed });
    });
  }

  /** What lies under a click: the nearest point within its radius (plus a little) on its tile. */
  pick(latlng: L.LatLng): Picked | undefined {
    const map = this._map as L.Map | undefined;
    const zoom = this._tileZoom;
    if (!map || zoom === undefined) return undefined;
    const size = this.getTileSize();
    const pixel = map.project(latlng, zoom);
    const tx = Math.floor(pixel.x / size.x);
    const ty = Math.floor(pixel.y / size.y);
    const data = this.data.get(`${tx}:${ty}:${zoom}`);
    if (!data) return undefined;
    const x = pixel.x - tx * size.x;
    const y = pixel.y - ty * size.y;
    // At a fractional zoom tiles are scaled; the tolerance is in screen pixels.
    const tolerance = 3 / map.getZoomScale(map.getZoom(), zoom);
    let best: TilePoint | undefined;
    let bestDistance = Infinity;
    for (const point of data.points) {
      const distance = Math.hypot(point.x - x, point.y - y);
      const reach = data.kind === 'cells' && this.density ? size.x / cellsPerTile : point.r;
      if (distance <= reach + tolerance && distance < bestDistance) {
        best = point;
        bestDistance = distance;
      }
    }
    if (!best) return undefined;
    const at = map.unproject([tx * size.x + best.x, ty * size.y + best.y], zoom);
    if (data.kind === 'cells') return { kind: 'cell', n: best.n ?? 0, latlng: at };
    return best.id ? { kind: 'property', id: best.id, latlng: at } : undefined;
  }
}

class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}
