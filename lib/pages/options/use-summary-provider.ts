/**
 * The controller of the options page's "Korean summaries" section (issue 11): the provider settings (saved through
 * the background's `setSettings`, after the endpoint's host permission), the API key (`setProviderKey`; the page only
 * ever sees its masked hint), the provider test, auto-summarize, the token usage and "remove all", and Chrome's
 * on-device model (availability, and the download a click starts). Components get plain values and callbacks.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isApiKey } from '../../db/provider-key';
import type { UsageTotals } from '../../db/summaries';
import { errorMessage } from '../../error-text';
import { type ChromeAiApi, documentChromeAi } from '../../gen/chrome-ai/api';
import {
  type ChromeAiStatus,
  chromeAiStatus,
  type DownloadedModel,
  downloadModel,
  summarizerStatus,
} from '../../gen/chrome-ai/availability';
import { ENDPOINT_DEFAULTS, endpointOf, isEndpointProvider, isModelName, validateBaseUrl } from '../../gen/endpoint';
import { GenError } from '../../gen/types';
import { genErrorText } from '../../gen/ui-text';
import { originPattern, PORTS_IN_PATTERNS } from '../../host-permission';
import { t } from '../../i18n';
import { send } from '../../send';
import type { PrivilegedSettings, SummaryProvider } from '../../setting-defaults';
import { errorText } from '../page';
import { type Feedback, failure } from './use-action';

/** The stored settings this section shows. */
export type ProviderSettings = Pick<
  PrivilegedSettings,
  'summaryProvider' | 'providerBaseUrl' | 'providerModel' | 'autoSummarize'
>;

/** What the form holds when "save" is pressed. `key` '' keeps the stored key. */
export interface ProviderForm {
  provider: SummaryProvider;
  baseUrl: string;
  model: string;
  key: string;
}

/** Download progress of Chrome's models (fractions 0…1; summarizer null when it is not being downloaded). */
export interface DownloadProgress {
  translator: number;
  summarizer: number | null;
}

/** The host a provider's requests go to (the typed base URL when it is valid, else the default), or null. */
export function endpointHost(provider: SummaryProvider, baseUrl: string): string | null {
  if (!isEndpointProvider(provider)) return null;
  const check = baseUrl.trim() === '' ? null : validateBaseUrl(baseUrl);
  return new URL(check?.ok ? check.url : ENDPOINT_DEFAULTS[provider].baseUrl).host;
}

/** The settings patch a form saves: the provider alone, or with its endpoint (normalised), or an error. */
function patchOf(form: ProviderForm): { ok: true; patch: Partial<PrivilegedSettings> } | { ok: false; text: string } {
  if (!isEndpointProvider(form.provider)) return { ok: true, patch: { summaryProvider: form.provider } };
  let baseUrl = '';
  if (form.baseUrl.trim() !== '') {
    const check = validateBaseUrl(form.baseUrl);
    if (!check.ok) return { ok: false, text: t('options_summaryUrlInvalid', errorMessage(check.error)) };
    // The default written out is stored as the default, so it follows the provider's default.
    baseUrl = check.url === ENDPOINT_DEFAULTS[form.provider].baseUrl ? '' : check.url;
  }
  const model = form.model.trim();
  if (model !== '' && !isModelName(model)) return { ok: false, text: t('options_summaryModelInvalid') };
  if (!isApiKey(form.key.trim())) return { ok: false, text: t('options_summaryKeyInvalid') };
  return { ok: true, patch: { summaryProvider: form.provider, providerBaseUrl: baseUrl, providerModel: model } };
}

/** The stored endpoint's origin (null when the saved provider is not an endpoint) and whether a key is stored. */
export interface KeyContext {
  origin: string | null;
  hasKey: boolean;
}

const NO_KEY: KeyContext = { origin: null, hasKey: false };

export interface SaveResult extends Feedback {
  settings?: PrivilegedSettings;
  apiKeyHint?: string | null;
}

/**
 * Saves the provider settings (and the key, when one was typed). Must be called directly from the click/submit
 * handler: for an endpoint, asking for the host permission of its origin is the first asynchronous step (the request
 * needs the user gesture). A denied permission or an invalid field saves nothing; the key is sent only after the
 * settings were stored. A stored key is never carried to another host: when the endpoint's origin changes and no new
 * key was typed, the stored one is forgotten (it was meant for `before.origin`).
 */
