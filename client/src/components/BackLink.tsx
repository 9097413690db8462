import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';

/** "← Alla enheter": the way back to the overview from the unit pages. */
export function BackLink() {
  const { m } = useI18n();
  return (
    <p className="back">
      <Link href="/">
        <span aria-hidden="true">← </span>
        {m.unit.back}
      </Link>
    </p>
  );
}
