import { Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Inspection } from './inspection.entity';

/** An inspector assigned to an inspection. */
@Entity({ name: 'inspection_inspectors' })
export class InspectionInspector {
  @PrimaryColumn({
    name: 'inspection_id',
    type: 'uuid',
    primaryKeyConstraintName: 'inspection_inspectors_pkey',
  })
  inspectionId!: string;

  @ManyToOne(() => Inspection, (inspection) => inspection.inspectors, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'inspection_id',
    foreignKeyConstraintName: 'inspection_inspectors_inspection_id_fkey',
  })
  inspection?: Inspection;

  @Index('inspection_inspectors_user_id_idx')
  @ForeignKey('users', { name: 'inspection_inspectors_user_id_fkey' })
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'inspection_inspectors_pkey',
  })
  userId!: string;
}
