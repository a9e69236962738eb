import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** Extracts pdf-parse's text in a plain Node process (pdf.js loads its worker by dynamic import, which Jest's sandbox refuses). */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

/** For tests only: the text a PDF reader extracts from the letter. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: join(__dirname, '../../../..'), maxBuffer: 10 * 1024 * 1024 },
      (error, stdout) => (error ? reject(new Error(error.message)) : resolve(stdout)),
    );
    child.stdin!.end(pdf);
  });
}
