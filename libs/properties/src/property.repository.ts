import { Injectable } from '@nestjs/common';
import type { Point } from 'typeorm';
import { Bounds, TransactionHost, Tx } from '@hausakte/platform';
import { Building } from './building.entity';
import { District } from './district.entity';
import { normalizeSearch } from './address-search';
import type { NearFilter } from './geo-filters';
import { PropertyAddress } from './property-address.entity';
import { Property } from './property.entity';
import { Unit } from './unit.entity';

export interface PropertyListFilter {
  q?: string;
  bbox?: Bounds;
  near?: NearFilter;
  districtId?: string;
  limit: number;
  offset: number;
}

export interface PropertySummaryRow {
  id: string;
  version: number;
  location: Point;
  address_id: string;
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  address_district: string | null;
  district_id: string | null;
  district_name: string | null;
  unit_count: number;
  distance_m: number | null;
  total: string;
}

/** An address row that may name the wanted address: its street starts with the normalized one. */
export interface AddressCandidateRow {
  property_id: string;
  street: string;
  house_number: string;
  postcode: string;
}

export interface NearestPropertyRow {
  id: string;
  distance_m: number;
}

/** Metres per degree of latitude; a degree of longitude is this times cos(latitude). */
const METRES_PER_DEGREE = 111_320;

/** A box in degrees that surely holds a circle of `radiusM` around a point at `lat`. */
const degreesAround = (radiusM: number, lat: number) =>
  radiusM / (METRES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));

/**
 * The list query as SQL and parameters. Exported so the benchmark's raw server runs exactly
 * the same statement as the app.
 */
export function propertyListQuery(filter: PropertyListFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  const order: string[] = [];
  let distance = 'NULL::float8';
  let rank = '';

  if (filter.bbox) {
    const { minLon, minLat, maxLon, maxLat } = filter.bbox;
    // && on a point is "inside or on the edge", and uses the GiST index.
    where.push(
      `p.location && ST_MakeEnvelope(${param(minLon)}, ${param(minLat)}, ${param(maxLon)}, ${param(maxLat)}, 4326)`,
    );
  }
  if (filter.near) {
    const { lon, lat, radiusM } = filter.near;
    const point = `ST_SetSRID(ST_MakePoint(${param(lon)}, ${param(lat)}), 4326)`;
    // A degree box that surely holds the circle narrows by the index; geography measures metres.
    const degrees = degreesAround(radiusM, lat);
    distance = `ST_Distance(p.location::geography, ${point}::geography)`;
    where.push(`ST_DWithin(p.location, ${point}, ${param(degrees)})`);
    where.push(`ST_DWithin(p.location::geography, ${point}::geography, ${param(radiusM)})`);
    order.push('distance_m');
  }
  if (filter.districtId) where.push(`p.district_id = ${param(filter.districtId)}`);
  if (filter.q && normalizeSearch(filter.q)) {
    const q = param(normalizeSearch(filter.q));
    // Any of the property's addresses may match; rank by the best one.
    rank = `(SELECT max(word_similarity(${q}, s.search_text)) FROM property_addresses s WHERE s.property_id = p.id)`;
    where.push(
      `p.id IN (SELECT s.property_id FROM property_addresses s WHERE ${q} <% s.search_text)`,
    );
    order.unshift(`${rank} DESC`);
  }
  order.push('a.street', 'a.house_number', 'p.id');

  const sql = `
    SELECT p.id, p.version, ST_AsGeoJSON(p.location)::json AS location,
           a.id AS address_id, a.street, a.house_number, a.postcode, a.city, a.district AS address_district,
           d.id AS district_id, d.name AS district_name,
           (SELECT count(*) FROM units u WHERE u.property_id = p.id)::int AS unit_count,
           ${distance} AS distance_m,
           count(*) OVER () AS total
      FROM properties p
      -- Per property, by the one-primary index: a plain join makes the planner scan every address.
      JOIN LATERAL (
        SELECT * FROM property_addresses pa WHERE pa.property_id = p.id AND pa.is_primary LIMIT 1
      ) a ON true
      LEFT JOIN districts d ON d.id = p.district_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order.join(', ')}
     LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`;
  return { sql, params };
}

@Injectable()
export class PropertyRepository {
  constructor(private readonly txHost: TransactionHost) {}

  private get manager() {
    return (this.txHost as Tx).tx;
  }

  async list(filter: PropertyListFilter): Promise<{ rows: PropertySummaryRow[]; total: number }> {
    const { sql, params } = propertyListQuery(filter);
    const rows: PropertySummaryRow[] = await this.manager.query(sql, params);
    if (rows.length > 0 || filter.offset === 0)
      return { rows, total: rows.length ? Number(rows[0].total) : 0 };
    // Paged past the end: the window count has no row to ride on, so count on its own.
    const { sql: countSql, params: countParams } = propertyListQuery({
      ...filter,
      limit: 1,
      offset: 0,
    });
    const first: PropertySummaryRow[] = await this.manager.query(countSql, countParams);
    return { rows, total: first.length ? Number(first[0].total) : 0 };
  }

