/**
 * A letter as PDF (pdfkit): A4, laid out after DIN 5008 form B — letterhead at the top right,
 * the addressee in the window of a DL envelope with the return address above it, the
 * information block (reference, date, officer) beside it, fold and punch marks — then subject,
 * salutation, text, numbered items with their periods, the coercive-fine threat, reasoning,
 * legal basis, instructions on legal remedies, closing and signature; footer and page numbers
 * on every page.
 *
 * Deterministic: the same template and data give the same bytes. The PDF's dates are the
 * letter's date and its file ID derives from them (pdfkit hashes the info dictionary); the font
 * is embedded from the shipped file and subset in a fixed way. Pure apart from reading the font.
 */
import PDFDocument from 'pdfkit';
import { composeLetter, type ComposedLetter, type ComposedSection } from './letter-composition';
import { letterFonts } from './letter-fonts';
import type { LetterData, LetterTemplateContent } from './letter-template-content';

const mm = (value: number) => (value * 72) / 25.4;

const PAGE_WIDTH = mm(210);
const PAGE_HEIGHT = mm(297);
const LEFT = mm(25);
const RIGHT = mm(20);
const TOP = mm(20);
const BOTTOM = mm(28);
const BODY_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
const NUMBER_WIDTH = mm(8);
const INFO_X = mm(125);
const INFO_WIDTH = PAGE_WIDTH - INFO_X - RIGHT;

const BODY_SIZE = 10.5;
const LINE_GAP = 1.5;
const REGULAR = 'LetterRegular';
const BOLD = 'LetterBold';

/** Renders the letter; rejects with `LetterRenderError` for a template or data it cannot print. */
export async function renderLetterPdf(
  template: LetterTemplateContent,
  data: LetterData,
  reference: string,
): Promise<Buffer> {
  return layoutLetter(composeLetter(template, data, reference));
}

