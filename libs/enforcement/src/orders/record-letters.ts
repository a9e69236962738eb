/**
 * What hearings and orders share about their letters: the facts a letter is built from, one
 * letter per addressee, and the letters as the API lists them. Personal data (the addressee)
 * goes into the letter's own row, never into audit rows or file names.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuthenticatedUser } from '@hausakte/auth';
import { ConflictProblem } from '@hausakte/platform';
import type { Addressee } from '../cases/addressee';
import { germanDate } from '../letters/letter-composition';
import {
  LETTER_TEMPLATE_KEYS,
  type LetterData,
  type LetterKind,
  type LetterTemplateKey,
} from '../letters/letter-template-content';
import type { LettersService } from '../letters/letters.service';
import { resolveItemPeriod, type PeriodLength, type Severity } from '../rules/default-periods';

/** A letter a hearing or an order went out as (its bytes: the record's letters route). */
export class RecordLetterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The addressee (landlord) it went to',
  })
  landlordId!: string | null;
  @ApiProperty({ enum: LETTER_TEMPLATE_KEYS }) templateKey!: LetterTemplateKey;
  @ApiProperty({ description: 'The template version it was rendered from' })
  templateVersion!: number;
  @ApiProperty({ description: 'SHA-256 of the stored PDF, lower-case hex' }) sha256!: string;
  @ApiProperty() byteSize!: number;
  @ApiProperty() createdAt!: string;
}

/** A stored letter's record, as the letters table and its template give it. */
export interface LetterRow {
  id: string;
  templateKey: LetterTemplateKey;
  templateVersion: number;
  sha256: string;
  byteSize: number;
  createdAt: Date;
}

/** The record's letters in the order of its addressees (`letterIds[i]` went to `addressees[i]`). */
export function recordLetters(
  letterIds: string[],
  addressees: Addressee[] | null,
  rows: Map<string, LetterRow>,
): RecordLetterDto[] {
  return letterIds.flatMap((id, index) => {
    const row = rows.get(id);
    if (!row) return [];
    return [
      {
        id,
        landlordId: addressees?.[index]?.landlordId ?? null,
        templateKey: row.templateKey,
        templateVersion: row.templateVersion,
        sha256: row.sha256,
        byteSize: row.byteSize,
        createdAt: row.createdAt.toISOString(),
      },
    ];
  });
}

/** The case's facts every letter about it prints. */
export interface CaseLetterFacts {
  reference: string;
  propertyId: string;
  propertyAddress: string | null;
  officerName: string;
  officerEmail: string;
  officerActive: boolean;
}

/** A defect as letters name it. */
export interface DefectLetterFact {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  room: string | null;
  unitLabel: string | null;
  cataloguePeriod: PeriodLength | null;
  /** The day the inspection that found it was completed (Europe/Berlin). */
  foundOn: string | null;
}

/** "Schimmelbefall (Wohnung EG links, Schlafzimmer): Befund" — title, location, description. */
export function defectText(defect: DefectLetterFact): string {
  const location = [defect.unitLabel, defect.room].filter((part) => part?.trim()).join(', ');
  const head = location ? `${defect.title} (${location})` : defect.title;
  return `${head}: ${defect.description.trim()}`;
}

/** The period an order would give the defect: its catalogue entry's, else its severity's. */
export function intendedPeriod(defect: DefectLetterFact): PeriodLength {
  const resolved = resolveItemPeriod({
    severity: defect.severity,
    cataloguePeriod: defect.cataloguePeriod,
    override: null,
  });
  if (!resolved.ok) throw new Error(`defect ${defect.id}: ${resolved.error.message}`);
  return resolved.value.period;
}

/** The paragraph that says when the defects were found: "am 02.03.2026" or "am 02.03. und …". */
export function foundOnText(defects: DefectLetterFact[]): string {
  const days = [...new Set(defects.flatMap((d) => (d.foundOn ? [d.foundOn] : [])))].sort();
  if (days.length === 0) return '';
  const german = days.map(germanDate);
  const list =
    german.length === 1
      ? german[0]
      : `${german.slice(0, -1).join(', ')} und ${german[german.length - 1]}`;
  return ` am ${list}`;
}

/** The parts of a letter's data that are the same for every addressee. */
export function frame(
  facts: CaseLetterFacts,
  actor: AuthenticatedUser,
): Pick<LetterData, 'property' | 'officer'> {
  if (!facts.propertyAddress) {
    throw new ConflictProblem(
      'The property has no primary address: the letter could not name it. Record the address first.',
    );
  }
  // The case's officer signs; if that account is no longer active, the officer acting now.
  const officer = facts.officerActive
    ? { name: facts.officerName, email: facts.officerEmail }
    : { name: actor.displayName, email: actor.email };
  return { property: { address: facts.propertyAddress }, officer };
}

/** The addressee as the envelope window prints it. */
export function letterAddressee(addressee: Addressee): LetterData['addressee'] {
  const postal = addressee.postalAddress!;
  const lines = [
    `${postal.street} ${postal.houseNumber}`.trim(),
    `${postal.postcode} ${postal.city}`.trim(),
  ];
  if (postal.country && postal.country.toUpperCase() !== 'DE') lines.push(postal.country);
  return { name: addressee.name, addressLines: lines, salutation: null };
}

/**
 * One letter per addressee, each naming only its own addressee (every landlord in charge is
 * notified of the administrative act in its own right), in the caller's transaction.
 */
export async function issuePerAddressee(
  letters: LettersService,
  input: {
    kind: LetterKind;
    templateKey: LetterTemplateKey;
    reference: string;
    addressees: Addressee[];
    data: Omit<LetterData, 'addressee'>;
  },
): Promise<string[]> {
  const ids: string[] = [];
  for (const addressee of input.addressees) {
    const issued = await letters.issue({
      kind: input.kind,
      templateKey: input.templateKey,
      reference: input.reference,
      data: { ...input.data, addressee: letterAddressee(addressee) },
    });
    ids.push(issued.id);
  }
  return ids;
}

/** Paragraphs of an officer's text: split at blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/**
 * The letter's date: the day it left the office as the delivery records it (the earliest of its
 * days: posting, certificate, hand-over), else `fallback`. A letter is never dated after it was
 * posted.
 */
export function letterDate(days: string[], fallback: string): string {
  return [...days].sort()[0] ?? fallback;
}
