import { useState } from 'react';

/**
 * An action the user starts (a save, a removal): `busy` while it runs, so its button
 * can be disabled, and `error` when it failed, to be shown where it was started.
 */
export function useAction(action: () => Promise<void>): { busy: boolean; error: unknown; run: () => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
