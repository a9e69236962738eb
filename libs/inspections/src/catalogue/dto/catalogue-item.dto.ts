import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PeriodLength, Severity } from '@hausakte/inspections/rules';
import type { CatalogueItem } from '../catalogue-item.entity';

export class PeriodDto {
  @ApiProperty({ enum: ['hours', 'days'] })
  unit!: 'hours' | 'days';

  @ApiProperty({ minimum: 1 })
  amount!: number;
}

/** One version of a catalogue entry. */
export class CatalogueItemDto {
  @ApiProperty({ format: 'uuid', description: 'This version; findings point at it' })
  id!: string;

  @ApiProperty({ example: 'S5-3-02' })
  code!: string;

  @ApiProperty({ description: 'Send as If-Match to change the entry' })
  version!: number;

  @ApiProperty({ example: 's5_3' })
  legalGround!: string;

  @ApiProperty({ example: { de: 'Kein Warmwasser', en: 'No hot water' } })
  title!: { de: string; en: string };

  @ApiProperty()
  description!: { de: string; en: string };

  @ApiProperty({ enum: ['A', 'B', 'C'] })
  severity!: Severity;

  @ApiPropertyOptional({
    type: PeriodDto,
    nullable: true,
    description: 'null: the severity’s default',
  })
  period!: PeriodLength | null;

  @ApiProperty()
  retired!: boolean;

  @ApiProperty({ description: 'Whether this is the newest version of its code' })
  current!: boolean;

  @ApiProperty()
  createdAt!: string;

  static from(item: CatalogueItem, current: boolean): CatalogueItemDto {
    return {
      id: item.id,
      code: item.code,
      version: item.version,
      legalGround: item.legalGround,
      title: { de: item.titleDe, en: item.titleEn },
      description: { de: item.descriptionDe, en: item.descriptionEn },
      severity: item.severity,
      period:
        item.periodUnit && item.periodAmount
          ? { unit: item.periodUnit, amount: item.periodAmount }
          : null,
      retired: item.retired,
      current,
      createdAt: item.createdAt.toISOString(),
    };
  }
}

export class CatalogueItemListDto {
  @ApiProperty({ type: [CatalogueItemDto] })
  items!: CatalogueItemDto[];

  @ApiProperty()
  total!: number;
}