/** The PDF of a composed letter. */
export function layoutLetter(letter: ComposedLetter): Promise<Buffer> {
  const fonts = letterFonts();
  // Noon UTC is the same calendar day in Berlin all year round.
  const dated = new Date(`${letter.date}T12:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, left: LEFT, right: RIGHT, bottom: BOTTOM },
    bufferPages: true,
    compress: true,
    lang: 'de-DE',
    displayTitle: true,
    info: {
      Title: letter.title,
      Author: letter.letterhead[0] ?? '',
      Creator: 'Hausakte',
      Producer: 'Hausakte',
      CreationDate: dated,
      ModDate: dated,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont(REGULAR, fonts.regular);
    doc.registerFont(BOLD, fonts.bold);
    drawFirstPageFrame(doc, letter);
    drawBody(doc, letter);
    drawFooters(doc, letter);
  } catch (error) {
    doc.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  doc.end();
  return done;
}

function drawFirstPageFrame(doc: PDFKit.PDFDocument, letter: ComposedLetter): void {
  // Fold marks (105 mm, 210 mm) and the punch mark (148.5 mm) at the left edge.
  doc.save().lineWidth(0.4).strokeColor('#808080');
  for (const [y, length] of [
    [105, 5],
    [148.5, 8],
    [210, 5],
  ] as const) {
    doc
      .moveTo(mm(4), mm(y))
      .lineTo(mm(4 + length), mm(y))
      .stroke();
  }
  doc.restore();

  // Letterhead, top right.
  let y = mm(12);
  letter.letterhead.forEach((line, index) => {
    const bold = index === 0;
    doc.font(bold ? BOLD : REGULAR).fontSize(bold ? 12 : 9);
    doc.text(line, INFO_X, y, { width: INFO_WIDTH, lineGap: 0.5 });
    y = doc.y;
  });

  // The envelope window: return address, then the addressee.
  doc.font(REGULAR).fontSize(7);
  doc.text(letter.returnAddress, LEFT, mm(54), { width: mm(80), underline: true });
  doc.font(REGULAR).fontSize(10.5);
  doc.text(letter.addressee.join('\n'), LEFT, mm(63), { width: mm(80), lineGap: 0.5 });

  // Information block beside the window.
  doc.font(REGULAR).fontSize(9);
  doc.text(letter.infoBlock.join('\n'), INFO_X, mm(54), { width: INFO_WIDTH, lineGap: 1.5 });

  doc.x = LEFT;
  doc.y = Math.max(mm(103), doc.y + mm(6));
}

function drawBody(doc: PDFKit.PDFDocument, letter: ComposedLetter): void {
  doc.font(BOLD).fontSize(BODY_SIZE);
  text(doc, letter.subject.join('\n'));
  doc.moveDown(1.2);

  doc.font(REGULAR).fontSize(BODY_SIZE);
  paragraph(doc, letter.salutation);
  letter.intro.forEach((p) => paragraph(doc, p));

  heading(doc, letter.items.heading);
  for (const item of letter.items.entries) {
    keepLines(doc, 3);
    const top = doc.y;
    doc.font(BOLD).text(`${item.number}.`, LEFT, top, { width: NUMBER_WIDTH });
    doc.font(REGULAR).text(item.text, LEFT + NUMBER_WIDTH, top, {
      width: BODY_WIDTH - NUMBER_WIDTH,
      lineGap: LINE_GAP,
    });
    doc.text(item.period, LEFT + NUMBER_WIDTH, doc.y, {
      width: BODY_WIDTH - NUMBER_WIDTH,
      lineGap: LINE_GAP,
    });
    doc.moveDown(0.6);
  }

  const fine = letter.coerciveFine;
  if (fine.perItem.length) {
    heading(doc, fine.heading);
    [...fine.paragraphs, ...fine.perItem, ...fine.outro].forEach((p) => paragraph(doc, p));
  }
  section(doc, letter.immediateEnforcement);
  section(doc, letter.reasoning);
  section(doc, letter.legalBasis);
  section(doc, letter.legalRemedies);

  keepLines(doc, letter.closing.length + letter.signature.length + 2);
  doc.moveDown(0.6);
  letter.closing.forEach((line) => text(doc, line));
  doc.moveDown(1.5);
  letter.signature.forEach((line) => (line.trim() ? text(doc, line) : doc.moveDown(2)));
}

function drawFooters(doc: PDFKit.PDFDocument, letter: ComposedLetter): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Below the bottom margin: lift it while writing, or pdfkit would start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const top = PAGE_HEIGHT - mm(20);
    doc.font(REGULAR).fontSize(7).fillColor('#404040');
    doc.text(letter.footer.join('\n'), LEFT, top, { width: BODY_WIDTH - mm(30), lineGap: 0.5 });
    doc.text(letter.pageNumber(index + 1, range.count), PAGE_WIDTH - RIGHT - mm(30), top, {
      width: mm(30),
      align: 'right',
    });
    doc.fillColor('black');
    doc.page.margins.bottom = margin;
  }
}

function text(doc: PDFKit.PDFDocument, value: string): void {
  doc.text(value, LEFT, doc.y, { width: BODY_WIDTH, lineGap: LINE_GAP });
}

function paragraph(doc: PDFKit.PDFDocument, value: string): void {
  doc.font(REGULAR).fontSize(BODY_SIZE);
  text(doc, value);
  doc.moveDown(0.6);
}

function heading(doc: PDFKit.PDFDocument, value: string): void {
  if (!value.trim()) return;
  keepLines(doc, 4);
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(BODY_SIZE);
  text(doc, value);
  doc.moveDown(0.4);
  doc.font(REGULAR);
}

function section(doc: PDFKit.PDFDocument, value: ComposedSection): void {
  if (!value.paragraphs.length) return;
  heading(doc, value.heading);
  value.paragraphs.forEach((p) => paragraph(doc, p));
}

/** Starts a new page unless `lines` more lines fit on this one (no heading alone at the foot). */
function keepLines(doc: PDFKit.PDFDocument, lines: number): void {
  const needed = lines * (doc.currentLineHeight(true) + LINE_GAP);
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
