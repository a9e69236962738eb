import { useTranslation } from 'react-i18next';

/** The start page until the property register arrives. */
export function Home() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p className="lead">{t('home.ready')}</p>
      <p className="muted">{t('home.empty')}</p>
    </section>
  );
}
