import { describe, expect, it } from 'vitest';
import { CHANNEL, MAX_IMPORT_CHARS, mayAsk, senderKind } from '../../lib/messages';
import { parseRequest } from '../support/requests';

const EXT = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;

describe('parseRequest', () => {
  it('accepts a well-formed request as an envelope of its type and payload, nothing else', () => {
    const r = parseRequest({ channel: CHANNEL, type: 'getPaper', payload: { arxivId: '2406.16793' }, sender: 'x' });
    expect(r).toEqual({ channel: CHANNEL, type: 'getPaper', payload: { arxivId: '2406.16793' } });
  });
  it.each([
    ['exportData', {}],
    ['importData', { json: '{"format":"arxiv-ko-digest-export"}' }],
    ['clearData', {}],
    ['storageInfo', {}],
    ['getHfToday', {}],
    ['getLiveVotes', { arxivId: '2406.16793' }],
  ])('accepts %s', (type, payload) => {
    expect(parseRequest({ channel: CHANNEL, type, payload })).toEqual({ channel: CHANNEL, type, payload });
  });
  it('rejects an importData file larger than one message can carry', () => {
    const json = 'x'.repeat(MAX_IMPORT_CHARS + 1);
    expect(parseRequest({ channel: CHANNEL, type: 'importData', payload: { json } })).toEqual(
      expect.stringContaining('importData: json must be'),
    );
  });
  it.each([
    [null, 'message must be an object'],
    [{ channel: 'x', type: 'getPaper', payload: {} }, 'unknown channel'],
    [{ channel: CHANNEL, type: 'dropDatabase', payload: {} }, 'unknown message type dropDatabase'],
    [{ channel: CHANNEL, type: 'toString', payload: {} }, 'unknown message type toString'],
    [{ channel: CHANNEL, type: 'getPaper', payload: { arxivId: '<script>' } }, 'getPaper: arxivId must be an arXiv id'],
    [{ channel: CHANNEL, type: 'getDigest', payload: { date: '2024/06/25' } }, 'getDigest: date must be YYYY-MM-DD'],
    [{ channel: CHANNEL, type: 'syncNow', payload: { force: true } }, 'syncNow: unexpected fields'],
    [
      { channel: CHANNEL, type: 'search', payload: { query: 'x', limit: 1e9 } },
      expect.stringContaining('search needs'),
    ],
    [
      { channel: CHANNEL, type: 'openReader', payload: { hash: 'javascript:alert(1)' } },
      expect.stringContaining('hash'),
    ],
    [{ channel: CHANNEL, type: 'exportData', payload: { all: true } }, 'exportData: unexpected fields'],
    [{ channel: CHANNEL, type: 'importData', payload: {} }, expect.stringContaining('importData: json must be')],
    [{ channel: CHANNEL, type: 'importData', payload: { json: 42 } }, expect.stringContaining('importData: json')],
    [
      { channel: CHANNEL, type: 'importData', payload: { json: '{}', merge: false } },
      expect.stringContaining('importData: json'),
    ],
    [{ channel: CHANNEL, type: 'clearData', payload: { confirm: true } }, 'clearData: unexpected fields'],
    [{ channel: CHANNEL, type: 'storageInfo', payload: { x: 1 } }, 'storageInfo: unexpected fields'],
    [{ channel: CHANNEL, type: 'getHfToday', payload: { date: '2025-07-01' } }, 'getHfToday: unexpected fields'],
    [
      { channel: CHANNEL, type: 'getLiveVotes', payload: { arxivId: '../users' } },
      expect.stringContaining('getLiveVotes: arxivId'),
    ],
    [{ channel: CHANNEL, type: 'getLiveVotes', payload: {} }, expect.stringContaining('getLiveVotes: arxivId')],
    [
      { channel: CHANNEL, type: 'getLiveVotes', payload: { arxivId: '2406.16793', url: 'https://x' } },
      expect.stringContaining('getLiveVotes: arxivId'),
    ],
  ])('rejects %j', (raw, message) => {
    expect(parseRequest(raw)).toEqual(message);
  });
});

describe('senderKind', () => {
  it.each([
    [{ id: EXT, url: `${ORIGIN}popup.html` }, 'page'],
    [{ id: EXT, url: 'https://arxiv.org/abs/2406.16793', tab: { id: 1 } }, 'content'],
    [{ id: EXT, url: 'https://huggingface.co/papers/2406.16793', tab: { id: 1 } }, 'content'],
    [{ id: EXT, url: 'https://browse.arxiv.org/abs/2406.16793', tab: { id: 1 } }, 'content'],
    [{ id: EXT, url: 'https://huggingface.co.evil.example/papers/2406.16793', tab: { id: 1 } }, null],
    [{ id: EXT, url: 'https://evil.example/abs/2406.16793', tab: { id: 1 } }, null],
    [{ id: 'other-extension', url: `${ORIGIN}popup.html` }, null],
    [{ id: EXT, url: 'http://arxiv.org/abs/1', tab: { id: 1 } }, null],
    [{ id: EXT }, null],
  ])('%j → %s', (sender, kind) => {
    expect(senderKind(sender, EXT, ORIGIN)).toBe(kind);
  });
});

describe('mayAsk', () => {
  it('lets content scripts read a paper and open the reader, but not change or dump the data', () => {
    for (const type of ['getPaper', 'getBadges', 'getUiStrings', 'getLiveVotes', 'openReader'] as const) {
      expect(mayAsk('content', type)).toBe(true);
    }
    for (const type of ['clearData', 'importData', 'exportData', 'syncNow', 'storageInfo', 'search'] as const) {
      expect(mayAsk('content', type)).toBe(false);
      expect(mayAsk('page', type)).toBe(true);
    }
  });
});
