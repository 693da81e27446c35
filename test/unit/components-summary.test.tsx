// @vitest-environment happy-dom
/**
 * The summary offer and the made summary's panel as a reader sees them: what the offer says is sent and where (or that
 * there is no digest and no provider, dismissible), the panel in the digest's labels, marked as machine-generated with
 * provider, model and date, cancel while it runs and regenerate after, errors in the UI language; a made summary
 * folded below a digest; no axe violations.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestPanel } from '../../components/DigestPanel';
import {
  GeneratedDetails,
  GeneratedPanel,
  type GeneratedPanelProps,
  type GeneratedView,
} from '../../components/GeneratedPanel';
import { SummaryOffer, type SummaryOfferProps } from '../../components/SummaryOffer';
import { genErrorText, localDate } from '../../lib/gen/ui-text';
import type { GenerationInfo } from '../../lib/messages';
import { showPaper, showSection } from '../../lib/show';
import { applyLanguage } from '../support/language';

const CREATED = Date.UTC(2026, 6, 1, 12);

const VIEW: GeneratedView = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  createdAt: CREATED,
  titleKo: null,
  sections: [
    showSection({ label: "What's New", text: '토큰마다 일부 **어텐션 헤드**로만 라우팅합니다.' }),
    showSection({ label: 'Technical Details', text: '학습된 $k$-희소 게이트를 씁니다.' }),
    showSection({ label: 'Performance Highlights', text: '정확도를 유지하며 연산을 3분의 1로 줄였습니다.' }),
  ],
};

const OPENAI: GenerationInfo = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  host: 'api.openai.com',
  autoSummarize: false,
};
const NONE: GenerationInfo = { provider: 'none', model: '', host: null, autoSummarize: false };
const CHROME: GenerationInfo = { provider: 'chrome-ai', model: 'chrome-translator', host: null, autoSummarize: false };

function offer(over: Partial<SummaryOfferProps> = {}) {
  const props: SummaryOfferProps = {
    generation: OPENAI,
    error: null,
    onGenerate: vi.fn(),
    onDismiss: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  };
  const r = render(<SummaryOffer {...props} />);
  return { ...r, props, box: screen.getByTestId('summary-offer') };
}

function panel(over: Partial<GeneratedPanelProps> = {}) {
  const props: GeneratedPanelProps = {
    arxivId: '2407.00101',
    view: VIEW,
    collapsed: false,
    onToggle: vi.fn(),
    running: false,
    error: null,
    onCancel: vi.fn(),
    onRegenerate: vi.fn(),
    ...over,
  };
  const r = render(<GeneratedPanel {...props} />);
  return { ...r, props, panel: screen.getByTestId('digest-panel') };
}

async function noAxeViolations(container: Element) {
  // Colour contrast needs layout (a real browser); the palettes are checked in components-css.test.tsx.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

beforeEach(() => applyLanguage('en'));
afterEach(() => {
  cleanup();
  applyLanguage('auto');
});

describe('the summary offer', () => {
  it('with a model endpoint: the button, and what is sent where before anything is', () => {
    const { box, props } = offer();
    expect(box.textContent).toContain(
      'No Korean digest covers this paper. Sends the title and abstract to api.openai.com.',
    );
    fireEvent.click(screen.getByTestId('generate-summary'));
    expect(props.onGenerate).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('dismiss-offer')).toBeNull();
  });

  it('says it in Korean when the UI is Korean', () => {
    applyLanguage('ko');
    const { box } = offer();
    expect(box.textContent).toContain('제목과 초록을 api.openai.com(으)로 보냅니다.');
    expect(screen.getByTestId('generate-summary').textContent).toBe('한국어 요약 만들기');
  });

  it('on-device: says nothing leaves the browser', () => {
    const { box } = offer({ generation: CHROME });
    expect(box.textContent).toContain('Made by Chrome on this device; nothing leaves the browser.');
    expect(box.textContent).not.toContain('Sends');
  });

  it('with no provider: no button that sends, where to choose one, and a dismiss', () => {
    const { box, props } = offer({ generation: NONE });
    expect(screen.queryByTestId('generate-summary')).toBeNull();
    expect(box.textContent).toContain('No Korean digest covers this paper.');
    expect(box.textContent).toContain('Choose a summary provider in the extension’s options');
    fireEvent.click(screen.getByTestId('open-options'));
    expect(props.onOpenOptions).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('dismiss-offer'));
    expect(props.onDismiss).toHaveBeenCalledTimes(1);
  });

  it('shows the last failure as an alert', () => {
    offer({ error: genErrorText('badKey', null) });
    const alert = screen.getByRole('alert');
    expect(alert.dataset.testid).toBe('summary-error');
    expect(alert.textContent).toBe('The API key was refused (401). Check the key in the options.');
  });

  it.each([
    ['en', OPENAI, null],
    ['ko', NONE, null],
    ['ko', OPENAI, 'x'],
  ] as const)('has no axe violations (%s, %o, error %s)', async (lang, generation, error) => {
    applyLanguage(lang);
    const { container } = offer({ generation, error });
    await noAxeViolations(container);
  });
});

describe('a made summary in the panel', () => {
  it('is the digest panel region, marked machine-generated with provider, model and date', () => {
    const { panel: region } = panel();
    expect(screen.getByRole('region', { name: 'Korean summary (arXiv KO Digest)' })).toBe(region);
    // Beside the title, so it shows when the panel is collapsed too.
    expect(region.querySelector('header')?.textContent).toContain('AI-generated');
    expect(screen.getByTestId('ai-generated').textContent).toBe(
      `Machine-generated summary: OpenAI-compatible API · gpt-4o-mini · ${localDate(CREATED)}`,
    );
    expect(localDate(CREATED)).toMatch(/^2026-07-0[12]$/);
  });

  it("has the digest's sections and labels (in the UI language), the model's markup as elements", () => {
    applyLanguage('ko');
    panel();
    const labels = [...document.querySelectorAll('dt')].map((d) => d.textContent);
    expect(labels).toEqual(['새로운 점', '기술 세부사항', '성능 하이라이트']);
    expect(document.querySelector('dd strong')?.textContent).toBe('어텐션 헤드');
    expect(document.querySelector('.akd-math')?.textContent).toBe('k');
  });

  it('while it runs: "writing…" for the date, a cancel button, no regenerate', () => {
    const { props } = panel({ running: true, view: { ...VIEW, createdAt: null, sections: VIEW.sections.slice(0, 1) } });
    expect(screen.getByTestId('ai-generated').textContent).toBe(
      'Machine-generated summary: OpenAI-compatible API · gpt-4o-mini · writing…',
    );
    expect(screen.queryByTestId('regenerate-summary')).toBeNull();
    fireEvent.click(screen.getByTestId('cancel-summary'));
    expect(props.onCancel).toHaveBeenCalledTimes(1);
  });

  it('after: regenerate (none when no provider is chosen)', () => {
    const { props } = panel();
    expect(screen.queryByTestId('cancel-summary')).toBeNull();
    fireEvent.click(screen.getByTestId('regenerate-summary'));
    expect(props.onRegenerate).toHaveBeenCalledTimes(1);
    cleanup();
    panel({ onRegenerate: undefined });
    expect(screen.queryByTestId('regenerate-summary')).toBeNull();
  });

  it('an on-device summary: Chrome named, the Korean title shown', () => {
    panel({ view: { ...VIEW, provider: 'chrome-ai', model: 'chrome-translator', titleKo: '희소 토큰 라우팅' } });
    expect(screen.getByTestId('ai-generated').textContent).toContain('Chrome on-device AI · chrome-translator');
    expect(screen.getByText('희소 토큰 라우팅').closest('[lang]')?.getAttribute('lang')).toBe('ko');
  });

  it('shows an error beside the summary it keeps', () => {
    panel({ error: genErrorText('rateLimited', 20_000) });
    expect(screen.getByTestId('summary-error').textContent).toBe('Too many requests (429). Try again in 20 seconds.');
    expect(screen.getByTestId('sections').textContent).toContain('라우팅합니다');
  });

  it('collapses like the digest panel', () => {
    const { props } = panel({ collapsed: true });
    const toggle = screen.getByTestId('panel-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('ai-generated').closest('[hidden]')).not.toBeNull();
    fireEvent.click(toggle);
    expect(props.onToggle).toHaveBeenCalledWith(false);
  });

  it.each([
    ['en', false, false],
    ['ko', true, false],
    ['ko', false, true],
  ] as const)('has no axe violations (%s, running %s, error %s)', async (lang, running, error) => {
    applyLanguage(lang);
    const { container } = panel({ running, error: error ? genErrorText('server', null) : null });
    await noAxeViolations(container);
  });
});

describe('a made summary below a digest', () => {
  const PAPER = showPaper({
    arxivId: '2407.00101',
    title: 'Sparse Token Routing for Long-Context Decoders',
    votes: 7,
    authors: [],
    media: null,
    sections: [{ label: "What's New", text: '다이제스트의 요약입니다.' }],
    date: '2024-07-01',
    dates: ['2024-07-01'],
  });

  function withDigest() {
    return render(
      <DigestPanel
        paper={PAPER}
        sourceFile={null}
        collapsed={false}
        onToggle={vi.fn()}
        online
        onOpenReader={vi.fn()}
        extra={<GeneratedDetails view={VIEW} />}
      />,
    );
  }

  it('is folded after the digest and its attribution, marked, and opens to its sections', () => {
    withDigest();
    const details = screen.getByTestId('generated-summary') as HTMLDetailsElement;
    expect(screen.getAllByTestId('digest-panel')).toHaveLength(1);
    expect(details.open).toBe(false);
    expect(screen.getByTestId('attribution').compareDocumentPosition(details)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(details.querySelector('summary')?.textContent).toBe('There is also a machine-generated Korean summary');
    expect(within(details).getByTestId('ai-generated').textContent).toContain('gpt-4o-mini');
    expect(within(details).getByTestId('sections').textContent).toContain('라우팅합니다');
  });

  it('has no axe violations', async () => {
    const { container } = withDigest();
    await noAxeViolations(container);
  });
});
