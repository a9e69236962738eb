import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A unit a closure covers; a closure without any covers the whole building. */
@Entity({ name: 'closure_units' })
export class ClosureUnit {
  @ForeignKey('closures', { name: 'closure_units_closure_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({
    name: 'closure_id',
    type: 'uuid',
    primaryKeyConstraintName: 'closure_units_pkey',
  })
  closureId!: string;

  @Index('closure_units_unit_id_idx')
  @ForeignKey('units', { name: 'closure_units_unit_id_fkey' })
  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'closure_units_pkey' })
  unitId!: string;
}
