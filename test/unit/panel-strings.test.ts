import { describe, expect, it } from 'vitest';
import { panelStrings } from '../../lib/background/paper-handlers';
import { CHANNEL } from '../../lib/messages';
import en from '../../public/_locales/en/messages.json';
import ko from '../../public/_locales/ko/messages.json';
import { parseRequest } from '../support/requests';

describe('UI strings for the content script in a pinned language', () => {
  it('the ko and en tables have the same keys, with the same placeholders', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    const subs = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort();
    for (const [key, value] of Object.entries(en)) {
      expect(subs((ko as Record<string, { message: string }>)[key]?.message ?? ''), key).toEqual(subs(value.message));
    }
  });

  it('sends every panel, common, generation-error and error string of the language, and nothing of the pages', () => {
    const strings = panelStrings('ko');
    const prefixes = ['panel_', 'common_', 'gen_', 'error_'];
    const expected = Object.keys(ko).filter((k) => prefixes.some((p) => k.startsWith(p)));
    expect(Object.keys(strings).sort()).toEqual(expected.sort());
    expect(strings.panel_title?.message).toBe(ko.panel_title.message);
    expect(strings.panel_title?.message).not.toBe(en.panel_title.message);
  });

  it('accepts only ko or en', () => {
    expect(parseRequest({ channel: CHANNEL, type: 'getUiStrings', payload: { lang: 'fr' } })).toBe(
      'getUiStrings: lang must be ko or en',
    );
  });
});
