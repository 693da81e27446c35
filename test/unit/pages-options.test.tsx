// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatBytes, parseIntervalHours } from '../../components/options/format';
import { appError, CodedError } from '../../lib/errors';
import { buildExport, parseExport, serializeExport } from '../../lib/export-format';
import { OptionsApp } from '../../lib/pages/options/app';
import { send } from '../../lib/send';
import {
  autoLoadMediaItem,
  DEFAULT_SOURCE_URL,
  listingBadgesItem,
  panelCollapsedItem,
  uiLanguageItem,
} from '../../lib/settings';
import { applyLanguage } from '../support/language';
import {
  answerWith,
  digest,
  MAY9,
  privileged,
  resetPrivileged,
  sentTypes,
  syncedHandlers,
  syncStatus,
} from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

let request: ReturnType<typeof vi.fn>;

function grant(answer: boolean | Error) {
  request = vi.fn(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  vi.spyOn(browser.permissions, 'request').mockImplementation(request as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  resetPrivileged();
  applyLanguage('auto');
  vi.mocked(send).mockReset();
  grant(true);
});

afterEach(() => {
  cleanup();
  applyLanguage('auto');
  vi.restoreAllMocks();
});

async function start(handlers = syncedHandlers()) {
  answerWith(send, {
    ...handlers,
    clearData: () => ({ status: syncStatus({ paperCount: 0, digestCount: 0, lastSuccess: null, newestDate: null }) }),
    // The background answers with the notes of its own parse of the same text.
    importData: ({ json }) => {
      const parsed = parseExport(json);
      return { added: 3, updated: 1, notes: parsed.ok ? parsed.notes : [] };
    },
    exportData: () => ({ json: serializeExport(buildExport([digest('2025-05-09', MAY9)], MAY9, Date.now())) }),
  });
  render(<OptionsApp />);
  return (await screen.findByTestId('source-url')) as HTMLInputElement;
}

function saveSource(input: HTMLInputElement, value: string) {
  fireEvent.input(input, { target: { value } });
  fireEvent.click(screen.getByTestId('save-source'));
}

describe('options: source URL', () => {
  it('shows the default upstream', async () => {
    expect((await start()).value).toBe(DEFAULT_SOURCE_URL);
  });

  it.each([
    ['ftp://mirror.example.org/', 'the URL must start with https://'],
    ['not a url', 'not a valid URL'],
    ['http://mirror.example.org/digests/', 'plain http is only allowed for a local mirror'],
    ['https://mirror.example.org/digests', 'the URL must end with /'],
    ['https://mirror.example.org/?x=1', 'must not have a query'],
  ])('refuses %j without asking for a permission or saving', async (url, reason) => {
    const input = await start();
    saveSource(input, url);
    await waitFor(() => expect(screen.getByTestId('source-message').textContent).toContain(reason));
    expect(screen.getByTestId('source-message').textContent).toContain('This URL cannot be used');
    expect(request).not.toHaveBeenCalled();
    expect(privileged.current.sourceUrl).toBe(DEFAULT_SOURCE_URL);
  });

  it('says why a URL is refused in Korean when ko is pinned, with no English words', async () => {
    applyLanguage('ko');
    const input = await start();
    saveSource(input, 'ftp://mirror.example.org/');
    await waitFor(() =>
      expect(screen.getByTestId('source-message').textContent).toBe(
        '이 URL은 사용할 수 없습니다: URL은 https://로 시작해야 합니다',
      ),
    );
    expect(request).not.toHaveBeenCalled();
  });

  it('a refusal of the background (no permission for the origin) is said in Korean too', async () => {
    applyLanguage('ko');
    const input = await start({
      ...syncedHandlers(),
      setSettings: () => {
        throw new CodedError(appError('noPermission', { origin: 'https://mirror.example.org' }), 'English log text');
      },
    });
    saveSource(input, 'https://mirror.example.org/daily_papers_ko/');
    await waitFor(() =>
      expect(screen.getByTestId('source-message').textContent).toBe(
        '문제가 생겼습니다: https://mirror.example.org에 접근할 권한이 없습니다',
      ),
    );
  });

  it('asks for the origin permission and refuses to save when it is denied', async () => {
    grant(false);
    const input = await start();
    saveSource(input, 'https://mirror.example.org/daily_papers_ko/');
    await waitFor(() =>
      expect(screen.getByTestId('source-message').textContent).toBe(
        'Access to https://mirror.example.org was not granted, so the source was not changed.',
      ),
    );
    expect(request).toHaveBeenCalledWith({ origins: ['https://mirror.example.org/*'] });
    expect(privileged.current.sourceUrl).toBe(DEFAULT_SOURCE_URL);
  });

  it('asks for the permission inside the click (before any other await) and saves when granted', async () => {
    const input = await start();
    saveSource(input, '  https://Mirror.Example.org/daily_papers_ko/ ');
    // Called synchronously by the submit handler: a user gesture is still active.
    expect(request).toHaveBeenCalledWith({ origins: ['https://mirror.example.org/*'] });
    await waitFor(() => expect(screen.getByTestId('source-message').textContent).toContain('Source saved'));
    expect(privileged.current.sourceUrl).toBe('https://mirror.example.org/daily_papers_ko/');
  });

  it('a failing permission request is reported and nothing is saved', async () => {
    grant(new Error('permissions.request may only be called from a user input handler'));
    const input = await start();
    saveSource(input, 'https://mirror.example.org/x/');
    await waitFor(() => expect(screen.getByTestId('source-message').textContent).toContain('Could not ask for access'));
    expect(privileged.current.sourceUrl).toBe(DEFAULT_SOURCE_URL);
  });

  it('the default upstream needs no permission request', async () => {
    privileged.current.sourceUrl = 'https://mirror.example.org/x/';
    const input = await start();
    expect(input.value).toBe('https://mirror.example.org/x/');
    fireEvent.click(screen.getByTestId('default-source'));
    fireEvent.click(screen.getByTestId('save-source'));
    await waitFor(() => expect(screen.getByTestId('source-message').textContent).toContain('Source saved'));
    expect(request).not.toHaveBeenCalled();
    expect(privileged.current.sourceUrl).toBe(DEFAULT_SOURCE_URL);
  });
});

describe('options: settings', () => {
  it('validates and saves the sync interval', async () => {
    await start();
    const input = screen.getByTestId('sync-interval') as HTMLInputElement;
    expect(input.value).toBe('6');
    fireEvent.input(input, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('save-interval'));
    await waitFor(() =>
      expect(screen.getByTestId('interval-message').textContent).toBe('Enter a whole number of hours from 1 to 168.'),
    );
    expect(privileged.current.syncIntervalHours).toBe(6);
    fireEvent.input(input, { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('save-interval'));
    await waitFor(() => expect(screen.getByTestId('interval-message').textContent).toBe('Saved.'));
    expect(privileged.current.syncIntervalHours).toBe(12);
  });

  it('applies the UI language immediately', async () => {
    await start();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('arXiv KO Digest — options');
    fireEvent.change(screen.getByTestId('ui-language'), { target: { value: 'ko' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('arXiv KO Digest — 설정'));
    expect(screen.getByText('다이제스트 출처')).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('ko'));
    expect(await uiLanguageItem.getValue()).toBe('ko');
    fireEvent.change(screen.getByTestId('ui-language'), { target: { value: 'en' } });
    await waitFor(() => expect(screen.getByText('Digest source')).toBeTruthy());
  });

  it('saves the panel and badge toggles', async () => {
    await start();
    const panel = screen.getByTestId('panel-expanded') as HTMLInputElement;
    const badges = screen.getByTestId('listing-badges') as HTMLInputElement;
    expect(panel.checked).toBe(true);
    expect(badges.checked).toBe(true);
    fireEvent.click(panel);
    fireEvent.click(badges);
    await waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
    await waitFor(async () => expect(await listingBadgesItem.getValue()).toBe(false));
  });

  it('"load thumbnails automatically": off at first, says what loading tells the CDN, saved when ticked', async () => {
    await start();
    const box = screen.getByTestId('auto-load-media') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByLabelText('Load thumbnails automatically')).toBe(box);
    const help = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('tells that CDN which paper you read');
    fireEvent.click(box);
    await waitFor(async () => expect(await autoLoadMediaItem.getValue()).toBe(true));
    expect(request).not.toHaveBeenCalled();
  });
});

describe('options: stored data', () => {
  it('shows storage used, paper count and the sync status', async () => {
    await start();
    await waitFor(() =>
      expect(screen.getByTestId('storage-info').textContent).toBe(
        'Storage used: 25.4 MB of 300 MB · 4671 papers stored',
      ),
    );
    await waitFor(() => expect(screen.getByTestId('paper-count').textContent).toBe('4671'));
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(sentTypes(send)).toContain('syncNow'));
  });

  it('clears all data only after an inline confirmation', async () => {
    await start();
    fireEvent.click(screen.getByTestId('clear-data'));
    expect(screen.getByTestId('clear-confirmation').textContent).toContain('Are you sure?');
    expect(document.activeElement).toBe(screen.getByTestId('clear-confirm'));
    fireEvent.click(screen.getByTestId('clear-cancel'));
    expect(screen.queryByTestId('clear-confirmation')).toBeNull();
    expect(sentTypes(send)).not.toContain('clearData');
    fireEvent.click(screen.getByTestId('clear-data'));
    fireEvent.click(screen.getByTestId('clear-confirm'));
    await waitFor(() =>
      expect(screen.getByTestId('data-message').textContent).toBe('All stored digests and papers were deleted.'),
    );
    expect(sentTypes(send).filter((x) => x === 'clearData')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('paper-count').textContent).toBe('0'));
  });

  it.each([
    ['not JSON', '{"format": "arxiv-ko-digest-export", ', 'This file is not valid JSON'],
    ['another format', '{"papers": []}', 'This file is not an arXiv KO Digest export. Nothing was changed.'],
    ['a newer version', '{"format":"arxiv-ko-digest-export","version":9}', "This export's format is not supported"],
    [
      'a damaged record',
      serializeExport(buildExport([], [{ ...(MAY9[0] as (typeof MAY9)[0]), votes: -3 }], 0)),
      'This export file is damaged: papers[0].votes must be an integer ≥ 0. Nothing was changed.',
    ],
  ])('a bad file (%s) shows a clear error and sends no importData', async (_name, text, message) => {
    await start();
    const input = screen.getByTestId('import-file') as HTMLInputElement;
    const file = new File([text], 'backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('data-message').textContent).toContain(message));
    expect(screen.getByTestId('data-message').className).toBe('error');
    expect(sentTypes(send)).not.toContain('importData');
  });

  it('imports a valid file by merging (importData with the file text)', async () => {
    await start();
    const text = serializeExport(buildExport([digest('2025-05-09', MAY9)], MAY9, Date.now()));
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File([text], 'backup.json', { type: 'application/json' })] },
    });
    await waitFor(() => expect(screen.getByTestId('data-message').textContent).toBe('Imported: 3 added, 1 updated.'));
    expect(vi.mocked(send)).toHaveBeenCalledWith('importData', { json: text });
  });

  /** Picks a file with `text` in the import input and resolves to the feedback shown. */
  async function importText(text: string): Promise<HTMLElement> {
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File([text], 'backup.json', { type: 'application/json' })] },
    });
    // Past the busy line ("Working…" / "처리 중…").
    await waitFor(() => expect(screen.getByTestId('data-message').textContent).not.toMatch(/^(|Working…|처리 중…)$/));
    return screen.getByTestId('data-message');
  }

  const farFuture = () =>
    serializeExport(buildExport([digest('2025-05-09', MAY9), digest('2099-01-01', [])], MAY9, Date.now()));

  it.each([
    ['en', 'This export has a digest day after tomorrow (2099-01-01); no digest comes from the future.'],
    ['ko', '이 내보내기 파일에 내일 이후의 다이제스트 날짜(2099-01-01)가 있습니다.'],
  ] as const)(
    'a file with a day after tomorrow is refused, naming the day (%s), and nothing is sent',
    async (lang, text) => {
      applyLanguage(lang);
      await start();
      const message = await importText(farFuture());
      expect(message.textContent).toContain(text);
      expect(message.className).toBe('error');
      expect(sentTypes(send)).not.toContain('importData');
    },
  );

  it.each([
    [
      'en',
      'impossible download time (before 2023 or in the future) for the digest of 2025-05-09. Nothing was changed.',
    ],
    ['ko', '2025-05-09 다이제스트에 있을 수 없는 받은 시각(2023년 이전 또는 미래)이 있습니다.'],
  ] as const)('a file with a download time in the future is refused (%s)', async (lang, text) => {
    applyLanguage(lang);
    await start();
    const day = { ...digest('2025-05-09', MAY9), fetchedAt: Date.now() + 7 * 86_400_000 };
    const message = await importText(serializeExport(buildExport([day], MAY9, Date.now())));
    expect(message.textContent).toContain(text);
    expect(sentTypes(send)).not.toContain('importData');
  });

  /** An older export: a tracker thumbnail on two papers, ids repeated in `days` digests. */
  function olderExport(days: string[]): string {
    const papers = MAY9.map((p, i) =>
      i < 2 ? { ...p, media: { kind: 'image' as const, url: 'https://t.example/p.gif' } } : p,
    );
    const ids = MAY9.map((p) => p.arxivId);
    const digests = days.map((d, i) => ({ ...digest(d, MAY9), paperIds: [...ids, ...ids.slice(0, i + 1)] }));
    return serializeExport(buildExport(digests, papers, Date.now()));
  }

  it.each([
    [
      'en',
      "Imported: 3 added, 1 updated. Thumbnails and videos from hosts other than Hugging Face's left out: 2. " +
        'Repeated paper ids removed from the digest of 2025-05-09: 2. Repeated paper ids removed from the digest of 2025-05-08: 1.',
    ],
    [
      'ko',
      '가져오기 완료: 3개 추가, 1개 갱신. Hugging Face 밖의 호스트에 있는 썸네일·동영상 2개는 가져오지 않았습니다. ' +
        '2025-05-09 다이제스트에서 중복된 논문 ID 2개를 지웠습니다. 2025-05-08 다이제스트에서 중복된 논문 ID 1개를 지웠습니다.',
    ],
  ] as const)('an older export is imported and what was left out is said (%s)', async (lang, text) => {
    applyLanguage(lang);
    await start();
    const message = await importText(olderExport(['2025-05-08', '2025-05-09']));
    expect(message.textContent).toBe(text);
    expect(message.className).toBe('ok');
    expect(sentTypes(send)).toContain('importData');
  });

  it('repeated ids in many days are summed up in one sentence', async () => {
    await start();
    const message = await importText(olderExport(['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-08']));
    expect(message.textContent).toContain('Repeated paper ids removed: 10, from the digests of 4 days.');
    expect(message.textContent).not.toContain('2025-05-0');
  });

  it('exports through a Blob URL and an <a download>', async () => {
    const createObjectURL = vi.fn(() => 'blob:chrome-extension://id/1234');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL: revoke });
    const clicks: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href });
    });
    await start();
    fireEvent.click(screen.getByTestId('export-data'));
    await waitFor(() =>
      expect(screen.getByTestId('data-message').textContent).toMatch(
        /^Export ready: arxiv-ko-digest-\d{4}-\d{2}-\d{2}\.json$/,
      ),
    );
    expect(createObjectURL).toHaveBeenCalledOnce();
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text()).format).toBe('arxiv-ko-digest-export');
    expect(clicks).toEqual([
      { download: expect.stringMatching(/^arxiv-ko-digest-.*\.json$/), href: 'blob:chrome-extension://id/1234' },
    ]);
  });
});

