import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  BLOCK_PLACEHOLDERS,
  DOCUMENT_PLACEHOLDERS,
  ITEM_PLACEHOLDERS,
  LETTER_KINDS,
  LETTER_TEMPLATE_KEYS,
  LETTER_TEMPLATE_TITLES,
  LETTER_TEMPLATE_KIND,
  type LetterKind,
  type LetterTemplateContent,
  type LetterTemplateKey,
} from '../letter-template-content';
import type { LetterTemplate } from '../letter-template.entity';

const LINE = 300;
const TEXT = 4000;
const LINES = 12;
const PARAGRAPHS = 30;
const notEmpty = { message: 'must not be empty' };

/** A list of lines (letterhead, subject, signature …). */
const Lines = (max = LINES) => [
  IsArray(),
  ArrayMaxSize(max),
  IsString({ each: true }),
  MaxLength(LINE, { each: true }),
];
const Paragraphs = () => [
  IsArray(),
  ArrayMaxSize(PARAGRAPHS),
  IsString({ each: true }),
  MaxLength(TEXT, { each: true }),
];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => {
  return (target, key) => decorators.forEach((decorator) => decorator(target, key));
};

export class LetterSectionDto {
  @ApiProperty({ description: 'Empty: no heading' })
  @IsString()
  @MaxLength(LINE)
  heading!: string;

  @ApiProperty({ type: [String], description: 'No paragraphs: the section is left out' })
  @apply(Paragraphs())
  paragraphs!: string[];
}

export class LetterItemsTextDto {
  @ApiProperty({ example: 'Ich ordne an:' })
  @IsString()
  @MaxLength(LINE)
  heading!: string;

