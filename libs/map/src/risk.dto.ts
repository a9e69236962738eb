import { ApiProperty } from '@nestjs/swagger';

export class RiskFactorDto {
  @ApiProperty({ example: 'openDefectsC' })
  factor!: string;

  @ApiProperty({ description: 'What the facts count' })
  count!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'The most it counts; null: no cap' })
  cap!: number | null;

  @ApiProperty({ description: 'The count that earned points' })
  counted!: number;

  @ApiProperty({ description: 'Points per counted thing' })
  weight!: number;

  @ApiProperty()
  points!: number;

  @ApiProperty({ example: { de: 'Offene Mängel der Klasse C', en: 'Open class C defects' } })
  label!: { de: string; en: string };
}

/** A property's risk score with the factors and weights that make it. */
export class PropertyRiskDto {
  @ApiProperty({ format: 'uuid' })
  propertyId!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  score!: number;

  @ApiProperty({ type: [RiskFactorDto], description: 'Highest first; their points add up' })
  factors!: RiskFactorDto[];

  @ApiProperty({ type: Object, description: 'The counts the score was computed from' })
  facts!: Record<string, unknown>;

  @ApiProperty({ type: Object, description: 'The weights used' })
  weights!: Record<string, number>;

  @ApiProperty({ description: 'Version of the weights; 0: the shipped defaults' })
  weightsVersion!: number;

  @ApiProperty()
  computedAt!: string;
}

export class RiskWeightsDto {
  @ApiProperty({ description: '0: the shipped defaults; send as If-Match to change them' })
  version!: number;

  @ApiProperty({ type: Object, example: { openDefectsC: 50, openDefectsB: 10 } })
  weights!: Record<string, number>;
}