describe('options: helpers', () => {
  it.each([
    ['1', 1],
    ['168', 168],
    [' 24 ', 24],
    ['0', null],
    ['169', null],
    ['1.5', null],
    ['-1', null],
    ['', null],
    ['abc', null],
  ])('parseIntervalHours(%j) → %s', (s, want) => {
    expect(parseIntervalHours(s)).toBe(want);
  });
  it.each([
    [0, '0 byte'],
    [999, '999 byte'],
    [25_400_000, '25.4 MB'],
    [300_000_000, '300 MB'],
    [2_500_000_000, '2.5 GB'],
  ])('formatBytes(%d) → %s', (n, want) => {
    expect(formatBytes(n, 'en')).toBe(want);
  });
});

describe('options: accessibility', () => {
  it('has no axe violations (also with the clear confirmation open)', async () => {
    await start();
    await waitFor(() => expect(screen.getByTestId('storage-info')).toBeTruthy());
    const rules = { rules: { 'color-contrast': { enabled: false } } };
    let result = await axe.run(document.body, rules);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    fireEvent.click(screen.getByTestId('clear-data'));
    result = await axe.run(document.body, rules);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});

describe('options: a database written by a newer version', () => {
  it('says so in the UI language instead of showing defaults that could be saved over it', async () => {
    applyLanguage('ko');
    answerWith(send, {
      ...syncedHandlers(),
      getSettings: () => {
        throw Object.assign(new Error('VersionError'), { code: 'dbNewer' });
      },
    });
    render(<OptionsApp />);
    const alert = await screen.findByTestId('options-error');
    expect(alert.textContent).toContain('더 새로운 버전');
    expect(screen.queryByTestId('source-url')).toBeNull();
  });
});