  @ApiProperty({ example: '{{item.text}}' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  entry!: string;

  @ApiProperty({ example: 'Frist: {{item.period}}' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  period!: string;
}

export class LetterPeriodsTextDto {
  @ApiProperty({ example: 'innerhalb von {{amount}} Tagen nach Zustellung dieses Bescheids' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  days!: string;

  @ApiProperty({ example: 'innerhalb eines Tages nach Zustellung dieses Bescheids' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  day!: string;

  @ApiProperty({ example: 'innerhalb von {{amount}} Stunden nach Zustellung dieses Bescheids' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  hours!: string;

  @ApiProperty({ example: 'innerhalb einer Stunde nach Zustellung dieses Bescheids' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  hour!: string;

  @ApiProperty({ example: 'bis zum {{until}}' })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  until!: string;
}

export class LetterCoerciveFineTextDto {
  @ApiProperty({ example: 'Androhung von Zwangsgeld' })
  @IsString()
  @MaxLength(LINE)
  heading!: string;

  @ApiProperty({ type: [String] })
  @apply(Paragraphs())
  intro!: string[];

  @ApiProperty({
    example:
      'Für den Fall, dass Sie Nr. {{item.number}} nicht fristgerecht erfüllen, wird Ihnen ein Zwangsgeld in Höhe von {{item.fine}} angedroht.',
  })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(TEXT)
  perItem!: string;

  @ApiProperty({ type: [String] })
  @apply(Paragraphs())
  outro!: string[];
}

/** The wording of a letter: every text of the template (see the placeholders in `placeholders`). */
export class LetterTemplateContentDto implements LetterTemplateContent {
  @ApiProperty({ type: [String], example: ['Stadt Herne', 'Der Oberbürgermeister'] })
  @apply(Lines())
  letterhead!: string[];

  @ApiProperty({ example: 'Stadt Herne · Der Oberbürgermeister · 44621 Herne' })
  @IsString()
  @MaxLength(LINE)
  returnAddress!: string;

  @ApiProperty({ type: [String], example: ['Aktenzeichen: {{reference}}', 'Datum: {{date}}'] })
  @apply(Lines())
  infoBlock!: string[];

  @ApiProperty({ type: [String] })
  @apply(Lines(4))
  subject!: string[];

  @ApiProperty({ example: 'Sehr geehrte Damen und Herren,' })
  @IsString()
  @MaxLength(LINE)
  salutation!: string;

  @ApiProperty({ type: [String] })
  @apply(Paragraphs())
  intro!: string[];

  @ApiProperty({ type: LetterItemsTextDto })
  @ValidateNested()
  @Type(() => LetterItemsTextDto)
  items!: LetterItemsTextDto;

  @ApiProperty({ type: LetterPeriodsTextDto })
  @ValidateNested()
  @Type(() => LetterPeriodsTextDto)
  periods!: LetterPeriodsTextDto;

  @ApiProperty({ type: LetterCoerciveFineTextDto })
  @ValidateNested()
  @Type(() => LetterCoerciveFineTextDto)
  coerciveFine!: LetterCoerciveFineTextDto;

  @ApiProperty({ type: LetterSectionDto })
  @ValidateNested()
  @Type(() => LetterSectionDto)
  immediateEnforcement!: LetterSectionDto;

  @ApiProperty({ type: LetterSectionDto })
  @ValidateNested()
  @Type(() => LetterSectionDto)
  reasoning!: LetterSectionDto;

  @ApiProperty({ type: LetterSectionDto })
  @ValidateNested()
  @Type(() => LetterSectionDto)
  legalBasis!: LetterSectionDto;

  @ApiProperty({ type: LetterSectionDto, description: 'Rechtsbehelfsbelehrung; names {{court}}' })
  @ValidateNested()
  @Type(() => LetterSectionDto)
  legalRemedies!: LetterSectionDto;

  @ApiProperty({
    example: 'Verwaltungsgericht Gelsenkirchen, Bahnhofsvorplatz 3, 45879 Gelsenkirchen',
  })
  @IsString()
  @MinLength(1, notEmpty)
  @MaxLength(LINE)
  court!: string;

  @ApiProperty({ type: [String], example: ['Mit freundlichen Grüßen'] })
  @apply(Lines())
  closing!: string[];

  @ApiProperty({ type: [String], example: ['Im Auftrag', '', '{{officer.name}}'] })
  @apply(Lines())
  signature!: string[];

  @ApiProperty({ type: [String] })
  @apply(Lines(4))
  footer!: string[];

  @ApiProperty({ example: 'Seite {{page}} von {{pages}}' })
  @IsString()
  @MaxLength(LINE)
  pageNumber!: string;
}

/**
 * A change of a template: the parts given replace the current version's (each part whole), and
 * the result is stored as the next version. The whole template is checked again; null is not a
 * value for any part.
 */
export class UpdateLetterTemplateDto extends PartialType(LetterTemplateContentDto) {}

export class LetterPlaceholdersDto {
  @ApiProperty({ type: [String], example: DOCUMENT_PLACEHOLDERS })
  document!: string[];

  @ApiProperty({ type: [String], example: ITEM_PLACEHOLDERS })
  item!: string[];

  @ApiProperty({
    type: [String],
    example: BLOCK_PLACEHOLDERS,
    description: 'A paragraph of its own that stands for the officer’s paragraphs',
  })
  block!: string[];

  @ApiProperty({ example: 'extra.<name>', description: 'Further values the data may give' })
  extra!: string;
}

const PLACEHOLDERS: LetterPlaceholdersDto = {
  document: [...DOCUMENT_PLACEHOLDERS],
  item: [...ITEM_PLACEHOLDERS],
  block: [...BLOCK_PLACEHOLDERS],
  extra: 'extra.<name>',
};

/** One version of a letter template. */
export class LetterTemplateDto {
  @ApiProperty({ format: 'uuid', description: 'This version; letters point at it' })
  id!: string;

  @ApiProperty({ enum: LETTER_TEMPLATE_KEYS })
  key!: LetterTemplateKey;

  @ApiProperty({ example: 'Anhörung (§ 28 VwVfG NRW)' })
  title!: string;

  @ApiProperty({ enum: LETTER_KINDS })
  kind!: LetterKind;

  @ApiProperty({ description: 'Send as If-Match to change the template' })
  version!: number;

  @ApiProperty({ type: LetterTemplateContentDto })
  content!: LetterTemplateContent;

  @ApiProperty({ type: LetterPlaceholdersDto })
  placeholders!: LetterPlaceholdersDto;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'Null: shipped' })
  createdBy!: string | null;

  @ApiProperty()
  createdAt!: string;

  static from(template: LetterTemplate): LetterTemplateDto {
    return {
      id: template.id,
      key: template.key,
      title: LETTER_TEMPLATE_TITLES[template.key],
      kind: LETTER_TEMPLATE_KIND[template.key],
      version: template.version,
      content: template.content,
      placeholders: PLACEHOLDERS,
      createdBy: template.createdBy,
      createdAt: template.createdAt.toISOString(),
    };
  }
}

export class LetterTemplateListDto {
  @ApiProperty({ type: [LetterTemplateDto] })
  items!: LetterTemplateDto[];

  @ApiProperty()
  total!: number;
}
