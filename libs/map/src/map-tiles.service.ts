import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { type Role, roleHas } from '@hausakte/auth';
import { NotFoundProblem, ValidationProblem } from '@hausakte/platform';
import { isTileInRange, MAX_TILE_ZOOM } from './rules/grid-math';
import { type MapFilters, mapFiltersQuery, parseMapFilters } from './rules/map-filters';
import { riskClassOf } from './rules/risk-class';
import { MapTilesRepository } from './map-tiles.repository';
import type { MapPopupDto } from './map-tiles.dto';

/**
 * Who belongs to a landlord's network (lib landlords: `LandlordNetworksService`, bound in
 * MapModule): the one method the map needs.
 */
export interface LandlordNetworkLookup {
  networkMemberIds(landlordId: string): Promise<string[]>;
}
export const LANDLORD_NETWORK_LOOKUP = Symbol('LandlordNetworkLookup');

/** A tile answer: 200 with the encoded tile, 204 when empty, 304 when the client has it. */
export interface TileAnswer {
  status: 200 | 204 | 304;
  etag: string;
  body: Buffer | null;
}

/** Encoded tiles kept in process, by (data version, normalised request). */
const CACHE_BYTES = 64 * 1024 * 1024;
/**
 * The longest an entry is served: bounds the staleness the data version cannot see (a write that
 * commits after a later change_seq was read, a row deleted, a network that changed). Documented
 * in docs/api/map.md.
 */
const CACHE_TTL_MS = 60_000;

/**
 * How old the data version may be when a tile request uses it: within this window requests share
 * one read, so a cached tile costs no query of its own. A change shows at most this much later.
 */
const VERSION_MAX_AGE_MS = 250;

/** `x.mvt` → x; anything else is not a tile. */
const TILE_FILE = /^(\d{1,7})\.mvt$/;
const DIGITS = /^\d{1,7}$/;

/** The map's reads: vector tiles (cells or points), the count, the popup. */
@Injectable()
export class MapTilesService {
  private readonly cache = new LRUCache<string, { body: Buffer; etag: string }>({
    maxSize: CACHE_BYTES,
    sizeCalculation: (entry, key) => entry.body.length + key.length + 64,
    ttl: CACHE_TTL_MS,
  });

  private version: { value: string; readAt: number } | undefined;
  private versionRead: Promise<string> | undefined;

  constructor(
    private readonly tiles: MapTilesRepository,
    @Inject(LANDLORD_NETWORK_LOOKUP) private readonly networks: LandlordNetworkLookup,
  ) {}

  /** Validated filters, or a 422 naming each wrong parameter. */
  filters(query: Record<string, unknown>): MapFilters {
    const parsed = parseMapFilters(query);
    if (!parsed.ok) throw new ValidationProblem(parsed.errors);
    return parsed.filters;
  }

