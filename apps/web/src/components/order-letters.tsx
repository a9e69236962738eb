// Letters of a hearing or an order: the preview of a draft order (PDF in a new tab) and the
// letters as issued (PDF downloads), fetched with the session.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileAnswer } from '../api';
import { enforcementApi, type Addressee, type Order, type RecordLetter } from '../enforcement-api';
import { openFile, saveFile } from '../letter-files';
import { formatDateTime } from '../time';
import { errorText } from './page';

/** Runs a file action with its own busy state and error line. */
function useFileAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorText(t, failure));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

export function OrderLetters({ order }: { order: Order }) {
  const { t } = useTranslation();
  const preview = useFileAction();
  return (
    <section className="card stack" aria-labelledby="section-letters" data-testid="order-letters">
      <h2 id="section-letters">{t('letters.title')}</h2>
      {order.status === 'draft' && (
        <>
          <p className="muted small">{t('letters.previewHint')}</p>
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={preview.busy}
              onClick={() =>
                void preview.run(() =>
                  openFile(
                    () => enforcementApi.orderLetterPreview(order.id),
                    'anordnung-vorschau.pdf',
                  ),
                )
              }
              data-testid="letter-preview"
            >
              {t('letters.preview')}
            </button>
          </p>
          {preview.error && (
            <p className="banner banner--error" role="alert">
              {preview.error}
            </p>
          )}
        </>
      )}
      {order.status !== 'draft' && (
        <LetterList
          letters={order.letters}
          addressees={order.addressees}
          load={(letterId) => enforcementApi.orderLetter(order.id, letterId)}
        />
      )}
    </section>
  );
}

/** The letters as issued, one per addressee, each a download. */
export function LetterList({
  letters,
  addressees,
  load,
}: {
  letters: RecordLetter[];
  addressees: Addressee[] | null;
  load: (letterId: string) => Promise<FileAnswer>;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'de';
  const download = useFileAction();
  if (letters.length === 0) return <p className="muted">{t('letters.none')}</p>;
  const nameOf = (letter: RecordLetter) =>
    addressees?.find((addressee) => addressee.landlordId === letter.landlordId)?.name ??
    t('letters.unknownAddressee');
  return (
    <>
      <ul className="plain-list stack">
        {letters.map((letter) => (
          <li key={letter.id} data-testid="letter">
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={download.busy}
              onClick={() =>
                void download.run(async () => saveFile(await load(letter.id), `${letter.id}.pdf`))
              }
              data-testid="letter-download"
            >
              {t('letters.download', { name: nameOf(letter) })}
            </button>{' '}
            <span className="muted small">
              {t('letters.meta', {
                when: formatDateTime(letter.createdAt, language),
                kb: Math.max(1, Math.round(letter.byteSize / 1024)),
                version: letter.templateVersion,
              })}
            </span>
          </li>
        ))}
      </ul>
      {download.error && (
        <p className="banner banner--error" role="alert">
          {download.error}
        </p>
      )}
    </>
  );
}
