/**
 * Errors of Chrome's built-in AI (DOMExceptions) as the GenError codes the UI translates.
 */
import { GenError } from '../types';

const MAX_DETAIL = 300;

/**
 * - an abort (our signal, or Chrome's `AbortError`) → `cancelled`;
 * - `NotAllowedError`: Chrome wanted a user activation to download the model → `needsDownload`;
 * - anything else (`NotSupportedError`, `InvalidStateError`, `OperationError`, `QuotaExceededError`, …): the
 *   on-device model could not do it here → `unavailable`, with Chrome's words as detail.
 */
export function toGenError(e: unknown, signal?: AbortSignal): GenError {
  if (e instanceof GenError) return e;
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  const message = e instanceof Error ? e.message : String(e);
  if (signal?.aborted || name === 'AbortError') return new GenError('cancelled');
  if (name === 'NotAllowedError') return new GenError('needsDownload', { message: message.slice(0, MAX_DETAIL) });
  return new GenError('unavailable', { message: `${name || 'Error'}: ${message}`.slice(0, MAX_DETAIL) });
}
