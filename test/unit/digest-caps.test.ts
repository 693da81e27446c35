/**
 * Every field of a parsed digest is capped (lib/digest/caps.ts) with a diagnostic, and media come only from https on
 * Hugging Face's media hosts (lib/media-hosts.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_AUTHORS,
  MAX_DIAGNOSTICS,
  MAX_ENTRY,
  MAX_LABEL,
  MAX_MEDIA_URL,
  MAX_SECTION,
  MAX_SECTIONS,
  MAX_TITLE,
} from '../../lib/digest/caps';
import { parseDigest } from '../../lib/digest/parse';
import { isHttpUrl } from '../../lib/digest/url';
import { isAllowedMediaUrl } from '../../lib/media-hosts';

const HEAD = '### [T](https://arxiv.org/abs/2406.16793)';
const NEXT = '### [Next](https://arxiv.org/abs/2406.16794)\n- 다음 논문';

const messages = (text: string) => parseDigest(text).diagnostics.map((d) => `${d.line}: ${d.message}`);

describe('field caps', () => {
  it('a title over the cap is cut, with a diagnostic at its heading', () => {
    const d = parseDigest(`\n### [${'T'.repeat(MAX_TITLE + 5)}](https://arxiv.org/abs/2406.16793)\n- a`);
    expect(d.papers[0]?.title).toBe('T'.repeat(MAX_TITLE));
    expect(messages(`\n### [${'T'.repeat(MAX_TITLE + 5)}](https://arxiv.org/abs/2406.16793)`)).toEqual([
      `2: title longer than ${MAX_TITLE} characters cut`,
    ]);
  });

  it('a cut never splits a surrogate pair', () => {
    const title = `${'T'.repeat(MAX_TITLE - 1)}😀😀`;
    expect(parseDigest(`### [${title}](https://arxiv.org/abs/2406.16793)`).papers[0]?.title).toBe(
      'T'.repeat(MAX_TITLE - 1),
    );
  });

  it('authors past the cap are dropped, whole names only', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Author ${i}`);
    const d = parseDigest(`${HEAD}\nAuthors: ${names.join(', ')}\n- a`);
    const kept = d.papers[0]?.authors ?? [];
    expect(kept.join(', ').length).toBeLessThanOrEqual(MAX_AUTHORS);
    expect(kept).toEqual(names.slice(0, kept.length));
    expect(kept.join(', ').length).toBeGreaterThan(MAX_AUTHORS - 20); // as many whole names as fit
    expect(d.diagnostics).toEqual([
      { line: 2, message: `authors longer than ${MAX_AUTHORS} characters: first ${kept.length} of 20000 kept` },
    ]);
  });

  it('a section over the cap is cut; its further lines are reported, the next section is kept', () => {
    const d = parseDigest(`${HEAD}\n- ${'가'.repeat(MAX_SECTION + 10)}\nmore\nmore\n- next`);
    expect(d.papers[0]?.sections.map((s) => s.text.length)).toEqual([MAX_SECTION, 4]);
    expect(d.diagnostics).toEqual([
      { line: 2, message: `section longer than ${MAX_SECTION} characters cut; its lines 3-4 skipped too` },
    ]);
    const grown = parseDigest(`${HEAD}\n- a\n${`${'b'.repeat(999)}\n`.repeat(60)}`);
    expect(grown.papers[0]?.sections[0]?.text.length).toBe(MAX_SECTION);
    expect(grown.diagnostics.map((g) => g.line)).toEqual([2 + Math.ceil(MAX_SECTION / 1000)]);
  });

  it('a label over the cap is cut', () => {
    const d = parseDigest(`${HEAD}\n- **${'L'.repeat(MAX_LABEL + 1)}**: text`);
    expect(d.papers[0]?.sections).toEqual([{ label: 'L'.repeat(MAX_LABEL), text: 'text' }]);
    expect(d.diagnostics.map((g) => g.message)).toEqual([`section label longer than ${MAX_LABEL} characters cut`]);
  });

  it('an entry with too many sections loses the rest of its lines; the next entry is whole', () => {
    const d = parseDigest(`${HEAD}\n${'- s\n'.repeat(MAX_SECTIONS + 3)}${NEXT}`);
    expect(d.papers[0]?.sections).toHaveLength(MAX_SECTIONS);
    expect(d.papers[1]?.sections).toEqual([{ label: null, text: '다음 논문' }]);
    const first = MAX_SECTIONS + 2;
    expect(messages(`${HEAD}\n${'- s\n'.repeat(MAX_SECTIONS + 3)}${NEXT}`)).toEqual([
      `${first}: entry has more than ${MAX_SECTIONS} sections, line skipped; its lines ${first + 1}-${first + 2} skipped too`,
    ]);
  });

  it('an entry over its cap loses the rest of its lines; the next entry is whole', () => {
    const section = `- ${'x'.repeat(MAX_SECTION - 10)}\n`;
    const text = `${HEAD}\n${section.repeat(Math.floor(MAX_ENTRY / (MAX_SECTION - 10)) + 2)}${NEXT}`;
    const d = parseDigest(text);
    const kept = d.papers[0]?.sections ?? [];
    expect(kept).toHaveLength(Math.floor(MAX_ENTRY / (MAX_SECTION - 10)));
    expect(d.papers[1]?.sections).toHaveLength(1);
    expect(messages(text)).toEqual([
      `${kept.length + 2}: entry longer than ${MAX_ENTRY} characters, line skipped; its line ${kept.length + 3} skipped too`,
    ]);
  });

  it('diagnostics past the cap are counted in one last diagnostic', () => {
    const d = parseDigest('stray\n'.repeat(MAX_DIAGNOSTICS + 50));
    expect(d.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(d.diagnostics.at(-1)).toEqual({ line: MAX_DIAGNOSTICS + 1, message: '50 more diagnostics not listed' });
  });

  it('the three shapes of issue 10, a megabyte each, are stored within the caps', () => {
    const shapes = [
      `${'http://'.repeat(150_000)}\x01`,
      'vs. '.repeat(256_000),
      Array.from({ length: 1_400 }, (_, k) => '`'.repeat(1_400 - k)).join('a'),
    ];
    for (const shape of shapes) {
      const d = parseDigest(
        `### [${shape}](https://arxiv.org/abs/2406.16793)\nAuthors: ${shape}\n- ${shape}\n${shape}`,
      );
      const p = d.papers[0];
      expect(p?.title.length).toBe(MAX_TITLE);
      expect(p?.authors.join(', ').length).toBeLessThanOrEqual(MAX_AUTHORS);
      expect(p?.sections.map((s) => s.text.length)).toEqual([MAX_SECTION]);
      expect(d.diagnostics.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('media hosts', () => {
  const media = (line: string) => {
    const d = parseDigest(`${HEAD}\n${line}\n- a`);
    return { media: d.papers[0]?.media ?? null, messages: d.diagnostics.map((g) => g.message) };
  };

  it('https on cdn-thumbnails, cdn-uploads and cdn-avatars of huggingface.co is kept', () => {
    for (const url of [
      'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.16793.png',
      'https://cdn-uploads.huggingface.co/production/uploads/a/b.mp4',
      'https://cdn-avatars.huggingface.co/v1/production/uploads/a.png',
    ]) {
      expect(media(`![](${url})`)).toEqual({ media: { kind: 'image', url }, messages: [] });
    }
    const video = 'https://cdn-uploads.huggingface.co/production/uploads/a/b.mp4';
    expect(media(`[Watch Video](${video})`).media).toEqual({ kind: 'video', url: video });
  });

  it('any other host, plain http, user info or a port is dropped with a diagnostic', () => {
    for (const url of [
      'https://tracker.example/pixel.png',
      'http://cdn-thumbnails.huggingface.co/a.png',
      'https://huggingface.co/a.png',
      'https://cdn-thumbnails.huggingface.co.evil.example/a.png',
      'https://user@cdn-thumbnails.huggingface.co/a.png',
      'https://cdn-thumbnails.huggingface.co:8443/a.png',
    ]) {
      const got = media(`![](${url})`);
      expect(got.media, url).toBeNull();
      expect(got.messages, url).toEqual([
        `image URL is not https on cdn-thumbnails.huggingface.co, cdn-uploads.huggingface.co, cdn-avatars.huggingface.co, media skipped: ${JSON.stringify(url)}`,
      ]);
    }
    expect(media("<video src='https://evil.example/v.mp4'></video>").messages[0]).toMatch(/^video URL is not https on/);
  });

  it('a media URL with Unicode whitespace or a control character inside is dropped with a diagnostic', () => {
    for (const c of ['\u00a0', '\u3000', '\u2028', '\u202f', '\ufeff', '\u0085', '\x7f']) {
      const url = `https://cdn-thumbnails.huggingface.co/${c}social-thumbnails/papers/2404.03683.png`;
      const got = media(`![](${url})`);
      expect(got.media, JSON.stringify(c)).toBeNull();
      expect(got.messages, JSON.stringify(c)).toEqual([
        `image URL is not http(s), media skipped: ${JSON.stringify(url)}`,
      ]);
    }
  });

  it('relative and other schemes keep their own diagnostic; an overlong URL is dropped', () => {
    expect(media('![](/avatars/a.svg)').messages[0]).toMatch(/not http\(s\)/);
    const long = `https://cdn-thumbnails.huggingface.co/${'a'.repeat(MAX_MEDIA_URL)}.png`;
    expect(media(`![](${long})`)).toEqual({
      media: null,
      messages: [`image URL longer than ${MAX_MEDIA_URL} characters, media skipped`],
    });
  });
});

describe('the parser keeps exactly the media lib/media-hosts.ts allows', () => {
  it('for URLs built from near-miss parts (its one-pass check agrees with URL parsing)', () => {
    const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:/', '');
    const host = fc.constantFrom(
      'cdn-thumbnails.huggingface.co',
      'cdn-uploads.huggingface.co',
      'cdn-avatars.huggingface.co',
      'CDN-uploads.huggingface.co',
      'cdn-thumbnails.huggingface.co.evil.example',
      'huggingface.co',
      'user@cdn-avatars.huggingface.co',
      'evil.example@cdn-thumbnails.huggingface.co',
      '',
    );
    const part = fc.constantFrom(
      ':443',
      ':8443',
      '@evil.example',
      '/',
      '\\',
      'a.png',
      '%2F',
      '?x=1',
      '#f',
      ' ',
      '\t',
      '\x01',
      '\x7f',
      '가',
    );
    const url = fc.tuple(scheme, host, fc.array(part, { maxLength: 5 })).map(([s, h, parts]) => s + h + parts.join(''));
    fc.assert(
      fc.property(url, (u) => {
        const media = parseDigest(`${HEAD}\n![](${u})\n- a`).papers[0]?.media ?? null;
        const want = u.trim();
        expect(media?.url ?? null).toBe(isHttpUrl(want) && isAllowedMediaUrl(want) ? want : null);
      }),
      { numRuns: 3_000 },
    );
  });
});
