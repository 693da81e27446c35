/**
 * Errors as codes (lib/errors.ts): every code has its words in Korean and in English with exactly its parameters, so
 * no English sentence reaches a Korean page; stored errors of any version read back as codes, never as English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readStoredError, readStoredErrors } from '../../lib/db/sync-state';
import { englishError, englishErrors } from '../../lib/error-english';
import { errorMessage, errorText } from '../../lib/error-text';
import {
  type AppError,
  appError,
  CodedError,
  ERROR_PARAMS,
  type ErrorCode,
  MAX_PARAM_CHARS,
  readAppError,
} from '../../lib/errors';
import en from '../../public/_locales/en/messages.json';
import ko from '../../public/_locales/ko/messages.json';
import { applyLanguage } from '../support/language';

const CODES = Object.keys(ERROR_PARAMS) as ErrorCode[];
const table = (t: unknown) => t as Record<string, { message: string } | undefined>;
const placeholders = (m: string) => [...new Set([...m.matchAll(/\$(\d)/g)].map((x) => Number(x[1])))].sort();

afterEach(() => applyLanguage('auto'));

describe('every error code is worded in Korean and in English', () => {
  it.each(CODES)('%s: a Korean text that is not the English one, each with exactly its parameters', (code) => {
    const key = `error_${code}`;
    const enText = table(en)[key]?.message;
    const koText = table(ko)[key]?.message;
    expect(enText, key).toBeTruthy();
    expect(koText, key).toBeTruthy();
    expect(koText).not.toBe(enText);
    const expected = ERROR_PARAMS[code].map((_, i) => i + 1);
    expect(placeholders(enText ?? ''), `en ${key}`).toEqual(expected);
    expect(placeholders(koText ?? ''), `ko ${key}`).toEqual(expected);
  });

  it('no error_ text is left without its code', () => {
    for (const t of [en, ko]) {
      const keys = Object.keys(t).filter((k) => k.startsWith('error_'));
      expect(keys.map((k) => k.slice('error_'.length)).sort()).toEqual([...CODES].sort());
    }
  });
});

describe('wording', () => {
  const indexFailed = appError('syncIndex', { cause: appError('fetchTooLarge', { size: 8 << 20 }) });

  it('fills in causes in place, sizes in MiB, in the pinned language', () => {
    applyLanguage('ko');
    expect(errorMessage(indexFailed)).toBe(
      '날짜 목록을 내려받지 못했습니다: 파일이 8 MiB보다 커서 아무것도 저장하지 않았습니다',
    );
    applyLanguage('en');
    expect(errorMessage(indexFailed)).toBe(
      'could not download the day index: the file is larger than 8 MiB; nothing of it was stored',
    );
    expect(englishError(indexFailed)).toBe(errorMessage(indexFailed));
  });

  it('a run’s errors one after another', () => {
    const run = [appError('syncOffline'), appError('syncDaysLeft', { count: 3 })];
    expect(englishErrors(run)).toBe('could not connect to the server (offline?); 3 days left for the next run');
  });

  it('a time as a date and time of the language, never as an ISO string', () => {
    applyLanguage('ko');
    const t = Date.UTC(2025, 4, 10, 12, 0);
    const text = errorMessage(appError('syncSlowDown', { until: t }));
    expect(text).toContain(new Date(t).toLocaleString('ko', { dateStyle: 'medium', timeStyle: 'short' }));
    expect(text).not.toMatch(/UTC|T12|[A-Za-z]{3,}/);
  });

  it('a refusal the background sent (a CodedError from lib/send) in the UI language; other exceptions as they are', () => {
    applyLanguage('ko');
    const refused = new CodedError(appError('noPermission', { origin: 'https://m.example' }), 'English log text');
    expect(errorText(refused)).toBe('https://m.example에 접근할 권한이 없습니다');
    expect(errorText(Object.assign(new Error('VersionError'), { code: 'dbNewer' }))).toBe(ko.error_dbNewer.message);
    expect(errorText(new Error('Permission request failed'))).toBe('Permission request failed');
  });
});

describe('reading errors back', () => {
  it('reads a well-formed error, nested, and drops parameters it does not know', () => {
    const raw = { code: 'syncIndex', params: { cause: { code: 'fetchServer', params: { status: 500, x: 1 } } } };
    expect(readAppError(raw)).toEqual({
      code: 'syncIndex',
      params: { cause: { code: 'fetchServer', params: { status: 500 } } },
    });
  });

  it.each<[string, unknown]>([
    ['an unknown code', { code: 'nope', params: {} }],
    ['a missing parameter', { code: 'fetchServer', params: {} }],
    ['a parameter of the wrong kind', { code: 'fetchServer', params: { status: { x: 1 } } }],
    ['a cause that is not an error', { code: 'syncIndex', params: { cause: 'server error (500)' } }],
    ['a number that is not finite', { code: 'fetchServer', params: { status: Number.NaN } }],
    ['a string', 'server error (500)'],
    ['null', null],
  ])('refuses %s', (_n, raw) => {
    expect(readAppError(raw)).toBeNull();
  });

  it('causes nested deeper than four are refused; long strings are cut', () => {
    let deep: AppError = appError('syncOffline');
    for (let i = 0; i < 6; i++) deep = appError('syncIndex', { cause: deep });
    expect(readAppError(deep)).toBeNull();
    const long = readAppError({ code: 'noPermission', params: { origin: 'x'.repeat(10_000) } });
    expect(long?.code === 'noPermission' && String(long.params.origin).length).toBe(MAX_PARAM_CHARS);
  });

  it('what an older version stored (English sentences) reads as a generic code; nothing stored reads as none', () => {
    const earlier = { code: 'syncEarlier', params: {} };
    expect(readStoredErrors('could not download the day index: server error (500)')).toEqual([earlier]);
    expect(readStoredErrors([appError('syncOffline'), 'an old sentence'])).toEqual([appError('syncOffline'), earlier]);
    expect(readStoredErrors({ code: 'gone', params: {} })).toEqual([earlier]);
    expect(readStoredErrors(null)).toBeNull();
    expect(readStoredErrors(undefined)).toBeNull();
    expect(readStoredError('server error (503)')).toEqual(earlier);
    expect(readStoredError(null)).toBeNull();
  });
});
