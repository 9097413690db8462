import { useI18n } from '../../i18n/index.js';
import { contactsExportUrl } from '../../lib/exportUrls.js';

/** The unit's contact list as downloads: CSV (in the page language's dialect) and vCard for phones. */
export function ContactsExport({ unitId }: { unitId: number }) {
  const { m, lang } = useI18n();
  const t = m.exports;
  return (
    <section className="contacts-export" aria-labelledby="contacts-export-heading">
      <h3 id="contacts-export-heading" className="small-heading">{t.contactsHeading}</h3>
      <p className="contacts-export-links">
        <a className="button button-small" href={contactsExportUrl(unitId, 'csv', lang)} download aria-describedby="contacts-export-hint">{t.contactsCsv}</a>{' '}
        <a className="button button-small" href={contactsExportUrl(unitId, 'vcf', lang)} download aria-describedby="contacts-export-hint">{t.contactsVcf}</a>
      </p>
      <p id="contacts-export-hint" className="muted small">{t.contactsHint}</p>
    </section>
  );
}
