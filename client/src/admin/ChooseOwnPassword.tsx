import { useEffect, useRef } from 'react';
import { OwnPassword } from './OwnPassword.js';
import { usePasswordResetTexts } from './ResetPassword.js';

/**
 * What a user with a temporary password sees instead of the product: the server refuses
 * everything else until they have chosen their own, so the page asks for nothing else.
 */
export function ChooseOwnPassword({ onChanged, onSignOut }: { onChanged: () => void; onSignOut: () => void }) {
  const t = usePasswordResetTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="center-page" id="main">
      <h1 ref={heading} tabIndex={-1}>{t.chooseTitle}</h1>
      <p>{t.chooseIntro}</p>
      <OwnPassword onChanged={onChanged} heading={false} />
      <button type="button" className="button button-quiet" onClick={onSignOut}>{t.signOut}</button>
    </main>
  );
}
