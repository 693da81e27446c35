/**
 * The request schemas of the background (lib/background/requests.ts) beyond the refusals of messages.test.ts: what a
 * handler receives is rebuilt from known fields only, a settings patch arrives normalised, and the generate port
 * takes a start or a cancel and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { parseGenRequest } from '../../lib/background/requests';
import { CHANNEL, GEN_MAX_ABSTRACT, GEN_MAX_TITLE } from '../../lib/messages';
import { parseRequest } from '../support/requests';

const ask = (type: string, payload: unknown) => ({ channel: CHANNEL, type, payload });

describe('parseRequest hands the handlers only what the protocol names', () => {
  it('drops fields a request does not have', () => {
    expect(parseRequest(ask('getPaper', { arxivId: '2406.16793', sql: 'drop' }))).toEqual(
      ask('getPaper', { arxivId: '2406.16793' }),
    );
    expect(parseRequest(ask('search', { query: 'rl', limit: 5, boost: 9 }))).toEqual(
      ask('search', { query: 'rl', limit: 5 }),
    );
  });

  it('normalises a settings patch on the way in (what the handler stores)', () => {
    const r = parseRequest(
      ask('setSettings', { patch: { sourceUrl: ' https://Mirror.example.org/x/', hfDaily: true } }),
    );
    expect(r).toEqual(ask('setSettings', { patch: { sourceUrl: 'https://mirror.example.org/x/', hfDaily: true } }));
  });

  it.each([
    ['an array payload', ask('syncNow', []), 'payload must be an object'],
    ['no type', { channel: CHANNEL, payload: {} }, 'unknown message type undefined'],
    ['no payload', { channel: CHANNEL, type: 'syncNow' }, 'payload must be an object'],
    [
      'an unknown setting',
      ask('setSettings', { patch: { theme: 'dark' } }),
      'setSettings: setting refused (settingsUnknown)',
    ],
    ['a patch and more', ask('setSettings', { patch: {}, also: 1 }), 'setSettings: only patch'],
    ['2,001 badge ids', ask('getBadges', { arxivIds: Array(2001).fill('2406.16793') }), /^getBadges: arxivIds/],
    ['an id with a version', ask('deleteSummaries', { arxivId: '2406.16793v2' }), /^deleteSummaries: arxivId/],
    ['a key with a space', ask('setProviderKey', { key: 'sk 1' }), /^setProviderKey: key must be printable/],
  ])('refuses %s', (_name, raw, error) => {
    const r = parseRequest(raw);
    expect(typeof r).toBe('string');
    expect(r).toMatch(error);
  });
});

describe('parseGenRequest', () => {
  const start = { type: 'start', arxivId: '2406.16793', title: 'A title', abstract: 'An abstract.', regenerate: false };

  it('takes a start (known fields only) and a bare cancel', () => {
    expect(parseGenRequest({ ...start, extra: 1 })).toEqual(start);
    expect(parseGenRequest({ type: 'cancel' })).toEqual({ type: 'cancel' });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'start', 'unknown generate message'],
    ['another type', { type: 'stop' }, 'unknown generate message'],
    ['a cancel carrying more', { type: 'cancel', arxivId: '2406.16793' }, 'cancel takes nothing else'],
    ['an id that is not a key', { ...start, arxivId: '0612.12345' }, 'arxivId must be an arXiv id'],
    ['no id', { ...start, arxivId: undefined }, 'arxivId must be an arXiv id'],
    ['a blank title', { ...start, title: '  ' }, `title must be 1..${GEN_MAX_TITLE} characters`],
    ['a title too long', { ...start, title: 'x'.repeat(GEN_MAX_TITLE + 1) }, `title must be 1..${GEN_MAX_TITLE}`],
    ['an abstract too long', { ...start, abstract: 'x'.repeat(GEN_MAX_ABSTRACT + 1) }, 'abstract must be at most'],
    ['regenerate as text', { ...start, regenerate: 'yes' }, 'regenerate must be true or false'],
  ])('refuses %s', (_name, raw, error) => {
    expect(parseGenRequest(raw)).toEqual(expect.stringContaining(error));
  });
});
