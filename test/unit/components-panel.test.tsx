// @vitest-environment happy-dom
/**
 * DigestPanel over hand-written papers in the shapes the parser produces, made into what the background sends
 * (`showPaper`): vote count, dates that open the reader, sections, media only online and asked for, links for the
 * default and a custom source, collapse, accessibility.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestPanel, type DigestPanelProps } from '../../components/DigestPanel';
import { digestSourceUrl } from '../../lib/links';
import type { ShownPaper } from '../../lib/records';
import { DEFAULT_SOURCE_URL } from '../../lib/settings';
import { showPaper } from '../../lib/show';
import { applyLanguage } from '../support/language';

const MUMU: ShownPaper = showPaper({
  arxivId: '2406.18790',
  title: 'MUMU: Bootstrapping Multimodal Image Generation from Text-to-Image Data',
  votes: 16,
  authors: ['Alexander Peysakhovich', 'William Berman'],
  media: { kind: 'image', url: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.18790.png' },
  sections: [
    {
      label: "What's New",
      text: '텍스트-이미지 생성 AI(Text-to-image generative AI)는 간단한 텍스트 프롬프트에서 상세한 이미지를 생성합니다.',
    },
    {
      label: 'Technical Details',
      text: 'MUMU는 기존의 **텍스트-이미지** 데이터를 활용해 멀티모달 훈련 세트를 구성했고, $O(n^2)$ 비용이 듭니다.',
    },
    {
      label: 'Performance Highlights',
      text: 'MUMU는 생성된 이미지에 조건부 이미지를 직접 반영할 수 있으며, 서로 다른 입력에서 온 이미지를 결합합니다.',
    },
  ],
  date: '2024-06-28',
  dates: ['2024-06-28', '2024-06-27'],
});

const OLD_STYLE: ShownPaper = showPaper({
  arxivId: '2311.10125',
  title: 'UnifiedVisionGPT: Streamlining Vision-Oriented AI through Generalized Multimodal Framework',
  votes: null,
  authors: [],
  media: null,
  sections: [
    {
      label: null,
      text: 'UnifiedVisionGPT는 네 가지 주요 특징을 통해 자신을 차별화한다:\n  - (1) 범용 멀티모달 프레임워크를 제공한다.\n  - (2) 최첨단 비전 모델을 통합한다.',
    },
    { label: null, text: '두 번째 요점.' },
  ],
  date: '2023-11-20',
  dates: ['2023-11-20'],
});

const VIDEO: ShownPaper = {
  ...MUMU,
  arxivId: '2402.17177',
  media: { kind: 'video', url: 'https://cdn-uploads.huggingface.co/production/uploads/abc/video.mp4' },
};

function renderPanel(over: Partial<DigestPanelProps> = {}) {
  const props: DigestPanelProps = {
    paper: MUMU,
    sourceFile: digestSourceUrl(DEFAULT_SOURCE_URL, MUMU.date),
    collapsed: false,
    onToggle: vi.fn(),
    online: true,
    onOpenReader: vi.fn(),
    ...over,
  };
  const result = render(<DigestPanel {...props} />);
  return { ...result, props, panel: screen.getByTestId('digest-panel') };
}

beforeEach(() => applyLanguage('en'));
afterEach(() => {
  cleanup();
  applyLanguage('auto');
});

describe('DigestPanel', () => {
  it('shows only the digest vote without a live count', () => {
    renderPanel();
    expect(screen.getByTestId('vote-count').textContent).toBe('16');
    expect(screen.queryByTestId('live-vote-count')).toBeNull();
  });

  it('with a live count: the live count, and the digest vote with its date beside it', () => {
    renderPanel({ live: { upvotes: 123, fetchedAt: 1 } });
    expect(screen.getByTestId('live-vote-count').textContent).toBe('123');
    expect(screen.getByTestId('vote-count').textContent).toBe('16');
    expect(screen.getByTestId('digest-vote-date').textContent).toBe('in the digest of 2024-06-28');
    expect(screen.getByTestId('live-votes').textContent).toContain('123 upvotes on Hugging Face now');
  });

  it('is a labelled section region with a heading that holds the collapse button', () => {
    const { panel } = renderPanel();
    expect(panel.tagName).toBe('SECTION');
    expect(screen.getByRole('region', { name: 'Korean summary (arXiv KO Digest)' })).toBe(panel);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(panel.getAttribute('aria-labelledby')).toBe(heading.id);
    const toggle = within(heading).getByRole('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = panel.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls') ?? '')}`);
    expect(body).not.toBeNull();
    expect(panel.getAttribute('lang')).toBe('en');
  });

  it('shows the vote count with a spoken label, and – for no count', () => {
    renderPanel();
    expect(screen.getByTestId('vote-count').textContent).toBe('16');
    expect(screen.getByText('16 votes')).toBeTruthy();
    cleanup();
    renderPanel({ paper: OLD_STYLE });
    expect(screen.getByTestId('vote-count').textContent).toBe('–');
    expect(screen.getByText('no vote count')).toBeTruthy();
  });

  it('collapse: the button reports the new state and the body is hidden while collapsed', () => {
    const { props, panel } = renderPanel();
    const toggle = screen.getByTestId('panel-toggle');
    fireEvent.click(toggle);
    expect(props.onToggle).toHaveBeenCalledWith(true);
    cleanup();
    const collapsed = renderPanel({ collapsed: true });
    const toggle2 = screen.getByTestId('panel-toggle');
    expect(toggle2.getAttribute('aria-expanded')).toBe('false');
    const body = collapsed.panel.querySelector(`#${CSS.escape(toggle2.getAttribute('aria-controls') ?? '')}`);
    expect(body?.hasAttribute('hidden')).toBe(true);
    fireEvent.click(toggle2);
    expect(collapsed.props.onToggle).toHaveBeenCalledWith(false);
    expect(panel.isConnected).toBe(false);
  });

  it('the toggle is a real button, so Enter/Space activation and focus come from the platform', () => {
    renderPanel();
    const toggle = screen.getByTestId('panel-toggle');
    expect(toggle.tagName).toBe('BUTTON');
    expect(toggle.getAttribute('type')).toBe('button');
    toggle.focus();
    expect(document.activeElement).toBe(toggle);
  });

  it('digest dates and "open in reader" call onOpenReader with reader routes', () => {
    const { props } = renderPanel();
    const dates = screen.getAllByTestId('digest-date');
    expect(dates.map((d) => d.textContent)).toEqual(['2024-06-28', '2024-06-27']);
    expect(dates[0]?.getAttribute('aria-label')).toBe('Open the 2024-06-28 digest in the offline reader');
    fireEvent.click(dates[1] as HTMLElement);
    expect(props.onOpenReader).toHaveBeenLastCalledWith('#/2024-06-27');
    fireEvent.click(screen.getByTestId('open-reader'));
    expect(props.onOpenReader).toHaveBeenLastCalledWith('#/paper/2406.18790');
  });

  it('falls back to the paper date when the dates list is empty', () => {
    renderPanel({ paper: { ...MUMU, dates: [] } });
    expect(screen.getAllByTestId('digest-date').map((d) => d.textContent)).toEqual(['2024-06-28']);
  });

  it('labelled sections: a description list with English labels and Korean text marked lang="ko"', () => {
    const { panel } = renderPanel();
    const dl = panel.querySelector('dl');
    expect(dl).not.toBeNull();
    expect([...panel.querySelectorAll('dt')].map((d) => d.textContent)).toEqual([
      "What's New",
      'Technical Details',
      'Performance Highlights',
    ]);
    const dds = [...panel.querySelectorAll('dd')];
    expect(dds).toHaveLength(3);
    for (const dd of dds) expect(dd.getAttribute('lang')).toBe('ko');
    expect(dds[1]?.querySelector('strong')?.textContent).toBe('텍스트-이미지');
    expect(dds[1]?.querySelector('.akd-math')?.textContent).toBe('O(n^2)');
  });

  it('labels in Korean when the UI language is ko', () => {
    applyLanguage('ko');
    const { panel } = renderPanel();
    expect([...panel.querySelectorAll('dt')].map((d) => d.textContent)).toEqual([
      '새로운 점',
      '기술 세부사항',
      '성능 하이라이트',
    ]);
    expect(panel.getAttribute('lang')).toBe('ko');
    expect(screen.getByRole('region', { name: '한국어 요약 (arXiv KO Digest)' })).toBe(panel);
    expect(screen.getByText('추천 16표')).toBeTruthy();
  });

  it('plain bullets: a list, continuation lines kept on their own lines', () => {
    const { panel } = renderPanel({ paper: OLD_STYLE });
    expect(panel.querySelector('dl')).toBeNull();
    const ul = panel.querySelector('ul.akd-ul');
    expect(ul?.getAttribute('lang')).toBe('ko');
    const items = [...(ul?.querySelectorAll('li') ?? [])];
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelectorAll('br')).toHaveLength(2);
    expect([...(items[0]?.querySelectorAll('.akd-line') ?? [])].map((l) => l.textContent)).toEqual([
      'UnifiedVisionGPT는 네 가지 주요 특징을 통해 자신을 차별화한다:',
      '  - (1) 범용 멀티모달 프레임워크를 제공한다.',
      '  - (2) 최첨단 비전 모델을 통합한다.',
    ]);
  });

  it('says so when an entry has no sections', () => {
    renderPanel({ paper: { ...OLD_STYLE, sections: [] } });
    expect(screen.getByText('This digest entry has no summary text.')).toBeTruthy();
  });

  it('thumbnail: nothing is requested until the user asks; the button names the host; then a lazy image', () => {
    const { panel } = renderPanel();
    expect(panel.querySelector('img, video')).toBeNull();
    const ask = screen.getByTestId('load-media');
    expect(ask.tagName).toBe('BUTTON');
    expect(ask.textContent).toBe('Show thumbnail (cdn-thumbnails.huggingface.co)');
    fireEvent.click(ask);
    const img = panel.querySelector('img');
    expect(img?.getAttribute('src')).toBe(MUMU.media?.url);
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('alt')).toBe('');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(screen.queryByTestId('load-media')).toBeNull();
    // Focus moves from the vanished button to what it loaded.
    expect(document.activeElement).toBe(screen.getByTestId('media'));
  });

  it('the button speaks Korean in Korean', () => {
    applyLanguage('ko');
    renderPanel();
    expect(screen.getByTestId('load-media').textContent).toBe('썸네일 보기 (cdn-thumbnails.huggingface.co)');
  });

  it('with "load thumbnails automatically" on: the image at once, no button', () => {
    const { panel } = renderPanel({ autoLoadMedia: true });
    expect(panel.querySelector('img')?.getAttribute('src')).toBe(MUMU.media?.url);
    expect(screen.queryByTestId('load-media')).toBeNull();
  });

  it('offline: no image and no button, a note instead', () => {
    const off = renderPanel({ online: false, autoLoadMedia: true });
    expect(off.panel.querySelector('img, video')).toBeNull();
    expect(screen.queryByTestId('load-media')).toBeNull();
    expect(screen.getByTestId('media-offline').textContent).toBe('Thumbnail and video are hidden while offline.');
  });

  it('video: a button naming its host; then controls, preload none, never autoplay, no poster; offline: none', () => {
    const { panel } = renderPanel({ paper: VIDEO });
    expect(panel.querySelector('video')).toBeNull();
    const ask = screen.getByTestId('load-media');
    expect(ask.textContent).toBe('Show video (cdn-uploads.huggingface.co)');
    fireEvent.click(ask);
    const video = panel.querySelector('video');
    expect(video?.getAttribute('src')).toBe(VIDEO.media?.url);
    expect(video?.getAttribute('preload')).toBe('none');
    expect(video?.hasAttribute('controls')).toBe(true);
    expect(video?.hasAttribute('autoplay')).toBe(false);
    expect(video?.hasAttribute('poster')).toBe(false);
    cleanup();
    const off = renderPanel({ paper: VIDEO, online: false, autoLoadMedia: true });
    expect(off.panel.querySelector('video, img')).toBeNull();
  });

  it('renders no media element and no button for a non-http(s) media URL', () => {
    const { panel } = renderPanel({
      paper: { ...MUMU, media: { kind: 'image', url: 'javascript:alert(1)' } },
      autoLoadMedia: true,
    });
    expect(panel.querySelector('img')).toBeNull();
    cleanup();
    renderPanel({ paper: { ...MUMU, media: { kind: 'image', url: 'javascript:alert(1)' } } });
    expect(screen.queryByTestId('load-media')).toBeNull();
  });

  it('no media and offline: no offline note either', () => {
    renderPanel({ paper: OLD_STYLE, online: false });
    expect(screen.queryByTestId('media-offline')).toBeNull();
  });

  it('links: Hugging Face paper page and the GitHub page of the digest file for the default source', () => {
    renderPanel();
    const hf = screen.getByRole('link', { name: /Hugging Face paper page/ });
    expect(hf.getAttribute('href')).toBe('https://huggingface.co/papers/2406.18790');
    expect(hf.getAttribute('rel')).toBe('noopener noreferrer');
    expect(hf.getAttribute('target')).toBe('_blank');
    const src = screen.getByRole('link', { name: /Digest file at the source/ });
    expect(src.getAttribute('href')).toBe(
      'https://github.com/l-yohai/daily_papers_ko/blob/main/paper_logs/2024/06/28.md',
    );
  });

  it('links: the digest file the background names is linked; a non-http one gives no link', () => {
    renderPanel({ sourceFile: digestSourceUrl('https://mirror.example.org/digests/', MUMU.date) });
    expect(screen.getByRole('link', { name: /Digest file at the source/ }).getAttribute('href')).toBe(
      'https://mirror.example.org/digests/paper_logs/2024/06/28.md',
    );
    cleanup();
    renderPanel({ sourceFile: 'javascript:alert(1)//paper_logs/2024/06/28.md' });
    expect(screen.queryByRole('link', { name: /Digest file at the source/ })).toBeNull();
  });

  it('attribution: CC BY-NC 4.0 and l-yohai/daily_papers_ko, both linked', () => {
    renderPanel();
    const attribution = screen.getByTestId('attribution');
    expect(attribution.textContent).toContain('CC BY-NC 4.0');
    expect(attribution.textContent).toContain('l-yohai/daily_papers_ko');
    const links = [...attribution.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://github.com/l-yohai/daily_papers_ko',
      'https://creativecommons.org/licenses/by-nc/4.0/',
    ]);
    expect(attribution.querySelector('a[rel~="license"]')).not.toBeNull();
  });

  it('forced theme adds the class the stylesheet keys on', () => {
    const { panel } = renderPanel({ theme: 'dark' });
    expect(panel.classList.contains('dark')).toBe(true);
    cleanup();
    expect(renderPanel().panel.classList.contains('dark')).toBe(false);
  });

  it('element ids are unique when two panels are on one page', () => {
    render(
      <>
        <DigestPanel
          paper={MUMU}
          sourceFile={null}
          collapsed={false}
          onToggle={() => {}}
          online
          onOpenReader={() => {}}
        />
        <DigestPanel
          paper={MUMU}
          sourceFile={null}
          collapsed={false}
          onToggle={() => {}}
          online
          onOpenReader={() => {}}
        />
      </>,
    );
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['en', false, true, false],
    ['en', false, true, true],
    ['ko', false, true, false],
    ['ko', true, false, false],
  ] as const)(
    'axe-core finds no violations (%s, collapsed %s, online %s, media loaded %s)',
    async (lang, collapsed, online, autoLoadMedia) => {
      applyLanguage(lang);
      const paper = collapsed ? OLD_STYLE : VIDEO;
      const { container } = renderPanel({ collapsed, online, autoLoadMedia, paper });
      // Colour contrast needs layout (a real browser); the palettes are checked in components-css.test.tsx.
      const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    },
  );
});
