import { useEffect, useRef } from 'react';

/** What a shortcut asks of a view that may not be shown yet: focus the unit list, open a new activity. */
export type Intent = 'units' | 'newActivity';

const EVENT = 'ps-intent';
let pending: Intent | null = null;

/** Asks for `intent`: the view that handles it does so now if shown, or when it mounts. */
export function requestIntent(intent: Intent): void {
  pending = intent;
  window.dispatchEvent(new CustomEvent<Intent>(EVENT, { detail: intent }));
}

/**
 * Runs `handler` when `intent` is asked for while mounted, or was asked for just before
 * mounting. It runs after the frame is drawn, so that it comes after the move of focus to
 * a new view's heading.
 */
export function useIntent(intent: Intent, handler: () => void, ready = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!ready) return;
    let frame = 0;
    const run = () => {
      if (pending !== intent) return;
      pending = null;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => requestAnimationFrame(() => latest.current()));
    };
    run();
    window.addEventListener(EVENT, run);
    return () => {
      window.removeEventListener(EVENT, run);
      cancelAnimationFrame(frame);
    };
  }, [intent, ready]);
}
