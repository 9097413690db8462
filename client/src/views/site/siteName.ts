import type { Messages } from '../../i18n/index.js';
import type { SiteAnalysis } from '../../lib/apiTypes.js';

/**
 * What a site is called, never only its coordinates: the address it was added by, else
 * the nearest street address the server found (within 150 m), else the areas it lies
 * in, else "outside the imported areas". Undefined while no server answer is in.
 */
export function siteName(m: Messages, site: { name?: string }, analysis: SiteAnalysis | undefined, isPreview: boolean): string | undefined {
  if (site.name) return site.name;
  if (isPreview || !analysis) return undefined;
  if (analysis.address) return m.siteSaved.nearAddress(analysis.address.label);
  const smallest = analysis.areas[analysis.areas.length - 1];
  if (smallest) return m.siteSaved.inArea(smallest.name);
  return m.siteSaved.outside;
}
