import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LetterStorage } from './letter-storage';
import { LetterTemplate } from './letter-template.entity';
import { LetterTemplateRepository } from './letter-template.repository';
import { LetterTemplatesService } from './letter-templates.service';
import { Letter } from './letter.entity';
import { LetterRepository } from './letter.repository';
import { LettersService } from './letters.service';

/**
 * Letters: the templates admins edit, previews, and issued letters with their PDFs in
 * LETTER_STORAGE_DIR (a disk the api and the worker share). Needs the auth lib's User entity in
 * the DataSource (who changed a template, who issued a letter). Hearings and orders issue their
 * letters through `LettersService` inside their own transactions (EnforcementModule imports it).
 */
@Module({
  imports: [TypeOrmModule.forFeature([LetterTemplate, Letter])],
  providers: [
    LetterTemplateRepository,
    LetterRepository,
    LetterStorage,
    LetterTemplatesService,
    LettersService,
  ],
  exports: [LetterTemplatesService, LettersService],
})
export class LettersModule {}
