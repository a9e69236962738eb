import type { Point } from 'typeorm';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export const MAP_CASE_STAGES = [
  'none',
  'investigation',
  'hearing',
  'ordered',
  'monitoring',
  'enforcing',
  'closed',
] as const;
export type MapCaseStage = (typeof MAP_CASE_STAGES)[number];

export const MAP_SEVERITIES = ['none', 'A', 'B', 'C'] as const;
export type MapSeverity = (typeof MAP_SEVERITIES)[number];

export const MAP_CLOSURE_STATES = ['none', 'declared', 'vacated', 'sealed', 'released'] as const;
export type MapClosureState = (typeof MAP_CLOSURE_STATES)[number];

/**
 * The map's read model of one property (docs/api/map.md): the filter dimensions and the figures
 * the map, the area figures and the exports show. Written only by `MapReadModel` in the
 * transaction that recomputes the property's risk, and rebuilt in full nightly.
 */
@Entity({ name: 'map_properties' })
@Check(
  'map_properties_case_stage_check',
  `case_stage IN ('none', 'investigation', 'hearing', 'ordered', 'monitoring', 'enforcing', 'closed')`,
)
@Check('map_properties_severity_check', `severity IN ('none', 'A', 'B', 'C')`)
@Check(
  'map_properties_closure_state_check',
  `closure_state IN ('none', 'declared', 'vacated', 'sealed', 'released')`,
)
@Check(
  'map_properties_risk_check',
  `risk_score BETWEEN 0 AND 100 AND risk_class = CASE WHEN risk_score < 20 THEN 0 WHEN risk_score < 50 THEN 1 WHEN risk_score < 80 THEN 2 ELSE 3 END`,
)
@Check(
  'map_properties_counts_check',
  `open_defects_a >= 0 AND open_defects_b >= 0 AND open_defects_c >= 0 AND open_items >= 0 AND overdue_items BETWEEN 0 AND open_items AND occupants >= 0`,
)
@Index('map_properties_problem_geom_idx', ['geom'], { spatial: true, where: 'problem' })
// A landlord's rows in a tile (portfolio, landlord and network filters): GiST over the landlord
// and the location (btree_gist), migration MapLandlordGeom1764600000000.
@Index('map_properties_owner_geom_idx', ['ownerId', 'geom'], { spatial: true })
@Index('map_properties_manager_geom_idx', ['managerId', 'geom'], { spatial: true })
// The overview's overdue sums read only rows with an overdue item (MapOverdueIndex1764600000002).
@Index('map_properties_overdue_district_idx', ['districtId'], { where: 'overdue_items > 0' })
export class MapProperty {
  @ForeignKey('properties', { name: 'map_properties_property_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'property_id',
    type: 'uuid',
    primaryKeyConstraintName: 'map_properties_pkey',
  })
  propertyId!: string;

  /** The location in EPSG:3857, transformed once when the row is written. */
  @Index('map_properties_geom_idx', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'Point', srid: 3857 })
  geom!: Point;

  @Index('map_properties_district_id_idx')
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  /** The current owner (role `owner`, else `joint_owner`; the earliest `valid_from`). */
  @Index('map_properties_owner_id_idx')
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  /** The current manager (role `manager`; the earliest `valid_from`). */
  @Index('map_properties_manager_id_idx')
  @Column({ name: 'manager_id', type: 'uuid', nullable: true })
  managerId!: string | null;

  /** DOMAIN.md: an open case, an open defect of severity B or C, or a closure not released. */
  @Column({ type: 'boolean' })
  problem!: boolean;

  @Column({ name: 'case_stage', type: 'text' })
  caseStage!: MapCaseStage;

  /** The highest severity among defects not verified. */
  @Column({ type: 'text' })
  severity!: MapSeverity;

  @Column({ name: 'item_overdue', type: 'boolean' })
  itemOverdue!: boolean;

  /** The state of the latest closure. */
  @Column({ name: 'closure_state', type: 'text' })
  closureState!: MapClosureState;

  @Column({ name: 'reinspection_planned', type: 'boolean' })
  reinspectionPlanned!: boolean;

  @Column({ name: 'risk_score', type: 'integer' })
  riskScore!: number;

  /** 0 low (< 20), 1 medium (< 50), 2 high (< 80), 3 critical. */
  @Column({ name: 'risk_class', type: 'smallint' })
  riskClass!: number;

  @Column({ name: 'open_defects_a', type: 'integer' })
  openDefectsA!: number;

  @Column({ name: 'open_defects_b', type: 'integer' })
  openDefectsB!: number;

  @Column({ name: 'open_defects_c', type: 'integer' })
  openDefectsC!: number;

  /** Pending items (open, not complied, escalated) of served or challenged orders. */
  @Column({ name: 'open_items', type: 'integer' })
  openItems!: number;

  /** Of those, the ones past due while the order's deadlines run. */
  @Column({ name: 'overdue_items', type: 'integer' })
  overdueItems!: number;

  /** Persons found at each unit's latest count (adults + children under six). */
  @Column({ type: 'integer' })
  occupants!: number;

  /** `YYYY-MM-DD`: the earliest due date of a pending item of an order whose deadlines run. */
  @Column({ name: 'next_deadline', type: 'date', nullable: true })
  nextDeadline!: string | null;

  /** From `map_properties_change_seq` at each write; `max(change_seq)` is the data version. */
  @Index('map_properties_change_seq_idx')
  @Column({ name: 'change_seq', type: 'bigint' })
  changeSeq!: string;
}