export async function saveProvider(form: ProviderForm, before: KeyContext = NO_KEY): Promise<SaveResult> {
  const checked = patchOf(form);
  if (!checked.ok) return { kind: 'error', text: checked.text };
  const { patch } = checked;
  const endpoint = endpointOf({ summaryProvider: form.provider, providerBaseUrl: '', providerModel: '', ...patch });
  if (endpoint) {
    let granted: boolean;
    try {
      // The pattern the background checks (Firefox: the host on every port; a pattern with a port matches nothing).
      granted = await browser.permissions.request({ origins: [originPattern(endpoint.origin, PORTS_IN_PATTERNS)] });
    } catch (e) {
      return { kind: 'error', text: t('options_permissionError', endpoint.origin, errorText(e)) };
    }
    if (!granted) return { kind: 'error', text: t('options_summaryPermissionDenied', endpoint.origin) };
  }
  let settings: PrivilegedSettings;
  try {
    settings = (await send('setSettings', { patch })).settings;
  } catch (e) {
    return { kind: 'error', text: t('options_summaryNotSaved', errorText(e)) };
  }
  let apiKeyHint: string | null | undefined;
  const key = form.key.trim();
  const moved = endpoint !== null && before.hasKey && before.origin !== null && before.origin !== endpoint.origin;
  if (endpoint && (key !== '' || moved)) {
    try {
      apiKeyHint = (await send('setProviderKey', { key })).apiKeyHint;
    } catch (e) {
      return { kind: 'error', text: t('options_summaryKeyNotSaved', errorText(e)), settings };
    }
  }
  const saved = endpoint
    ? t('options_summarySavedEndpoint', new URL(endpoint.baseUrl).host)
    : form.provider === 'chrome-ai'
      ? t('options_summarySavedChromeAi')
      : t('options_summarySavedNone');
  const text = moved && key === '' ? `${saved} ${t('options_summaryKeyDropped', before.origin ?? '')}` : saved;
  return { kind: 'ok', text, settings, ...(apiKeyHint !== undefined ? { apiKeyHint } : {}) };
}

/** The provider test's outcome in plain words. */
export async function testProvider(provider: SummaryProvider): Promise<Feedback> {
  if (provider === 'none') return { kind: 'error', text: t('options_summaryTestNone') };
  try {
    const r = await send('testProvider', {});
    return r.ok
      ? { kind: 'ok', text: t('options_summaryTestOk', r.model) }
      : { kind: 'error', text: t('options_summaryTestFailed', genErrorText(r.code)) };
  } catch (e) {
    return failure(e);
  }
}

export interface SummaryController {
  /** The stored settings; null while loading (or when they could not be read). */
  saved: ProviderSettings | null;
  /** Counts reads of the stored settings: the form starts again from them after each (`refresh`). */
  loads: number;
  apiKeyHint: string | null;
  /** Token usage and the number of stored summaries; null while loading or when unknown. */
  usage: UsageTotals | null;
  /** Chrome's Translator (en → ko) here; null while asking. `absent`: this browser has none. */
  chromeAi: ChromeAiStatus | null;
  /** Chrome's Summarizer (optional short key points); null while asking. */
  summarizer: ChromeAiStatus | null;
  /** While a model download runs. */
  progress: DownloadProgress | null;
  /** Call straight from the submit: the permission request comes first. */
  save(form: ProviderForm): Promise<Feedback>;
  forgetKey(): Promise<Feedback>;
  test(): Promise<Feedback>;
  setAutoSummarize(on: boolean): Promise<Feedback>;
  /** Call straight from the click: Chrome starts a model download only within a user activation. */
  download(withSummarizer: boolean): Promise<Feedback>;
  deleteAll(): Promise<Feedback>;
  /** Reads the stored settings, key hint and usage again (after an import or "clear all data"). */
  refresh(): Promise<void>;
}

const pick = (s: PrivilegedSettings): ProviderSettings => ({
  summaryProvider: s.summaryProvider,
  providerBaseUrl: s.providerBaseUrl,
  providerModel: s.providerModel,
  autoSummarize: s.autoSummarize,
});

