import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { SecondFactor } from './SecondFactor.js';
import type { SecondFactorT } from './secondFactorApi.js';

/**
 * What an editor or administrator sees when their role must have a second factor and they
 * have none: the server refuses everything else, so the page offers only the set-up (like
 * ChooseOwnPassword for a temporary password), then a button on into the product once the
 * recovery codes are saved.
 */
export function EnrolSecondFactor({ onDone, onSignOut }: { onDone: () => void; onSignOut: () => void }) {
  const t = useI18n().m.secondFactor;
  const heading = useRef<HTMLHeadingElement>(null);
  const [enrolled, setEnrolled] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const changed = useCallback((s: SecondFactorT) => setEnrolled(!!s.totp || s.passkeys.length > 0), []);
  return (
    <main className="center-page sf-enrol" id="main">
      <h1 ref={heading} tabIndex={-1}>{t.enrolTitle}</h1>
      <p>{t.enrolIntro}</p>
      <SecondFactor heading={false} onChanged={changed} />
      {enrolled && <button type="button" className="button button-primary" onClick={onDone}>{t.continue}</button>}
      <button type="button" className="button button-quiet" onClick={onSignOut}>{t.signOut}</button>
    </main>
  );
}
