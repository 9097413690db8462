import type { AsyncState } from '../hooks/useAsync.js';
import { ErrorMessage, Skeleton } from './Status.js';

/**
 * What a loaded list shows besides its rows: a skeleton on the first load, the error
 * with a retry, or `none` when it loaded empty.
 */
export function ListStatus({ state, empty, none, lines = 6 }: { state: AsyncState<unknown> & { retry: () => void }; empty: boolean; none: string; lines?: number }) {
  return (
    <>
      {state.status === 'loading' && !state.data ? <Skeleton lines={lines} /> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={state.retry} /> : null}
      {state.data && empty ? <p>{none}</p> : null}
    </>
  );
}