  /**
   * Tile z/x/y (`file` is `<y>.mvt`): from the in-process cache when the data version is the
   * one it was encoded at, else from PostGIS. `ifNoneMatch` gets a 304 when it names the ETag.
   */
  async tile(
    zParam: string,
    xParam: string,
    file: string,
    query: Record<string, unknown>,
    ifNoneMatch: string | undefined,
  ): Promise<TileAnswer> {
    const { z, x, y } = this.coordinates(zParam, xParam, file);
    const filters = this.filters(query);
    const landlordIds = await this.landlordIds(filters);
    const version = await this.dataVersion();
    const key = [
      version,
      `${z}/${x}/${y}`,
      mapFiltersQuery(filters),
      landlordIds ? landlordIds.join(',') : '',
    ].join('|');
    let entry = this.cache.get(key);
    if (!entry) {
      const body = await this.tiles.tile(z, x, y, filters, landlordIds);
      entry = { body, etag: etagOfTile(body) };
      this.cache.set(key, entry);
    }
    if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, entry.etag)) {
      return { status: 304, etag: entry.etag, body: null };
    }
    return entry.body.length === 0
      ? { status: 204, etag: entry.etag, body: null }
      : { status: 200, etag: entry.etag, body: entry.body };
  }

  async count(query: Record<string, unknown>): Promise<{ count: number }> {
    const filters = this.filters(query);
    return { count: await this.tiles.count(filters, await this.landlordIds(filters)) };
  }

  /** The popup; owner and manager names only for roles that may read the register. */
  async popup(propertyId: string, role: Role): Promise<MapPopupDto> {
    const withNames = roleHas(role, 'readRegister');
    const row = await this.tiles.popup(propertyId);
    if (!row) throw new NotFoundProblem('Property');
    const address =
      row.street === null ? null : `${row.street} ${row.house_number}, ${row.postcode} ${row.city}`;
    return {
      propertyId: row.property_id,
      address,
      location: [row.lon, row.lat],
      problem: row.problem,
      risk: {
        score: row.risk_score,
        class: riskClassOf(row.risk_score),
        factors: (row.factors ?? []) as MapPopupDto['risk']['factors'],
        computedAt: row.computed_at ? row.computed_at.toISOString() : null,
      },
      caseStage: row.case_stage as MapPopupDto['caseStage'],
      severity: row.severity as MapPopupDto['severity'],
      closureState: row.closure_state as MapPopupDto['closureState'],
      itemOverdue: row.item_overdue,
      reinspectionPlanned: row.reinspection_planned,
      openDefects: { A: row.open_defects_a, B: row.open_defects_b, C: row.open_defects_c },
      openItems: row.open_items,
      overdueItems: row.overdue_items,
      nextDeadline: row.next_deadline,
      occupants: row.occupants,
      owner: row.owner_id ? { id: row.owner_id, name: withNames ? row.owner_name : null } : null,
      manager: row.manager_id
        ? { id: row.manager_id, name: withNames ? row.manager_name : null }
        : null,
      link: row.property_id,
    };
  }

  /** The data version, read again when older than VERSION_MAX_AGE_MS, one read at a time. */
  private dataVersion(): Promise<string> {
    const now = Date.now();
    if (this.version && now - this.version.readAt < VERSION_MAX_AGE_MS) {
      return Promise.resolve(this.version.value);
    }
    this.versionRead ??= this.tiles
      .dataVersion()
      .then((value) => {
        // Aged from when the read began: a commit after that may not be in it.
        this.version = { value, readAt: now };
        return value;
      })
      .finally(() => {
        this.versionRead = undefined;
      });
    return this.versionRead;
  }

  /** The landlord, or its whole network; null without a landlord filter. Area and export use it too. */
  async landlordIds(filters: MapFilters): Promise<string[] | null> {
    if (filters.landlord === null) return null;
    if (!filters.network) return [filters.landlord];
    const ids = await this.networks.networkMemberIds(filters.landlord);
    return [...new Set([filters.landlord, ...ids])].sort();
  }

  /** 422 for a zoom or coordinate that is not a number, 404 for a tile outside the world. */
  private coordinates(zParam: string, xParam: string, file: string) {
    const match = TILE_FILE.exec(file);
    const errors = [
      ...(DIGITS.test(zParam) ? [] : [{ field: 'z', message: 'must be a whole number' }]),
      ...(DIGITS.test(xParam) ? [] : [{ field: 'x', message: 'must be a whole number' }]),
      ...(match ? [] : [{ field: 'y', message: 'must be a whole number followed by .mvt' }]),
    ];
    if (errors.length > 0) throw new ValidationProblem(errors);
    const z = Number(zParam);
    if (z > MAX_TILE_ZOOM) {
      throw new ValidationProblem([{ field: 'z', message: `must be 0 to ${MAX_TILE_ZOOM}` }]);
    }
    const x = Number(xParam);
    const y = Number(match![1]);
    if (!isTileInRange(z, x, y)) throw new NotFoundProblem('Tile');
    return { z, x, y };
  }
}

/** A strong ETag of the tile's bytes: a tile re-encoded unchanged keeps its ETag. */
export function etagOfTile(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Does an If-None-Match header name this ETag (weak comparison, lists, `*`)? */
export function etagMatches(header: string, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