/** `chromeAi`: Chrome's built-in AI of this page (default: this document's globals; tests pass a fake). */
export function useSummaryProvider(chromeAiApi?: ChromeAiApi): SummaryController {
  const [api] = useState(() => chromeAiApi ?? documentChromeAi());
  const [saved, setSaved] = useState<ProviderSettings | null>(null);
  const [apiKeyHint, setApiKeyHint] = useState<string | null>(null);
  const [usage, setUsage] = useState<UsageTotals | null>(null);
  const [chromeAi, setChromeAi] = useState<ChromeAiStatus | null>(null);
  const [summarizer, setSummarizer] = useState<ChromeAiStatus | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [loads, setLoads] = useState(0);

  const refreshUsage = useCallback(async () => {
    try {
      setUsage((await send('listSummaries', {})).usage);
    } catch {
      setUsage(null);
    }
  }, []);

  const refreshChromeAi = useCallback(async () => {
    const [translatorNow, summarizerNow] = await Promise.all([chromeAiStatus(api), summarizerStatus(api)]);
    setChromeAi(translatorNow);
    setSummarizer(summarizerNow);
  }, [api]);

  const refresh = useCallback(async () => {
    const settings = send('getSettings', {}).then(
      (r) => {
        setSaved(pick(r.settings));
        setApiKeyHint(r.apiKeyHint);
        setLoads((n) => n + 1);
      },
      () => undefined, // the page shows the load error (lib/pages/options/use-options.ts)
    );
    await Promise.all([settings, refreshUsage()]);
  }, [refreshUsage]);

  useEffect(() => {
    void refresh();
    void refreshChromeAi();
  }, [refresh, refreshChromeAi]);

  const save = useCallback(
    async (form: ProviderForm) => {
      const before = { origin: saved ? (endpointOf(saved)?.origin ?? null) : null, hasKey: apiKeyHint !== null };
      const r = await saveProvider(form, before);
      if (r.settings) setSaved(pick(r.settings));
      if (r.apiKeyHint !== undefined) setApiKeyHint(r.apiKeyHint);
      return { kind: r.kind, text: r.text };
    },
    [saved, apiKeyHint],
  );

  const forgetKey = useCallback(async (): Promise<Feedback> => {
    try {
      setApiKeyHint((await send('setProviderKey', { key: '' })).apiKeyHint);
      return { kind: 'ok', text: t('options_summaryKeyForgotten') };
    } catch (e) {
      return failure(e);
    }
  }, []);

  const test = useCallback(() => testProvider(saved?.summaryProvider ?? 'none'), [saved]);

  const setAutoSummarize = useCallback(async (on: boolean): Promise<Feedback> => {
    try {
      setSaved(pick((await send('setSettings', { patch: { autoSummarize: on } })).settings));
      return { kind: 'ok', text: t('options_saved') };
    } catch (e) {
      return { kind: 'error', text: t('options_summaryNotSaved', errorText(e)) };
    }
  }, []);

  const download = useCallback(
    async (withSummarizer: boolean): Promise<Feedback> => {
      const shown: DownloadProgress = { translator: 0, summarizer: withSummarizer ? 0 : null };
      setProgress(shown);
      // Called synchronously from the click: Chrome's create() needs the click's user activation.
      const done = downloadModel(
        api,
        (fraction: number, model: DownloadedModel) => {
          shown[model] = fraction;
          setProgress({ ...shown });
        },
        { summarizer: withSummarizer },
      );
      try {
        const status = await done;
        setChromeAi(status);
        return status === 'available'
          ? { kind: 'ok', text: t('options_summaryDownloadDone') }
          : { kind: 'error', text: t('options_summaryDownloadFailed', t(`options_summaryStatus_${status}`)) };
      } catch (e) {
        const code = e instanceof GenError ? e.code : 'unavailable';
        // Chrome wanted a user activation it did not get (the click's had expired): a new click starts it again.
        const why = code === 'needsDownload' ? t('options_summaryDownloadNeedsClick') : genErrorText(code);
        return { kind: 'error', text: t('options_summaryDownloadFailed', why) };
      } finally {
        setProgress(null);
        void refreshChromeAi();
      }
    },
    [api, refreshChromeAi],
  );

  const deleteAll = useCallback(async (): Promise<Feedback> => {
    try {
      const { deleted } = await send('deleteSummaries', { arxivId: null });
      return { kind: 'ok', text: t('options_summaryDeleted', deleted) };
    } catch (e) {
      return failure(e);
    } finally {
      await refreshUsage();
    }
  }, [refreshUsage]);

  return {
    saved,
    loads,
    apiKeyHint,
    usage,
    chromeAi,
    summarizer,
    progress,
    save,
    forgetKey,
    test,
    setAutoSummarize,
    download,
    deleteAll,
    refresh,
  };
}
