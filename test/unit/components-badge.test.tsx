// @vitest-environment happy-dom
/**
 * ListingBadge: the vote button with its spoken name, and the lazy inline summary (loading → paper, missing,
 * error), driven the way the content script drives it.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BadgeStatus, ListingBadge } from '../../components/ListingBadge';
import type { ShownPaper } from '../../lib/records';
import { showPaper } from '../../lib/show';
import { applyLanguage } from '../support/language';

const PAPER: ShownPaper = showPaper({
  arxivId: '2406.19314',
  title: 'LiveBench: A Challenging, Contamination-Free LLM Benchmark',
  votes: 22,
  authors: ['Colin White', 'Samuel Dooley'],
  media: { kind: 'image', url: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.19314.png' },
  sections: [
    { label: "What's New", text: '오염 없는 LLM 벤치마크 LiveBench를 제안합니다.' },
    { label: 'Performance Highlights', text: '최고 모델도 정확도 65% 미만입니다. <script>alert(1)</script>' },
  ],
  date: '2024-06-28',
  dates: ['2024-06-28'],
});

beforeEach(() => applyLanguage('en'));
afterEach(() => {
  cleanup();
  applyLanguage('auto');
});

/** A content-script-like host: loads the paper on the first expansion through `load`. */
function Host({ load }: { load: (id: string) => Promise<ShownPaper | null> }) {
  const [expanded, setExpanded] = useState(false);
  const [paper, setPaper] = useState<ShownPaper | null>(null);
  const [status, setStatus] = useState<BadgeStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  return (
    <ListingBadge
      arxivId="2406.19314"
      votes={22}
      paper={paper}
      status={status}
      error={error}
      expanded={expanded}
      onToggle={(next) => {
        setExpanded(next);
        if (next && !paper && status !== 'loading') {
          setStatus('loading');
          load('2406.19314').then(
            (p) => {
              setPaper(p);
              setStatus(p ? 'ready' : 'missing');
            },
            (e: Error) => {
              setError(e.message);
              setStatus('error');
            },
          );
        }
      }}
      onOpenReader={() => {}}
    />
  );
}

describe('ListingBadge', () => {
  it('is a button showing ▲ and the count, named "Korean summary: 22 votes"', () => {
    render(<ListingBadge arxivId="2406.19314" votes={22} paper={null} expanded={false} onToggle={() => {}} />);
    const button = screen.getByRole('button', { name: 'Korean summary: 22 votes' });
    expect(button.textContent).toBe('▲ 22');
    expect(screen.getByTestId('vote-count').textContent).toBe('22');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('badge-summary').hasAttribute('hidden')).toBe(true);
  });

  it('no vote count: – and a name that says so; Korean name in ko', () => {
    render(<ListingBadge arxivId="2406.19314" votes={null} paper={null} expanded={false} onToggle={() => {}} />);
    expect(screen.getByRole('button', { name: 'Korean summary: no vote count' }).textContent).toBe('▲ –');
    cleanup();
    applyLanguage('ko');
    render(<ListingBadge arxivId="2406.19314" votes={5} paper={null} expanded={false} onToggle={() => {}} />);
    expect(screen.getByRole('button', { name: '한국어 요약: 추천 5표' })).toBeTruthy();
  });

  it('reports the new state on activation', () => {
    const onToggle = vi.fn();
    render(<ListingBadge arxivId="2406.19314" votes={22} paper={null} expanded={false} onToggle={onToggle} />);
    fireEvent.click(screen.getByTestId('badge-toggle'));
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it('loads the paper on first activation, shows it inline, and does not load again', async () => {
    let resolve: (p: ShownPaper) => void = () => {};
    const load = vi.fn(() => new Promise<ShownPaper | null>((r) => (resolve = r)));
    render(<Host load={load} />);
    const button = screen.getByTestId('badge-toggle');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Loading the summary…');
    resolve(PAPER);
    await screen.findByText("What's New");
    const summary = screen.getByTestId('badge-summary');
    expect(summary.hasAttribute('hidden')).toBe(false);
    expect(button.getAttribute('aria-controls')).toBe(summary.id);
    expect(summary.querySelectorAll('dd[lang="ko"]')).toHaveLength(2);
    expect(summary.querySelector('script')).toBeNull();
    expect(summary.textContent).toContain('<script>alert(1)</script>');
    expect(summary.querySelector('[data-testid="attribution"]')).not.toBeNull();
    fireEvent.click(button);
    expect(summary.hasAttribute('hidden')).toBe(true);
    fireEvent.click(button);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a paper not in the store and a failed load are reported in the summary area', async () => {
    render(<Host load={() => Promise.resolve(null)} />);
    fireEvent.click(screen.getByTestId('badge-toggle'));
    await screen.findByText('This paper is not in the stored digests.');
    cleanup();
    render(<Host load={() => Promise.reject(new Error('no answer to getPaper'))} />);
    fireEvent.click(screen.getByTestId('badge-toggle'));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the summary: no answer to getPaper');
  });

  it('open-in-reader asks for the paper route; the HF link is http(s) and opens a new tab', () => {
    const onOpenReader = vi.fn();
    render(
      <ListingBadge
        arxivId="2406.19314"
        votes={22}
        paper={PAPER}
        expanded
        onToggle={() => {}}
        onOpenReader={onOpenReader}
      />,
    );
    fireEvent.click(screen.getByTestId('open-reader'));
    expect(onOpenReader).toHaveBeenCalledWith('#/paper/2406.19314');
    const hf = screen.getByRole('link', { name: /Hugging Face paper page/ });
    expect(hf.getAttribute('href')).toBe('https://huggingface.co/papers/2406.19314');
  });

  it('prefers the loaded paper’s vote count over the badge data', () => {
    render(<ListingBadge arxivId="2406.19314" votes={3} paper={PAPER} expanded={false} onToggle={() => {}} />);
    expect(screen.getByTestId('vote-count').textContent).toBe('22');
  });

  it('ids stay unique with many badges on one listing', () => {
    render(
      <div>
        {['2406.19314', '2406.18790', '2406.19314'].map((id, i) => (
          <ListingBadge key={`${id}-${i}`} arxivId={id} votes={1} paper={null} expanded={false} onToggle={() => {}} />
        ))}
      </div>,
    );
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('axe-core finds no violations, collapsed and expanded', async () => {
    const { container } = render(
      <>
        <ListingBadge arxivId="2406.18790" votes={null} paper={null} expanded={false} onToggle={() => {}} />
        <ListingBadge
          arxivId="2406.19314"
          votes={22}
          paper={PAPER}
          expanded
          onToggle={() => {}}
          onOpenReader={() => {}}
        />
      </>,
    );
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
