/**
 * Any OpenAI-compatible Chat Completions endpoint (OpenAI, OpenRouter, DeepSeek, Gemini's compatible endpoint, local
 * Ollama / llama.cpp / vLLM): `POST {base}/chat/completions`, `Authorization: Bearer <key>` only when a key is set,
 * `stream: true` with usage in the last event; a plain JSON answer is read too (servers that ignore `stream`).
 *
 * OpenAI's reasoning models refuse `max_tokens` (400 naming `max_completion_tokens`): the request is then sent once
 * more with `max_completion_tokens`, larger since it also counts the hidden reasoning.
 */
import { type StreamedAnswer, streamedAnswerFor } from './answer';
import { bodySink } from './body';
import { streamError } from './errors';
import { contentText, isObj, modelName, tokenCount, usageOf } from './fields';
import { headerKey, postJson, type Transport } from './http';
import { buildPrompt, MAX_OUTPUT_TOKENS } from './prompt';
import { GenError, type GenUsage, type Provider } from './types';

/** `max_completion_tokens` when the model wants it: its hidden reasoning counts too. */
export const REASONING_OUTPUT_TOKENS = 16_384;

export interface OpenAiConfig {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/chat/completions`;
}

interface Outcome {
  model: string | null;
  usage: GenUsage | null;
  finish: string | null;
  refused: boolean;
}

function wantsCompletionTokens(e: unknown): boolean {
  return e instanceof GenError && e.code === 'badRequest' && /max_completion_tokens/.test(e.detail.message ?? '');
}

export function createOpenAiProvider(config: OpenAiConfig, t: Transport): Provider {
  const url = chatCompletionsUrl(config.baseUrl);

  async function send(body: Record<string, unknown>, signal: AbortSignal | undefined, answer: StreamedAnswer | null) {
    const key = headerKey(config.apiKey);
    const out: Outcome = { model: null, usage: null, finish: null, refused: false };
    const read = (json: unknown, streamed: boolean) => {
      if (!isObj(json)) throw new GenError('malformed', { message: 'the answer is not a JSON object' });
      if (json.error !== undefined && json.error !== null) throw streamError(json, key);
      out.model ??= modelName(json.model);
      if (isObj(json.usage)) {
        out.usage = usageOf(tokenCount(json.usage.prompt_tokens), tokenCount(json.usage.completion_tokens));
      }
      const choice = Array.isArray(json.choices) ? json.choices[0] : undefined;
      if (!isObj(choice)) return;
      const message = streamed ? choice.delta : choice.message;
      if (isObj(message)) {
        const text = contentText(message.content);
        if (text) answer?.push(text);
        if (typeof message.refusal === 'string' && message.refusal !== '') out.refused = true;
      }
      if (typeof choice.finish_reason === 'string') out.finish = choice.finish_reason;
    };
    await postJson(
      t,
      {
        url,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream, application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body,
        signal,
        secret: key,
      },
      (ct) => bodySink(ct, { event: (data) => read(data, true), json: (data) => read(data, false) }),
    );
    return out;
  }

  /** `send`, once more with `max_completion_tokens` when the model refuses `max_tokens`. */
  async function sendWithLimit(
    body: Record<string, unknown>,
    limits: [number, number],
    signal: AbortSignal | undefined,
    newAnswer: () => StreamedAnswer | null,
  ) {
    try {
      return await send({ ...body, max_tokens: limits[0] }, signal, newAnswer());
    } catch (e) {
      if (!wantsCompletionTokens(e)) throw e;
      return await send({ ...body, max_completion_tokens: limits[1] }, signal, newAnswer());
    }
  }

  return {
    id: 'openai',
    async generate(input, cb = {}) {
      const prompt = buildPrompt(input);
      const run: { answer?: StreamedAnswer } = {};
      const out = await sendWithLimit(
        {
          model: config.model,
          messages: [
            { role: 'system', content: prompt.system },
            { role: 'user', content: prompt.user },
          ],
          stream: true,
          stream_options: { include_usage: true },
        },
        [MAX_OUTPUT_TOKENS, REASONING_OUTPUT_TOKENS],
        cb.signal,
        () => {
          run.answer = streamedAnswerFor(cb);
          return run.answer;
        },
      );
      if (out.refused || out.finish === 'content_filter') throw new GenError('refused');
      if (out.finish === 'length') {
        throw new GenError('malformed', { message: 'the answer was cut off at the token limit' });
      }
      const sections = run.answer?.finish() ?? [];
      return { sections, titleKo: null, model: out.model ?? config.model, usage: out.usage };
    },
    async test(signal) {
      const out = await sendWithLimit(
        { model: config.model, messages: [{ role: 'user', content: 'ping' }], stream: false },
        [1, 16],
        signal,
        () => null,
      );
      return { model: out.model ?? config.model };
    },
  };
}