  /**
   * Addresses that may be the wanted one: the normalized search text starts with the normalized
   * street and a space (the trigram index serves the LIKE), the house number is the same up to
   * case, blanks and dashes ("12 a" = "12a" = "12-A"), the postcode when one is given, and the
   * property lies within `within` (the city's bounds: the table may hold a whole state; `&&`
   * uses the location's GiST index). Primary addresses and older properties first; the caller
   * compares the street exactly.
   */
  addressCandidates(where: {
    normalizedStreet: string;
    compactHouseNumber: string;
    postcode?: string;
    within: Bounds;
  }): Promise<AddressCandidateRow[]> {
    const { minLon, minLat, maxLon, maxLat } = where.within;
    const params: unknown[] = [
      `${where.normalizedStreet} %`,
      where.compactHouseNumber,
      minLon,
      minLat,
      maxLon,
      maxLat,
    ];
    const byPostcode =
      where.postcode === undefined ? '' : `AND a.postcode = $${params.push(where.postcode)}`;
    return this.manager.query(
      `SELECT a.property_id, a.street, a.house_number, a.postcode
         FROM property_addresses a
         JOIN properties p ON p.id = a.property_id
        WHERE a.search_text LIKE $1
          AND regexp_replace(lower(a.house_number), '[^[:alnum:]]+', '', 'g') = $2
          AND p.location && ST_MakeEnvelope($3, $4, $5, $6, 4326)
          ${byPostcode}
        ORDER BY a.is_primary DESC, p.created_at, p.id
        LIMIT 100`,
      params,
    );
  }

  /**
   * The property nearest to the point within `radiusM` metres (geography) and within `within`
   * (the city's bounds), or null.
   */
  async nearest(
    lon: number,
    lat: number,
    radiusM: number,
    within: Bounds,
  ): Promise<NearestPropertyRow | null> {
    const point = 'ST_SetSRID(ST_MakePoint($1, $2), 4326)';
    const rows: NearestPropertyRow[] = await this.manager.query(
      `SELECT p.id, ST_Distance(p.location::geography, ${point}::geography) AS distance_m
         FROM properties p
        WHERE ST_DWithin(p.location, ${point}, $3)
          AND ST_DWithin(p.location::geography, ${point}::geography, $4)
          AND p.location && ST_MakeEnvelope($5, $6, $7, $8, 4326)
        ORDER BY distance_m, p.id
        LIMIT 1`,
      [
        lon,
        lat,
        degreesAround(radiusM, lat),
        radiusM,
        within.minLon,
        within.minLat,
        within.maxLon,
        within.maxLat,
      ],
    );
    return rows[0] ? { id: rows[0].id, distance_m: Number(rows[0].distance_m) } : null;
  }

  exists(id: string): Promise<boolean> {
    return this.manager.getRepository(Property).existsBy({ id });
  }

  /** The property with addresses (primary first), buildings and units (by label), and district. */
  async findDetail(id: string, lock = false): Promise<Property | null> {
    if (lock) {
      const locked = await this.manager
        .getRepository(Property)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) return null;
    }
    return this.manager.getRepository(Property).findOne({
      where: { id },
      relations: { addresses: true, buildings: { units: true }, district: true },
      order: {
        addresses: { isPrimary: 'DESC', street: 'ASC', houseNumber: 'ASC' },
        buildings: { label: 'ASC', units: { floor: 'ASC', label: 'ASC' } },
      },
    });
  }

  async districtAt(location: Point): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM districts WHERE ST_Contains(outline, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) ORDER BY name LIMIT 1`,
      [JSON.stringify(location)],
    );
    return rows[0]?.id ?? null;
  }

  saveProperty(property: Partial<Property>): Promise<Property> {
    const repository = this.manager.getRepository(Property);
    return repository.save(repository.create(property));
  }

  async replaceAddresses(
    propertyId: string,
    addresses: Array<Omit<PropertyAddress, 'id' | 'propertyId'>>,
  ): Promise<void> {
    const repository = this.manager.getRepository(PropertyAddress);
    await repository.delete({ propertyId });
    await repository.insert(addresses.map((address) => ({ ...address, propertyId })));
  }

  findBuilding(
    propertyId: string,
    where: { id?: string; label?: string },
  ): Promise<Building | null> {
    return this.manager.getRepository(Building).findOneBy({ propertyId, ...where });
  }

  saveBuilding(building: Partial<Building>): Promise<Building> {
    const repository = this.manager.getRepository(Building);
    return repository.save(repository.create(building));
  }

  saveUnit(unit: Partial<Unit>): Promise<Unit> {
    const repository = this.manager.getRepository(Unit);
    return repository.save(repository.create(unit));
  }

  async unitLabelTaken(buildingId: string, label: string): Promise<boolean> {
    return this.manager.getRepository(Unit).existsBy({ buildingId, label });
  }

  findUnitForUpdate(id: string): Promise<Unit | null> {
    return this.manager
      .getRepository(Unit)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  districts(): Promise<District[]> {
    return this.manager
      .getRepository(District)
      .find({ select: { id: true, name: true }, order: { name: 'ASC' } });
  }
}
