import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AuditTrail,
  NotFoundProblem,
  RequestContext,
  Transactional,
  ValidationProblem,
} from '@hausakte/platform';
import { IssuedLetterDto } from './dto/letter.dto';
import { checkLetterData } from './letter-composition';
import { letterFonts } from './letter-fonts';
import { LetterRenderError } from './letter-placeholders';
import { renderLetterPdf } from './letter-renderer';
import { LetterStorage, sha256Hex } from './letter-storage';
import {
  LETTER_TEMPLATE_KIND,
  type LetterData,
  type LetterKind,
  type LetterTemplateKey,
} from './letter-template-content';
import type { LetterTemplate } from './letter-template.entity';
import { LetterTemplatesService } from './letter-templates.service';
import type { Letter } from './letter.entity';
import { LetterRepository } from './letter.repository';

/** What a hearing or an order hands over to have its letter issued. */
export interface IssueLetterInput {
  /** Must be the template's kind (`LETTER_TEMPLATE_KIND`). */
  kind: LetterKind;
  templateKey: LetterTemplateKey;
  /** The case's reference (Aktenzeichen), as printed. */
  reference: string;
  data: LetterData;
}

/** A stored letter's bytes, checked against the hash recorded when it was issued. */
export interface LetterFile {
  letter: IssuedLetterDto;
  bytes: Buffer;
  contentType: 'application/pdf';
  fileName: string;
}

/** A stored letter whose file is gone or does not match its hash: never served. */
export class LetterIntegrityError extends Error {
  override readonly name = 'LetterIntegrityError';
}

function issuedView(letter: Letter, template: LetterTemplate): IssuedLetterDto {
  return {
    id: letter.id,
    kind: letter.kind,
    templateKey: template.key,
    templateId: template.id,
    templateVersion: template.version,
    reference: letter.reference,
    sha256: letter.sha256,
    byteSize: letter.byteSize,
    createdAt: letter.createdAt.toISOString(),
  };
}

/** A render error as the API's 422: `data.items[0].text` → `items[0].text`. */
function asValidationProblem(error: unknown): unknown {
  if (!(error instanceof LetterRenderError)) return error;
  return new ValidationProblem([
    { field: error.field.replace(/^data\./, ''), message: error.problem },
  ]);
}

/**
 * Letters from the current template version: previews (never stored) and issued letters, whose
 * PDF is stored once with its SHA-256 and never rendered again.
 */
@Injectable()
export class LettersService implements OnModuleInit {
  private readonly logger = new Logger(LettersService.name);

  constructor(
    private readonly templates: LetterTemplatesService,
    private readonly letters: LetterRepository,
    private readonly storage: LetterStorage,
    private readonly audit: AuditTrail,
    private readonly context: RequestContext,
  ) {}

  /** A build that lost the letter font stops at boot, not at the first letter. */
  onModuleInit(): void {
    letterFonts();
  }

  /** The letter as it would be issued now; 422 for data the template cannot make a letter of. */
  async preview(templateKey: string, reference: string, data: LetterData): Promise<Buffer> {
    const template = await this.templates.current(templateKey, { lock: false });
    return renderLetterPdf(template.content, data, reference).catch((error: unknown) => {
      throw asValidationProblem(error);
    });
  }

  /**
   * Renders the letter from the template's current version, stores the PDF read-only under
   * `<year of the letter's date>/<id>.pdf` and records it with the data snapshot, in the
   * caller's transaction (or its own). 422 for data the template cannot make a letter of.
   * A file whose row is rolled back stays behind unreferenced; it is never served.
   */
  @Transactional()
  async issue(input: IssueLetterInput): Promise<IssuedLetterDto> {
    const template = await this.templates.current(input.templateKey, { lock: false });
    if (LETTER_TEMPLATE_KIND[template.key] !== input.kind) {
      throw new Error(`A ${input.kind} letter cannot use the ${template.key} template`);
    }
    let snapshot: LetterData;
    let pdf: Buffer;
    try {
      snapshot = checkLetterData(input.data);
      pdf = await renderLetterPdf(template.content, snapshot, input.reference);
    } catch (error) {
      throw asValidationProblem(error);
    }

    const id = randomUUID();
    const pdfPath = this.storage.pathFor(id, Number(snapshot.date.slice(0, 4)));
    const sha256 = sha256Hex(pdf);
    await this.storage.write(pdfPath, pdf);
    let letter: Letter;
    try {
      letter = await this.letters.insert({
        id,
        templateId: template.id,
        kind: input.kind,
        reference: input.reference.normalize('NFC'),
        data: snapshot,
        pdfPath,
        sha256,
        byteSize: pdf.length,
        createdBy: this.context.actorId,
      });
    } catch (error) {
      await this.storage.remove(pdfPath);
      throw error;
    }
    const issued = issuedView(letter, template);
    // Ids, reference and hash only: the addressee stays in the letter's own row.
    await this.audit.record({
      action: 'letter.issued',
      entityType: 'letter',
      entityId: id,
      after: {
        kind: issued.kind,
        reference: issued.reference,
        templateKey: issued.templateKey,
        templateId: issued.templateId,
        templateVersion: issued.templateVersion,
        sha256: issued.sha256,
        byteSize: issued.byteSize,
      },
    });
    return issued;
  }

  /** The record of an issued letter (without its data). */
  async get(id: string): Promise<IssuedLetterDto> {
    const letter = await this.letters.findById(id);
    if (!letter) throw new NotFoundProblem('Letter');
    return issuedView(letter, await this.templates.version(letter.templateId));
  }

  /** The data snapshot an issued letter was rendered from (personal data: callers log the read). */
  async data(id: string): Promise<LetterData> {
    const letter = await this.letters.findById(id);
    if (!letter) throw new NotFoundProblem('Letter');
    return letter.data;
  }

  /**
   * The stored PDF of an issued letter, as issued. A file that is missing or does not match the
   * recorded hash is a `LetterIntegrityError` (logged with the letter's id, nothing personal).
   */
  async file(id: string): Promise<LetterFile> {
    const letter = await this.letters.findById(id);
    if (!letter) throw new NotFoundProblem('Letter');
    let bytes: Buffer;
    try {
      bytes = await this.storage.read(letter.pdfPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.logger.error({ letterId: id, code }, 'Letter file cannot be read');
      throw new LetterIntegrityError(`The file of letter ${id} cannot be read`);
    }
    const actual = sha256Hex(bytes);
    if (actual !== letter.sha256 || bytes.length !== letter.byteSize) {
      this.logger.error(
        { letterId: id, expected: letter.sha256, actual, byteSize: bytes.length },
        'Letter file does not match its recorded hash',
      );
      throw new LetterIntegrityError(`The file of letter ${id} does not match its recorded hash`);
    }
    const template = await this.templates.version(letter.templateId);
    return {
      letter: issuedView(letter, template),
      bytes,
      contentType: 'application/pdf',
      fileName: `${template.key}-${letter.id}.pdf`,
    };
  }
}
