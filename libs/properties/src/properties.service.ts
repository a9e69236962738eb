import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@hausakte/jobs';
import {
  APP_CONFIG,
  AppConfig,
  AuditTrail,
  NotFoundProblem,
  Page,
  StaleVersionProblem,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import {
  compactHouseNumber,
  normalizeSearch,
  propertiesAtAddress,
  searchTextOf,
} from './address-search';
import {
  AddressInputDto,
  AddUnitDto,
  CreatePropertyDto,
  UpdatePropertyDto,
  UpdateUnitDto,
} from './dto/property-input.dto';
import { DistrictRefDto, PropertyDto, PropertySummaryDto, UnitDto } from './dto/property.dto';
import type { PropertyQueryDto } from './dto/property-query.dto';
import type { PointDto } from './dto/point.dto';
import { isInside, parseBbox, parseNear } from './geo-filters';
import { propertySummaryOf } from './property-summary';
import { PropertyRepository } from './property.repository';

const DEFAULT_BUILDING = 'Hauptgebäude';

@Injectable()
export class PropertiesService {
  constructor(
    private readonly properties: PropertyRepository,
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Tells the map (and the risk) that the property changed: a new point, a move, a new district.
   * The job id is the property's version: one job per change, the same one if written twice.
   */
  private async changed(propertyId: string, version: number): Promise<void> {
    await this.outbox.add({
      job: 'property-changed',
      jobId: `property-changed-register-${propertyId}-${version}`,
      payload: { propertyId },
    });
  }

  async list(query: PropertyQueryDto): Promise<Page<PropertySummaryDto>> {
    if (query.radius !== undefined && query.near === undefined) {
      throw new ValidationProblem([{ field: 'radius', message: 'needs near=lon,lat' }]);
    }
    const { rows, total } = await this.properties.list({
      q: query.q,
      bbox: query.bbox !== undefined ? parseBbox(query.bbox) : undefined,
      near: query.near !== undefined ? parseNear(query.near, query.radius) : undefined,
      districtId: query.districtId,
      limit: query.limit,
      offset: query.offset,
    });
    const items = rows.map((row) => propertySummaryOf(row));
    return { items, total };
  }

  async get(id: string): Promise<PropertyDto> {
    const property = await this.properties.findDetail(id);
    if (!property) throw new NotFoundProblem('Property');
    return PropertyDto.from(property);
  }

  /**
   * The properties in the city at this address, oldest first: the same street after
   * normalization ("Bahnhofstraße" = "Bahnhofstr."), the same house number up to case, blanks
   * and dashes, and the same postcode when one is given. Any of a property's addresses counts.
   * Only properties inside the city's bounds (`CITY_BOUNDS`) count: the database may hold a
   * whole state, where "Bahnhofstraße 12" is in many towns. More than one means the address
   * alone does not say which property is meant.
   */
  async findAllByAddress(address: {
    street: string;
    houseNumber: string;
    postcode?: string | null;
  }): Promise<string[]> {
    const normalizedStreet = normalizeSearch(address.street);
    const houseNumber = compactHouseNumber(address.houseNumber);
    if (normalizedStreet === '' || houseNumber === '') return [];
    const candidates = await this.properties.addressCandidates({
      normalizedStreet,
      compactHouseNumber: houseNumber,
      postcode: address.postcode ?? undefined,
      within: this.config.CITY_BOUNDS,
    });
    return propertiesAtAddress(
      candidates.map((row) => ({
        propertyId: row.property_id,
        street: row.street,
        houseNumber: row.house_number,
      })),
      address,
    );
  }

  /**
   * The one property in the city at this address (see `findAllByAddress`), or null when none is,
   * or when several are and the address alone cannot tell them apart.
   */
  async findByAddress(address: {
    street: string;
    houseNumber: string;
    postcode?: string | null;
  }): Promise<string | null> {
    const found = await this.findAllByAddress(address);
    return found.length === 1 ? found[0] : null;
  }

  /**
   * The property in the city (`CITY_BOUNDS`) nearest to the point within `radiusM` metres (on
   * the ellipsoid), or null.
   */
  async findNearest(
    location: PointDto,
    radiusM: number,
  ): Promise<{ propertyId: string; distanceM: number } | null> {
    const [lon, lat] = location.coordinates;
    const nearest = await this.properties.nearest(lon, lat, radiusM, this.config.CITY_BOUNDS);
    return nearest && { propertyId: nearest.id, distanceM: nearest.distance_m };
  }

  exists(id: string): Promise<boolean> {
    return this.properties.exists(id);
  }

  async districts(): Promise<Page<DistrictRefDto>> {
    const items = await this.properties.districts();
    return { items: items.map(({ id, name }) => ({ id, name })), total: items.length };
  }

  @Transactional()
  async create(input: CreatePropertyDto): Promise<PropertyDto> {
    this.checkInsideCity(input.location);
    checkUniqueLabels(input.buildings ?? []);
    const addresses = this.addressRows(input.addresses);
    const property = await this.properties.saveProperty({
      location: input.location,
      parcelRef: input.parcelRef ?? null,
      notes: input.notes ?? null,
      districtId: await this.properties.districtAt(input.location),
    });
    await this.properties.replaceAddresses(property.id, addresses);
    for (const building of input.buildings ?? []) {
      const saved = await this.properties.saveBuilding({
        propertyId: property.id,
        label: building.label,
        yearBuilt: building.yearBuilt ?? null,
      });
      for (const unit of building.units ?? []) {
        await this.properties.saveUnit({
          ...unitFields(unit),
          buildingId: saved.id,
          propertyId: property.id,
        });
      }
    }
    const created = await this.get(property.id);
    await this.audit.record({
      action: 'property.created',
      entityType: 'property',
      entityId: property.id,
      after: { ...created },
    });
    await this.changed(property.id, created.version);
    return created;
  }

  @Transactional()
  async update(
    id: string,
    expectedVersion: number,
    changes: UpdatePropertyDto,
  ): Promise<PropertyDto> {
    const property = await this.properties.findDetail(id, true);
    if (!property) throw new NotFoundProblem('Property');
    const before = PropertyDto.from(property);
    if (property.version !== expectedVersion) throw new StaleVersionProblem(before);

    if (changes.location) {
      this.checkInsideCity(changes.location);
      property.location = changes.location;
      property.districtId = await this.properties.districtAt(changes.location);
    }
    if (changes.parcelRef !== undefined) property.parcelRef = changes.parcelRef;
    if (changes.notes !== undefined) property.notes = changes.notes;
    if (changes.addresses)
      await this.properties.replaceAddresses(id, this.addressRows(changes.addresses));
    // Saved even when only addresses changed: the version covers the whole record.
    await this.properties.saveProperty({
      id,
      location: property.location,
      districtId: property.districtId,
      parcelRef: property.parcelRef,
      notes: property.notes,
      version: property.version,
      updatedAt: new Date(),
    });
    const after = await this.get(id);
    // The map shows the point and groups by district; other fields are not on it.
    if (changes.location) await this.changed(id, after.version);
    await this.audit.record({
      action: 'property.updated',
      entityType: 'property',
      entityId: id,
      before: { ...before },
      after: { ...after },
    });
    return after;
  }

  @Transactional()
  async addUnit(propertyId: string, input: AddUnitDto): Promise<UnitDto> {
    if (!(await this.properties.findDetail(propertyId, true)))
      throw new NotFoundProblem('Property');
    if (input.buildingId !== undefined && input.buildingLabel !== undefined) {
      throw new ValidationProblem([
        { field: 'buildingLabel', message: 'give buildingId or buildingLabel, not both' },
      ]);
    }
    let building = input.buildingId
      ? await this.properties.findBuilding(propertyId, { id: input.buildingId })
      : await this.properties.findBuilding(propertyId, {
          label: input.buildingLabel ?? DEFAULT_BUILDING,
        });
    if (!building && input.buildingId) {
      throw new ValidationProblem([
        { field: 'buildingId', message: 'is not a building of this property' },
      ]);
    }
    if (building && (await this.properties.unitLabelTaken(building.id, input.label))) {
      throw new ValidationProblem([
        { field: 'label', message: 'is already used in this building' },
      ]);
    }
    building ??= await this.properties.saveBuilding({
      propertyId,
      label: input.buildingLabel ?? DEFAULT_BUILDING,
      yearBuilt: null,
    });
    const unit = await this.properties.saveUnit({
      ...unitFields(input),
      buildingId: building.id,
      propertyId,
    });
    const created = UnitDto.from(unit);
    await this.audit.record({
      action: 'unit.created',
      entityType: 'unit',
      entityId: unit.id,
      after: { ...created, propertyId },
    });
    return created;
  }

  @Transactional()
  async updateUnit(id: string, expectedVersion: number, changes: UpdateUnitDto): Promise<UnitDto> {
    const unit = await this.properties.findUnitForUpdate(id);
    if (!unit) throw new NotFoundProblem('Unit');
    const before = UnitDto.from(unit);
    if (unit.version !== expectedVersion) throw new StaleVersionProblem(before);
    if (changes.label !== undefined && changes.label !== unit.label) {
      if (await this.properties.unitLabelTaken(unit.buildingId, changes.label)) {
        throw new ValidationProblem([
          { field: 'label', message: 'is already used in this building' },
        ]);
      }
      unit.label = changes.label;
    }
    if (changes.floor !== undefined) unit.floor = changes.floor;
    if (changes.areaM2 !== undefined) unit.areaM2 = changes.areaM2;
    if (changes.rooms !== undefined) unit.rooms = changes.rooms;
    const after = UnitDto.from(await this.properties.saveUnit(unit));
    await this.audit.record({
      action: 'unit.updated',
      entityType: 'unit',
      entityId: id,
      before: { ...before },
      after: { ...after },
    });
    return after;
  }

  private checkInsideCity(location: PointDto): void {
    const [lon, lat] = location.coordinates;
    const bounds = this.config.CITY_BOUNDS;
    if (!isInside(bounds, lon, lat)) {
      throw new ValidationProblem([
        {
          field: 'location',
          message: `is outside the city (${bounds.minLon},${bounds.minLat} – ${bounds.maxLon},${bounds.maxLat})`,
        },
      ]);
    }
  }

  /** One primary address: the one marked, else the first; two marked is an error. */
  private addressRows(addresses: AddressInputDto[]) {
    const marked = addresses.filter((address) => address.isPrimary === true).length;
    if (marked > 1)
      throw new ValidationProblem([
        { field: 'addresses', message: 'only one address can be primary' },
      ]);
    return addresses.map((address, index) => ({
      street: address.street,
      houseNumber: address.houseNumber,
      postcode: address.postcode,
      city: address.city,
      district: address.district ?? null,
      isPrimary: marked ? address.isPrimary === true : index === 0,
      searchText: searchTextOf(address),
    }));
  }
}

/** Labels name buildings within a property and units within a building: each only once. */
function checkUniqueLabels(
  buildings: Array<{ label: string; units?: Array<{ label: string }> }>,
): void {
  const errors: Array<{ field: string; message: string }> = [];
  const seen = new Set<string>();
  buildings.forEach((building, b) => {
    if (seen.has(building.label))
      errors.push({ field: `buildings.${b}.label`, message: 'is used twice' });
    seen.add(building.label);
    const units = new Set<string>();
    (building.units ?? []).forEach((unit, u) => {
      if (units.has(unit.label)) {
        errors.push({
          field: `buildings.${b}.units.${u}.label`,
          message: 'is used twice in this building',
        });
      }
      units.add(unit.label);
    });
  });
  if (errors.length) throw new ValidationProblem(errors);
}

function unitFields(unit: {
  label: string;
  floor?: number | null;
  areaM2?: number | null;
  rooms?: number | null;
}) {
  return {
    label: unit.label,
    floor: unit.floor ?? null,
    areaM2: unit.areaM2 ?? null,
    rooms: unit.rooms ?? null,
  };
}
