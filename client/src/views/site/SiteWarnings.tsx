import { useI18n } from '../../i18n/index.js';
import { placeWarningTexts, usePlaceCheck } from '../../placement/PlaceWarning.js';
import type { Site } from './useSites.js';

/**
 * The place check of every candidate site: "Plats A: Platsen ligger i Göta älv." The
 * analysis runs regardless (a planner may mean a pier); the warning says to check.
 */
export function SiteWarnings({ sites }: { sites: Site[] }) {
  return (
    <>
      {sites.map((s) => (
        <SiteWarning key={s.label} site={s} />
      ))}
    </>
  );
}

function SiteWarning({ site }: { site: Site }) {
  const { m } = useI18n();
  const texts = placeWarningTexts(m, usePlaceCheck(site.pos));
  if (!texts.length) return null;
  return (
    <div className="place-warning" role="alert" data-testid={`site-${site.label}-warning`}>
      {texts.map((w) => (
        <p key={w.code}>{m.baseData.siteWarning(site.label, w.text)}</p>
      ))}
      <p className="small">{m.baseData.analysedAnyway}</p>
    </div>
  );
}
