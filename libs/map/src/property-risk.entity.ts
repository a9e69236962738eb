import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * The risk read model: one row per property, recomputed from outbox events. The facts and the
 * factors are kept with the score so that every figure can be explained.
 */
@Entity({ name: 'property_risk' })
export class PropertyRisk {
  @ForeignKey('properties', { name: 'property_risk_property_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'property_id',
    type: 'uuid',
    primaryKeyConstraintName: 'property_risk_pkey',
  })
  propertyId!: string;

  @Index('property_risk_score_idx')
  @Column({ type: 'integer' })
  score!: number;

  /** `RiskFacts` counted when the score was computed. */
  @Column({ type: 'jsonb' })
  facts!: Record<string, unknown>;

  /** The factors with their weights and points, highest first. */
  @Column({ type: 'jsonb' })
  factors!: unknown[];

  /** The risk_weights version used; 0: the shipped defaults. */
  @Column({ name: 'weights_version', type: 'integer' })
  weightsVersion!: number;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
