/** Sync status for the popup and options page: loads it, polls it, and starts a sync on request. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SyncStatus } from '../records';
import { send } from '../send';
import { errorText } from './page';

/** Poll interval while a sync runs (progress updates). */
export const POLL_RUNNING_MS = 500;
/** Poll interval otherwise, so a sync started by the background (install, alarm) shows up. */
export const POLL_IDLE_MS = 5000;

export interface SyncController {
  status: SyncStatus | null;
  /** Why the background could not be asked (not a sync error: those are in `status.lastError`). */
  error: string | null;
  /** True while a "Sync now" request is on its way. */
  requesting: boolean;
  syncNow(): Promise<void>;
  refresh(): Promise<void>;
  /** Replaces the status with one a request returned (e.g. after clearData). */
  setStatus(status: SyncStatus): void;
}

/** `start` false holds the first request back (the popup asks for its list first, so that shows sooner). */
export function useSyncStatus(start = true): SyncController {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [tick, setTick] = useState(0);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const r = await send('getSyncStatus', {});
      if (!alive.current) return;
      setStatus(r.status);
      setError(null);
    } catch (e) {
      if (alive.current) setError(errorText(e));
    } finally {
      if (alive.current) setTick((n) => n + 1);
    }
  }, []);

  useEffect(() => {
    if (!start) return;
    alive.current = true;
    void refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh, start]);

  // One timer per completed refresh: fast while a sync runs, slow otherwise.
  useEffect(() => {
    if (tick === 0) return;
    const id = setTimeout(() => void refresh(), status?.running ? POLL_RUNNING_MS : POLL_IDLE_MS);
    return () => clearTimeout(id);
  }, [tick]);

  const syncNow = useCallback(async () => {
    setRequesting(true);
    try {
      const r = await send('syncNow', {});
      if (!alive.current) return;
      setStatus(r.status);
      setError(null);
      setTick((n) => n + 1);
    } catch (e) {
      if (alive.current) setError(errorText(e));
    } finally {
      if (alive.current) setRequesting(false);
    }
  }, []);

  return { status, error, requesting, syncNow, refresh, setStatus };
}
