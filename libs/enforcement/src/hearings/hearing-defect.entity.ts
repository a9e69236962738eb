import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A defect a hearing names: an order may later contain it. */
@Entity({ name: 'hearing_defects' })
export class HearingDefect {
  @ForeignKey('hearings', { name: 'hearing_defects_hearing_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'hearing_id',
    type: 'uuid',
    primaryKeyConstraintName: 'hearing_defects_pkey',
  })
  hearingId!: string;

  @Index('hearing_defects_defect_id_idx')
  @ForeignKey('defects', { name: 'hearing_defects_defect_id_fkey' })
  @PrimaryColumn({
    name: 'defect_id',
    type: 'uuid',
    primaryKeyConstraintName: 'hearing_defects_pkey',
  })
  defectId!: string;
}
