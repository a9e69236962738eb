import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The letter font: DejaVu Sans cut down to Latin (fonts/LICENSE.txt), embedded in every PDF.
 * PDF's standard Helvetica covers only WinAnsi: "Yıldız", "Łukasz" or "Şahin" would print as
 * garbage. Shipped with the code, never fetched: next to this file in the sources, and copied
 * by the build (nest-cli.json `assets`) to `letters/fonts` beside the bundled app.
 */
const FONT_DIRECTORIES = [join(__dirname, 'fonts'), join(__dirname, 'letters', 'fonts')];

export interface LetterFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: LetterFonts | null = null;

export function letterFonts(): LetterFonts {
  if (loaded) return loaded;
  const directory = FONT_DIRECTORIES.find((dir) => existsSync(join(dir, 'DejaVuSans-Latin.ttf')));
  if (!directory) {
    throw new Error(`The letter font is missing: looked in ${FONT_DIRECTORIES.join(', ')}`);
  }
  loaded = {
    regular: readFileSync(join(directory, 'DejaVuSans-Latin.ttf')),
    bold: readFileSync(join(directory, 'DejaVuSans-Bold-Latin.ttf')),
  };
  return loaded;
}
