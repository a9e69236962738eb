import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { Building } from './building.entity';
import { numericColumn } from '@hausakte/platform';
import { Property } from './property.entity';

/** A flat or other unit (Wohnung / Wohneinheit). */
@Entity({ name: 'units' })
@Unique('units_building_label_key', ['buildingId', 'label'])
@Check('units_area_check', `area_m2 IS NULL OR area_m2 > 0`)
@Check('units_rooms_check', `rooms IS NULL OR rooms >= 0`)
export class Unit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'units_pkey' })
  id!: string;

  @Column({ name: 'building_id', type: 'uuid' })
  buildingId!: string;

  @ManyToOne(() => Building, (building) => building.units, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'units_building_id_fkey' })
  building?: Building;

  /** Kept on the unit too, so a property's units are one indexed lookup. */
  @Index('units_property_id_idx')
  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @ManyToOne(() => Property, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'property_id', foreignKeyConstraintName: 'units_property_id_fkey' })
  property?: Property;

  /** "EG links", "1. OG rechts". */
  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'integer', nullable: true })
  floor!: number | null;

  @Column({
    name: 'area_m2',
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericColumn,
  })
  areaM2!: number | null;

  @Column({ type: 'numeric', precision: 3, scale: 1, nullable: true, transformer: numericColumn })
  rooms!: number | null;

  @VersionColumn({ type: 'integer', default: 1 })
  version!: number;
}
