import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The risk weights as admins set them, one row per version; the newest applies. */
@Entity({ name: 'risk_weights' })
export class RiskWeightsVersion {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'risk_weights_pkey' })
  version!: number;

  @Column({ type: 'jsonb' })
  weights!: Record<string, number>;

  @ForeignKey('users', { name: 'risk_weights_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
