import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export const DEFECT_CHECK_RESULTS = ['remedied', 'not_remedied'] as const;
export type DefectCheckResult = (typeof DEFECT_CHECK_RESULTS)[number];

/** What a re-inspection found for an open defect it checked off. */
@Entity({ name: 'defect_checks' })
@Check('defect_checks_result_check', `result IN ('remedied', 'not_remedied')`)
export class DefectCheck {
  @ForeignKey('inspections', { name: 'defect_checks_inspection_id_fkey' })
  @PrimaryColumn({
    name: 'inspection_id',
    type: 'uuid',
    primaryKeyConstraintName: 'defect_checks_pkey',
  })
  inspectionId!: string;

  @Index('defect_checks_defect_id_idx')
  @ForeignKey('defects', { name: 'defect_checks_defect_id_fkey' })
  @PrimaryColumn({
    name: 'defect_id',
    type: 'uuid',
    primaryKeyConstraintName: 'defect_checks_pkey',
  })
  defectId!: string;

  @Column({ type: 'text' })
  result!: DefectCheckResult;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
