import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** `district_key` of properties without a district (no NULL in a primary key). */
export const NO_DISTRICT_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * The low-zoom aggregates of problem properties (docs/api/map.md): per zoom 0–12 and cell (1/32
 * of a tile side), per combination of the filter dimensions with few values. Kept by deltas in
 * the transaction that writes `map_properties`; the primary key's prefix (zoom, cell_x, cell_y)
 * selects a tile's cells.
 */
@Entity({ name: 'map_grid_cells' })
@Check('map_grid_cells_zoom_check', `zoom BETWEEN 0 AND 12`)
// Counts are not checked ≥ 0: PostgreSQL checks the proposed row of INSERT … ON CONFLICT before
// the conflict turns it into an update, and a delta row is negative. The classes add up in both.
@Check('map_grid_cells_classes_check', `n_class0 + n_class1 + n_class2 + n_class3 = n`)
export class MapGridCell {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'map_grid_cells_pkey' })
  zoom!: number;

  @PrimaryColumn({
    name: 'cell_x',
    type: 'integer',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  cellX!: number;

  @PrimaryColumn({
    name: 'cell_y',
    type: 'integer',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  cellY!: number;

  @PrimaryColumn({
    name: 'case_stage',
    type: 'text',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  caseStage!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'map_grid_cells_pkey' })
  severity!: string;

  @PrimaryColumn({
    name: 'item_overdue',
    type: 'boolean',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  itemOverdue!: boolean;

  @PrimaryColumn({
    name: 'closure_state',
    type: 'text',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  closureState!: string;

  @PrimaryColumn({
    name: 'reinspection_planned',
    type: 'boolean',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  reinspectionPlanned!: boolean;

  /** The district id, or `NO_DISTRICT_KEY`. */
  @PrimaryColumn({
    name: 'district_key',
    type: 'uuid',
    primaryKeyConstraintName: 'map_grid_cells_pkey',
  })
  districtKey!: string;

  /** Problem properties in the cell with these dimensions. */
  @Column({ type: 'integer' })
  n!: number;

  /** Sums of their EPSG:3857 coordinates, each rounded to the metre: the centroid is sum / n. */
  @Column({ name: 'sum_x', type: 'bigint' })
  sumX!: string;

  @Column({ name: 'sum_y', type: 'bigint' })
  sumY!: string;

  @Column({ name: 'n_class0', type: 'integer' })
  nClass0!: number;

  @Column({ name: 'n_class1', type: 'integer' })
  nClass1!: number;

  @Column({ name: 'n_class2', type: 'integer' })
  nClass2!: number;

  @Column({ name: 'n_class3', type: 'integer' })
  nClass3!: number;
}
