export type StoreErrorCode =
  | 'conflict'
  | 'not-found'
  | 'quota'
  | 'unavailable'
  | 'invalid'
  | 'failed'
  /** The rep cancelled a long task: nothing was changed. */
  | 'cancelled'
  /** A person the rep asked never to be suggested again: not saved (pages say so from the i18n table). */
  | 'suppressed';

/** Every failure of the store, with a message a rep can read. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export function conflict(kind: string, id: string): StoreError {
  return new StoreError(
    'conflict',
    `This ${kind} was changed elsewhere since you opened it (${id}). Reload to see the latest version.`,
  );
}

/** Maps an IndexedDB failure to a StoreError that says what happened. */
export function asStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError(
      'quota',
      'The browser has no room left for Pipeline Scout’s data. Nothing was saved.',
      {
        cause: error,
      },
    );
  }
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError') {
    return new StoreError('unavailable', 'The local database cannot be opened in this browser profile.', {
      cause: error,
    });
  }
  const message = (error as Error | null)?.message ?? String(error);
  return new StoreError('failed', `Saving failed: ${message}`, { cause: error });
}
