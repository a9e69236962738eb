// Letters as PDF through the session: fetched with the cookie (a plain link could not carry an
// error answer), then opened in a new tab or saved under the name the api gives.
import type { FileAnswer } from './api';

/** How long a PDF's blob URL lives: long enough for the tab or the download to read it. */
const blobLifetimeMs = 60_000;

/** Saves a file as a download, with the api's file name (never anything personal). */
export function saveFile(file: FileAnswer, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), blobLifetimeMs);
}

/**
 * Opens a PDF in a new tab. The tab opens at once, in the click (a tab opened after the fetch
 * would be blocked as a pop-up), and shows the PDF when it arrives; without a tab it is saved.
 * A failed fetch closes the tab again and rethrows.
 */
export async function openFile(
  load: () => Promise<FileAnswer>,
  fallbackName: string,
): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const file = await load();
    if (!tab || tab.closed) {
      saveFile(file, fallbackName);
      return;
    }
    const url = URL.createObjectURL(file.blob);
    tab.location.href = url;
    window.setTimeout(() => URL.revokeObjectURL(url), blobLifetimeMs);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
