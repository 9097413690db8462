import { useI18n } from '../i18n/index.js';

/** One button that switches between Swedish and English; its text is in the other language. */
export function LanguageSwitch() {
  const { lang, setLang, m } = useI18n();
  // The visible text is in the other language and marked so (lang), which also names it for screen readers.
  const other = lang === 'sv' ? 'en' : 'sv';
  return (
    <button type="button" className="button button-quiet lang-switch" lang={other} title={m.app.switchLanguageLabel} onClick={() => setLang(other)}>
      {m.app.switchLanguage}
    </button>
  );
}
