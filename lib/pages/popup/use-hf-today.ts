/** "Today on Hugging Face" for the popup: asks the background for the list, and for the permission on request. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HF_HOST_PERMISSION } from '../../hf/api';
import { t } from '../../i18n';
import type { Res } from '../../messages';
import { send } from '../../send';
import { errorText } from '../page';

export interface HfTodayController {
  data: Res<'getHfToday'> | null;
  /** The last request failed, or the permission request did. */
  error: string | null;
  /** Asks for the huggingface.co permission; call it straight from the click (the request needs the gesture). */
  allow(): void;
}

/** Loads the list once on open (once `start` is true), and again after the permission is granted. */
export function useHfToday(start = true): HfTodayController {
  const [data, setData] = useState<Res<'getHfToday'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await send('getHfToday', {}));
      setError(null);
    } catch (e) {
      setError(t('popup_hfError', errorText(e)));
    }
  }, []);
  useEffect(() => {
    if (start) void load();
  }, [load, start]);
  const allow = useCallback(() => {
    browser.permissions.request({ origins: [HF_HOST_PERMISSION] }).then(
      (granted) => {
        if (granted) void load();
        else setError(t('popup_hfDenied'));
      },
      (e: unknown) => setError(t('popup_hfError', errorText(e))),
    );
  }, [load]);
  return { data, error, allow };
}
