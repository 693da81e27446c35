/**
 * Anthropic's Messages API: `POST {base}/v1/messages` with `x-api-key`, `anthropic-version: 2023-06-01` and
 * `anthropic-dangerous-direct-browser-access: true` (the call comes from an extension, which Anthropic treats as a
 * browser). Streaming events: `message_start` (model, input tokens), `content_block_delta` (`text_delta`),
 * `message_delta` (stop reason, output tokens), `error`; a plain JSON message is read too.
 */
import { type StreamedAnswer, streamedAnswerFor } from './answer';
import { bodySink } from './body';
import { streamError } from './errors';
import { contentText, isObj, modelName, type Obj, tokenCount, usageOf } from './fields';
import { headerKey, postJson, type Transport } from './http';
import { buildPrompt, MAX_OUTPUT_TOKENS } from './prompt';
import { GenError, type Provider } from './types';

export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const ANTHROPIC_VERSION = '2023-06-01';

export interface AnthropicConfig {
  /** Default: Anthropic's (tests point it at a loopback server). */
  baseUrl?: string;
  apiKey: string | null;
  model: string;
}

export function messagesUrl(baseUrl: string = DEFAULT_ANTHROPIC_BASE_URL): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/v1/messages`;
}

interface Outcome {
  model: string | null;
  input: number | null;
  output: number | null;
  stop: string | null;
}

export function createAnthropicProvider(config: AnthropicConfig, t: Transport): Provider {
  const url = messagesUrl(config.baseUrl);

  async function send(body: Record<string, unknown>, signal: AbortSignal | undefined, answer: StreamedAnswer | null) {
    const key = headerKey(config.apiKey);
    const out: Outcome = { model: null, input: null, output: null, stop: null };
    const usage = (u: unknown) => {
      if (!isObj(u)) return;
      out.input = tokenCount(u.input_tokens) ?? out.input;
      out.output = tokenCount(u.output_tokens) ?? out.output;
    };
    const message = (m: Obj) => {
      out.model ??= modelName(m.model);
      usage(m.usage);
      if (typeof m.stop_reason === 'string') out.stop = m.stop_reason;
    };
    const event = (data: unknown) => {
      if (!isObj(data)) throw new GenError('malformed', { message: 'a stream event is not a JSON object' });
      switch (data.type) {
        case 'message_start':
          if (isObj(data.message)) message(data.message);
          break;
        case 'content_block_delta':
          if (isObj(data.delta) && data.delta.type === 'text_delta' && typeof data.delta.text === 'string') {
            answer?.push(data.delta.text);
          }
          break;
        case 'message_delta':
          if (isObj(data.delta) && typeof data.delta.stop_reason === 'string') out.stop = data.delta.stop_reason;
          usage(data.usage);
          break;
        case 'error':
          throw streamError(data, key);
      }
    };
    const plain = (data: unknown) => {
      if (!isObj(data)) throw new GenError('malformed', { message: 'the answer is not a JSON object' });
      if (data.type === 'error') throw streamError(data, key);
      message(data);
      const text = contentText(data.content);
      if (text) answer?.push(text);
    };
    await postJson(
      t,
      {
        url,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          'anthropic-version': ANTHROPIC_VERSION,
          'anthropic-dangerous-direct-browser-access': 'true',
          ...(key ? { 'x-api-key': key } : {}),
        },
        body,
        signal,
        secret: key,
      },
      (ct) => bodySink(ct, { event, json: plain }),
    );
    return out;
  }

  return {
    id: 'anthropic',
    async generate(input, cb = {}) {
      const prompt = buildPrompt(input);
      const answer = streamedAnswerFor(cb);
      const out = await send(
        {
          model: config.model,
          max_tokens: MAX_OUTPUT_TOKENS,
          system: prompt.system,
          messages: [{ role: 'user', content: prompt.user }],
          stream: true,
        },
        cb.signal,
        answer,
      );
      if (out.stop === 'refusal') throw new GenError('refused');
      if (out.stop === 'max_tokens') {
        throw new GenError('malformed', { message: 'the answer was cut off at the token limit' });
      }
      const usage = usageOf(out.input, out.output);
      return { sections: answer.finish(), titleKo: null, model: out.model ?? config.model, usage };
    },
    async test(signal) {
      const out = await send(
        { model: config.model, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] },
        signal,
        null,
      );
      return { model: out.model ?? config.model };
    },
  };
}
