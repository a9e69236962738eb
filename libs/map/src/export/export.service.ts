import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { type Role, roleHas } from '@hausakte/auth';
import { AuditTrail, berlinDateOf, Transactional } from '@hausakte/platform';
import { type MapFilters, mapFiltersQuery } from '../rules/map-filters';
import { MapTilesService } from '../map-tiles.service';
import { csvLine, csvRow, exportColumns, geojsonFeature } from './export-format';
import { ExportRepository } from './export.repository';

export const EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows per query while streaming. */
const EXPORT_BATCH = 2000;

export interface MapExport {
  fileName: string;
  contentType: string;
  /** Whether owner and manager names are in it (the caller's role may export personal data). */
  personalData: boolean;
  /** How many properties the filters selected when the export was recorded. */
  count: number;
  body: Readable;
}

/**
 * The filtered set as CSV or GeoJSON. The export is audited (who, format, filters, count,
 * whether it carries personal data) before the first byte leaves, so no export goes unrecorded.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly exports: ExportRepository,
    private readonly map: MapTilesService,
    private readonly audit: AuditTrail,
  ) {}

  async export(
    format: ExportFormat,
    query: Record<string, unknown>,
    role: Role,
    now = new Date(),
  ): Promise<MapExport> {
    const filters = this.map.filters(query);
    const landlordIds = await this.map.landlordIds(filters);
    const personalData = roleHas(role, 'exportPersonalData');
    const { count } = await this.map.count(query);
    await this.record(format, filters, count, personalData);
    const name = `hausakte-karte-${berlinDateOf(now)}`;
    const lines = this.lines(format, filters, landlordIds, personalData);
    return {
      fileName: `${name}.${format}`,
      contentType:
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
      personalData,
      count,
      body: Readable.from(lines),
    };
  }

  @Transactional()
  private async record(
    format: ExportFormat,
    filters: MapFilters,
    count: number,
    personalData: boolean,
  ): Promise<void> {
    await this.audit.record({
      action: 'map.exported',
      entityType: 'map_export',
      entityId: randomUUID(),
      after: { format, filters: mapFiltersQuery(filters), count, personalData },
    });
  }

  private async *lines(
    format: ExportFormat,
    filters: MapFilters,
    landlordIds: readonly string[] | null,
    personalData: boolean,
  ): AsyncGenerator<string> {
    const columns = exportColumns(personalData);
    yield format === 'csv' ? csvLine(columns) : '{"type":"FeatureCollection","features":[\n';
    let after: string | null = null;
    let first = true;
    for (;;) {
      const rows = await this.exports.batch(
        filters,
        landlordIds,
        personalData,
        after,
        EXPORT_BATCH,
      );
      if (rows.length === 0) break;
      let chunk = '';
      for (const row of rows) {
        if (format === 'csv') chunk += csvRow(row, columns);
        else {
          chunk += `${first ? '' : ',\n'}${JSON.stringify(geojsonFeature(row, columns))}`;
          first = false;
        }
      }
      yield chunk;
      after = rows[rows.length - 1].property_id;
      if (rows.length < EXPORT_BATCH) break;
    }
    if (format === 'geojson') yield '\n]}\n';
  }
}
