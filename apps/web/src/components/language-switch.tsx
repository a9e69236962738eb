import { useTranslation } from 'react-i18next';
import { changeLanguage, defaultLanguage, isLanguage, languageNames, languages } from '../i18n';

/** DE | EN: two toggle buttons; the choice is kept in localStorage and sets `<html lang>`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
  return (
    <div
      className="lang-switch"
      role="group"
      aria-label={t('language.label')}
      data-testid="lang-switch"
    >
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="lang-switch__button"
          lang={language}
          title={languageNames[language]}
          aria-pressed={language === active}
          data-lang={language}
          onClick={() => void changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
