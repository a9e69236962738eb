import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Property } from './property.entity';
import { Unit } from './unit.entity';

@Entity({ name: 'buildings' })
@Unique('buildings_property_label_key', ['propertyId', 'label'])
export class Building {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'buildings_pkey' })
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, (property) => property.buildings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'buildings_property_id_fkey' })
  property?: Property;

  /** "Vorderhaus", "Hinterhaus", "Hauptgebäude". */
  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'year_built', type: 'integer', nullable: true })
  yearBuilt!: number | null;

  @OneToMany(() => Unit, (unit) => unit.building)
  units?: Unit[];
}
