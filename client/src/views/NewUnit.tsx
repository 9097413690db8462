import { useEffect } from 'react';
import { BackLink } from '../components/BackLink.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { routeHref } from '../lib/route.js';
import { canEdit } from '../outreach/api.js';
import { useMe } from '../session.js';
import { useUnits } from '../units.js';
import { UnitForm } from './unit/UnitForm.js';

/** `/units/new`: the unit form for editors and administrators; after saving, the new unit. Viewers are told they may not. */
export function NewUnit() {
  const { m } = useI18n();
  const t = m.unitEdit;
  const me = useMe();
  const units = useUnits();
  const { navigate } = useRouter();
  useEffect(() => {
    document.title = `${t.newUnitTitle} – ${m.app.name}`;
  }, [t, m]);

  return (
    <div className="view new-unit">
      <BackLink />
      <h1 tabIndex={-1}>{t.newUnitTitle}</h1>
      {canEdit(me) ? (
        <>
          <p className="muted">{t.newUnitIntro}</p>
          <UnitForm
            onSaved={(u) => {
              units.retry();
              navigate(routeHref({ name: 'unit', id: u.id, tab: 'unit' }));
            }}
            onCancel={() => navigate('/')}
          />
        </>
      ) : (
        <div className="error-box" role="alert">
          <p>{t.notAllowed}</p>
        </div>
      )}
    </div>
  );
}
