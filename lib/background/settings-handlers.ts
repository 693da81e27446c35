/**
 * `setSettings`: stores a patch of the privileged settings (it arrives validated and normalised by
 * lib/background/requests.ts). A custom source, a Hugging Face feature or a model endpoint needs its host permission
 * granted first (asked for by the page in the user's click); the entrypoint restarts or reschedules the sync after.
 */
import { getSettings, putSettings } from '../db/settings-store';
import { appError, CodedError } from '../errors';
import { endpointOf } from '../gen/endpoint';
import { HF_HOST_PERMISSION } from '../hf/api';
import { DEFAULT_SOURCE_URL } from '../setting-defaults';
import type { HandlerContext, HandlersOf } from './handler-deps';

export function settingsHandlers({ deps, db }: HandlerContext): HandlersOf<'setSettings'> {
  return {
    setSettings: async ({ patch }) => {
      const permitted = deps.originPermitted ?? (async () => true);
      const noPermission = (origin: string) => new CodedError(appError('noPermission', { origin }));
      if (patch.sourceUrl !== undefined && patch.sourceUrl !== DEFAULT_SOURCE_URL) {
        const origin = new URL(patch.sourceUrl).origin;
        if (!(await permitted(origin))) throw noPermission(origin);
      }
      const hfOrigin = new URL(HF_HOST_PERMISSION).origin;
      if ((patch.hfDaily || patch.hfLiveVotes) && !(await permitted(hfOrigin))) throw noPermission(hfOrigin);
      const current = await getSettings(await db());
      const endpoint = endpointOf({ ...current, ...patch });
      const endpointChanged = ['summaryProvider', 'providerBaseUrl'].some((k) => Object.hasOwn(patch, k));
      if (endpoint && endpointChanged && !(await permitted(endpoint.origin))) {
        throw noPermission(endpoint.origin);
      }
      const { before, after } = await putSettings(await db(), patch);
      await deps.onSettingsChanged?.(before, after);
      return { settings: after };
    },
  };
}
