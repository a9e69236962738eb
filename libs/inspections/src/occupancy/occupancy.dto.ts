import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OvercrowdingResult, UnitKind } from '../rules';
import type { OccupancyOutcome, UnitOccupancy } from './unit-occupancy.entity';

/** A unit's occupancy as counted, with the § 10 result computed on the inspection day. */
export class OccupancyDto {
  @ApiProperty({ format: 'uuid' })
  unitId!: string;

  @ApiProperty()
  adultsFound!: number;

  @ApiProperty()
  childrenUnderSixFound!: number;

  @ApiProperty()
  personsRegistered!: number;

  @ApiProperty()
  livingAreaM2!: number;

  @ApiProperty({ enum: ['flat', 'single_room'] })
  unitKind!: UnitKind;

  @ApiProperty()
  sharedAncillaryRooms!: boolean;

  @ApiProperty()
  workerHousing!: boolean;

  @ApiProperty({ enum: ['overcrowded', 'not_overcrowded', 'no_rule', 'not_covered'] })
  outcome!: OccupancyOutcome;

  @ApiPropertyOptional({ nullable: true, description: 'The rule set applied (stable id)' })
  ruleSetId!: string | null;

  @ApiProperty({ type: Object, description: 'The rule, the numbers and the explanation' })
  result!: OvercrowdingResult;

  static from(row: Omit<UnitOccupancy, 'id'>): OccupancyDto {
    return {
      unitId: row.unitId,
      adultsFound: row.adultsFound,
      childrenUnderSixFound: row.childrenUnderSixFound,
      personsRegistered: row.personsRegistered,
      livingAreaM2: row.livingAreaM2,
      unitKind: row.unitKind,
      sharedAncillaryRooms: row.sharedAncillaryRooms,
      workerHousing: row.workerHousing,
      outcome: row.outcome,
      ruleSetId: row.ruleSetId,
      result: row.result,
    };
  }
}
