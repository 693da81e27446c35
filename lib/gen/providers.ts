/**
 * The endpoint providers by id, built from a saved configuration and injected dependencies (no `browser.*`, no
 * globals: the background passes `fetch` and `navigator.onLine`). Chrome's on-device provider is added next to
 * these where it runs (an extension document).
 */
import type { FetchLike } from '../sync/fetch-file';
import { createAnthropicProvider } from './anthropic';
import { DEFAULT_TIMEOUTS, type GenTimeouts } from './errors';
import { createOpenAiProvider } from './openai';
import type { Provider } from './types';

export type EndpointConfig =
  | { id: 'openai'; baseUrl: string; apiKey: string | null; model: string }
  | { id: 'anthropic'; baseUrl?: string; apiKey: string | null; model: string };

export interface ProviderDeps {
  fetch: FetchLike;
  /** `navigator.onLine`: tells `offline` from other network failures. */
  online(): boolean;
  timeouts?: Partial<GenTimeouts>;
  now?(): number;
}

export function createProvider(config: EndpointConfig, deps: ProviderDeps): Provider {
  const transport = {
    fetch: deps.fetch,
    online: deps.online,
    timeouts: { ...DEFAULT_TIMEOUTS, ...deps.timeouts },
    now: deps.now ?? Date.now,
  };
  switch (config.id) {
    case 'openai':
      return createOpenAiProvider(config, transport);
    case 'anthropic':
      return createAnthropicProvider(config, transport);
  }
}
