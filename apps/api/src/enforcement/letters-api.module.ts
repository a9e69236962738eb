import { Module } from '@nestjs/common';
import { LettersModule } from '@hausakte/enforcement';
import { LetterTemplatesController } from './letter-templates.controller';

/** Letter templates over HTTP: admins edit them, officers preview letters. */
@Module({
  imports: [LettersModule],
  controllers: [LetterTemplatesController],
})
export class EnforcementLettersModule {}
