/**
 * The configured summary provider, built at each run from the privileged settings and the key (both read from the
 * database here, in the background): Chrome's on-device APIs through the offscreen document, or a model endpoint with
 * the key sent only to that endpoint. Null for `none`.
 */
import { getProviderKey } from '../db/provider-key';
import type { DigestDb } from '../db/schema';
import { getSettings } from '../db/settings-store';
import { endpointOf } from '../gen/endpoint';
import { PROMPT_VERSION } from '../gen/prompt';
import { createProvider, type ProviderDeps } from '../gen/providers';
import type { ProviderChoice } from '../gen/service';
import type { Provider } from '../gen/types';

export interface ProviderFactoryDeps extends ProviderDeps {
  db: () => Promise<DigestDb>;
  /** The on-device provider (the offscreen client), or null where it does not exist (Firefox). */
  chromeAi: () => Provider | null;
}

export function providerFactory(deps: ProviderFactoryDeps): () => Promise<ProviderChoice | null> {
  return async () => {
    const db = await deps.db();
    const settings = await getSettings(db);
    if (settings.summaryProvider === 'chrome-ai') {
      const provider = deps.chromeAi();
      return provider && { provider, id: 'chrome-ai', promptVersion: 0 };
    }
    const endpoint = endpointOf(settings);
    if (!endpoint) return null;
    const apiKey = await getProviderKey(db);
    const provider = createProvider(
      { id: endpoint.provider, baseUrl: endpoint.baseUrl, apiKey, model: endpoint.model },
      deps,
    );
    return { provider, id: endpoint.provider, promptVersion: PROMPT_VERSION };
  };
}
