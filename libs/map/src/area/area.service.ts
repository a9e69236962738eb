import { Injectable } from '@nestjs/common';
import { NotFoundProblem, ValidationProblem } from '@hausakte/platform';
import { parseMapFilters } from '../rules/map-filters';
import { MapTilesService } from '../map-tiles.service';
import type { AreaFiguresDto } from './area.dto';
import { parseAreaShape } from './area-shape';
import { AreaRepository } from './area.repository';

/** Figures for a drawn rectangle or polygon, or a district, under the map's filters. */
@Injectable()
export class AreaService {
  constructor(
    private readonly areas: AreaRepository,
    private readonly map: MapTilesService,
  ) {}

  async figures(body: unknown): Promise<AreaFiguresDto> {
    const shape = parseAreaShape(body);
    const rawFilters = (body as { filters?: unknown } | null)?.filters ?? {};
    const parsed =
      typeof rawFilters === 'object' && rawFilters !== null && !Array.isArray(rawFilters)
        ? parseMapFilters(rawFilters as Record<string, unknown>)
        : { ok: false as const, errors: [{ field: '', message: 'must be an object' }] };
    const errors = [
      ...(Array.isArray(shape) ? shape : []),
      ...(parsed.ok
        ? []
        : parsed.errors.map((e) => ({ ...e, field: e.field ? `filters.${e.field}` : 'filters' }))),
    ];
    if (errors.length > 0 || Array.isArray(shape) || !parsed.ok) {
      throw new ValidationProblem(errors);
    }
    const invalid = await this.areas.invalidReason(shape);
    if (invalid)
      throw new ValidationProblem([{ field: 'polygon', message: `is invalid: ${invalid}` }]);
    if (shape.kind === 'district' && !(await this.areas.districtExists(shape.districtId))) {
      throw new NotFoundProblem('District');
    }
    const landlordIds = await this.map.landlordIds(parsed.filters);
    const row = await this.areas.figures(shape, parsed.filters, landlordIds);
    return {
      properties: row.properties,
      openDefects: { A: row.open_defects_a, B: row.open_defects_b, C: row.open_defects_c },
      openItems: row.open_items,
      overdueItems: row.overdue_items,
      closures: row.closures,
      occupants: row.occupants,
      areaKm2: Math.round(row.area_km2 * 1000) / 1000,
    };
  }

  /** The districts' outlines for the map's overlay (GeoJSON FeatureCollection). */
  districtOutlines(): Promise<object> {
    return this.areas.districtOutlines();
  }
}
