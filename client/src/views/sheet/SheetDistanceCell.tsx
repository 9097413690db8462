import { useI18n } from '../../i18n/index.js';
import { WalkDistance } from '../unit/WalkDistance.js';

/** A place's distance as the sheet's tables show it: the straight line, the walk beneath. */
export function SheetDistanceCell({ place }: { place: { distance_m: number; walk_m?: number | null; walk_min?: number | null } }) {
  const { m } = useI18n();
  return (
    <td className="num">
      {m.distance(place.distance_m)}
      <WalkDistance walk={place.walk_m} minutes={place.walk_min} straight={place.distance_m} />
    </td>
  );
}
