import { ApiProperty } from '@nestjs/swagger';
import {
  LETTER_KINDS,
  LETTER_TEMPLATE_KEYS,
  type LetterKind,
  type LetterTemplateKey,
} from '../letter-template-content';

/** An issued letter, without its data (which holds personal data) and without its bytes. */
export class IssuedLetterDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: LETTER_KINDS })
  kind!: LetterKind;

  @ApiProperty({ enum: LETTER_TEMPLATE_KEYS })
  templateKey!: LetterTemplateKey;

  @ApiProperty({ format: 'uuid', description: 'The template version it was rendered from' })
  templateId!: string;

  @ApiProperty()
  templateVersion!: number;

  @ApiProperty({ example: '63/2-2026-0042' })
  reference!: string;

  @ApiProperty({ description: 'SHA-256 of the PDF, lower-case hex' })
  sha256!: string;

  @ApiProperty()
  byteSize!: number;

  @ApiProperty()
  createdAt!: string;
}
