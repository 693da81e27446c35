import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_URL } from '../../lib/settings';
import { dayPath, sourceUrl, validateSourceUrl } from '../../lib/sync/source';

describe('validateSourceUrl', () => {
  it.each([
    DEFAULT_SOURCE_URL,
    'https://example.org/',
    'https://mirror.example.org/daily_papers_ko/main/',
    'http://127.0.0.1:8080/',
    'http://localhost:3000/corpus/',
    'http://192.168.1.10/digests/',
    'https://[2001:db8::1]/x/',
    // Loopback and private addresses stay allowed (self-hosted mirrors), over http and https.
    'http://[::1]:8080/',
    'https://10.0.0.5/',
    'http://172.16.0.1/',
    'https://169.253.1.1/',
    'https://[fe7f::1]/',
    'https://[fec0::1]/',
  ])('accepts %s', (url) => {
    expect(validateSourceUrl(url)).toEqual({ ok: true, url });
  });

  it('trims whitespace', () => {
    expect(validateSourceUrl('  https://example.org/a/ ')).toEqual({ ok: true, url: 'https://example.org/a/' });
  });

  it.each([
    ['', 'sourceInvalid'],
    ['raw.githubusercontent.com/l-yohai/daily_papers_ko/main/', 'sourceInvalid'],
    ['ftp://example.org/', 'sourceScheme'],
    ['file:///etc/', 'sourceScheme'],
    ['javascript:alert(1)//', 'sourceScheme'],
    ['https://user:pw@example.org/', 'sourceCredentials'],
    ['https://example.org/main', 'sourceSlash'],
    ['https://example.org/a/?x=1', 'sourceQuery'],
    ['https://example.org/a/#frag', 'sourceFragment'],
    ['https://digests/', 'sourceHost'],
    ['http://example.org/', 'sourcePlainHttp'],
    ['http://8.8.8.8/', 'sourcePlainHttp'],
  ])('rejects %j', (url, code) => {
    expect(validateSourceUrl(url)).toEqual({ ok: false, error: { code, params: {} } });
  });

  it.each([
    'https://169.254.169.254/latest/',
    'http://169.254.169.254/',
    'https://169.254.0.1/',
    'https://2852039166/', // 169.254.169.254 written as one number
    'https://0.0.0.0/',
    'http://0/',
    'https://0.1.2.3/',
    'https://[::]/',
    'https://[fe80::1]/',
    'https://[febf:ffff::1]/',
    'https://[::ffff:169.254.169.254]/',
    'https://[::ffff:0.0.0.0]/',
    'https://[fd00:ec2::254]/',
    'https://metadata.google.internal/computeMetadata/',
    'https://metadata.google.internal./',
  ])('rejects the link-local or metadata address %s, even over https', (url) => {
    expect(validateSourceUrl(url)).toEqual({ ok: false, error: { code: 'sourceLinkLocal', params: {} } });
  });
});

describe('paths', () => {
  it('builds day paths and absolute URLs under the base', () => {
    expect(dayPath('2024-06-25')).toBe('paper_logs/2024/06/25.md');
    expect(sourceUrl(DEFAULT_SOURCE_URL, dayPath('2025-05-09'))).toBe(
      'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/paper_logs/2025/05/09.md',
    );
  });
});
