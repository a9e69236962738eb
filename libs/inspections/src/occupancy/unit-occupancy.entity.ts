import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { OvercrowdingResult, UnitKind } from '../rules';

/** What the count showed; an invalid count is refused, never stored. */
export type OccupancyOutcome = 'overcrowded' | 'not_overcrowded' | 'no_rule' | 'not_covered';
import { numericColumn } from '@hausakte/platform';

/**
 * The occupancy of a unit as counted at an inspection (§ 10 WohnStG), with the rule result
 * computed then: the rule set's id and the numbers are kept, so the finding never changes when
 * the law does.
 */
@Entity({ name: 'unit_occupancies' })
@Unique('unit_occupancies_inspection_id_unit_id_key', ['inspectionId', 'unitId'])
@Check('unit_occupancies_kind_check', `unit_kind IN ('flat', 'single_room')`)
@Check(
  'unit_occupancies_counts_check',
  `adults_found >= 0 AND children_under_six_found >= 0 AND persons_registered >= 0 AND living_area_m2 > 0`,
)
export class UnitOccupancy {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'unit_occupancies_pkey' })
  id!: string;

  @ForeignKey('inspections', { name: 'unit_occupancies_inspection_id_fkey' })
  @Column({ name: 'inspection_id', type: 'uuid' })
  inspectionId!: string;

  @Index('unit_occupancies_unit_id_idx')
  @ForeignKey('units', { name: 'unit_occupancies_unit_id_fkey' })
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'adults_found', type: 'integer' })
  adultsFound!: number;

  @Column({ name: 'children_under_six_found', type: 'integer' })
  childrenUnderSixFound!: number;

  @Column({ name: 'persons_registered', type: 'integer' })
  personsRegistered!: number;

  @Column({
    name: 'living_area_m2',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numericColumn,
  })
  livingAreaM2!: number;

  @Column({ name: 'unit_kind', type: 'text' })
  unitKind!: UnitKind;

  @Column({ name: 'shared_ancillary_rooms', type: 'boolean' })
  sharedAncillaryRooms!: boolean;

  @Column({ name: 'worker_housing', type: 'boolean' })
  workerHousing!: boolean;

  @Column({ type: 'text' })
  outcome!: OccupancyOutcome;

  @Column({ name: 'rule_set_id', type: 'text', nullable: true })
  ruleSetId!: string | null;

  /** The whole rule result as returned then: rule, numbers, explanation. */
  @Column({ type: 'jsonb' })
  result!: OvercrowdingResult;
}
