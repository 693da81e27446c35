/** Realistic data (papers as the background sends them: `showPaper`) and a `send` stand-in for the page tests. */
import { vi } from 'vitest';
import { generationInfo } from '../../lib/background/summary-handlers';
import type { Protocol, Req, Res } from '../../lib/messages';
import { parseSettingsPatch } from '../../lib/privileged-settings';
import type { DaySummary, ShownPaper, ShownSummary, StoredDigest, SyncStatus } from '../../lib/records';
import { PRIVILEGED_DEFAULTS, type PrivilegedSettings } from '../../lib/setting-defaults';
import { showPaper } from '../../lib/show';
import { showSummary } from '../../lib/show-summary';
import { storedSummary } from '../support/summaries';

export { storedSummary };

/** The privileged settings as the background keeps them (its IndexedDB), for `getSettings` / `setSettings`. */
export const privileged: { current: PrivilegedSettings } = { current: { ...PRIVILEGED_DEFAULTS } };

export function resetPrivileged(): void {
  privileged.current = { ...PRIVILEGED_DEFAULTS };
}

export function paper(arxivId: string, title: string, votes: number | null, date: string, lead: string): ShownPaper {
  return showPaper({
    arxivId,
    title,
    votes,
    authors: ['Lanqing Hong', 'Zheng Zhang', 'Zhuotao Tian'],
    media: { kind: 'image', url: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${arxivId}.png` },
    sections: [
      { label: "What's New", text: `${lead} 이는 **새로운** 평가 기준을 제시합니다.` },
      { label: 'Technical Details', text: '논문은 네 가지 단계의 발전 로드맵을 바탕으로 연구를 정리했습니다.' },
      { label: 'Performance Highlights', text: '100개 이상의 모델을 평가한 결과 성능이 3.5% 향상되었습니다.' },
    ],
    date,
    dates: [date],
  });
}

export const MAY9: ShownPaper[] = [
  paper(
    '2505.05470',
    'Flow-GRPO: Training Flow Matching Models via Online RL',
    41,
    '2025-05-09',
    'Flow-GRPO는 온라인 강화 학습을 흐름 매칭 모델에 처음으로 통합한 방법입니다.',
  ),
  paper(
    '2505.04921',
    'Perception, Reason, Think, and Plan: A Survey on Large Multimodal Reasoning Models',
    75,
    '2025-05-09',
    '이 논문은 대규모 멀티모달 추론 모델의 발전을 종합적으로 검토합니다.',
  ),
  paper(
    '2505.04588',
    'ZeroSearch: Incentivize the Search Capability of LLMs',
    null,
    '2025-05-09',
    '검색 없이 학습합니다.',
  ),
  paper(
    '2505.04620',
    'On Path to Multimodal Generalist: General-Level and General-Bench',
    54,
    '2025-05-09',
    '본 연구에서는 다중 모달 일반가를 평가하기 위한 새로운 프레임워크를 소개합니다.',
  ),
];

export const MAY8: ShownPaper[] = [
  paper('2505.03318', 'Unified Multimodal Chain-of-Thought Reward Model', 90, '2025-05-08', '보상 모델을 통합합니다.'),
  paper(
    '2505.03335',
    'Absolute Zero: Reinforced Self-play Reasoning',
    120,
    '2025-05-08',
    '데이터 없이 추론을 학습합니다.',
  ),
];

/** The stored digest of `date` listing `papers` (anything with an id). */
export function digest(date: string, papers: readonly { arxivId: string }[]): StoredDigest {
  return {
    date,
    path: `paper_logs/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}.md`,
    paperIds: papers.map((p) => p.arxivId),
    runs: 1,
    diagnostics: [],
    etag: null,
    lastModified: null,
    fetchedAt: Date.parse('2025-05-10T01:00:00Z'),
    bytes: 20_480,
  };
}

/** Three summaries, newest first: on-device (Korean title), an endpoint, and one for a paper that has a digest. */
export const SUMMARIES: ShownSummary[] = [
  storedSummary('2508.00002', 'Sparse Reward Agents at Scale', {
    titleKo: '대규모 희소 보상 에이전트',
    provider: 'chrome-ai',
    model: 'chrome-translator',
    promptVersion: 0,
    usage: null,
    createdAt: Date.parse('2025-08-05T10:00:00Z'),
  }),
  storedSummary('2507.01234', 'Agentic Reasoning with Sparse Rewards', {
    createdAt: Date.parse('2025-07-02T09:00:00Z'),
  }),
  storedSummary('2505.03335', 'Absolute Zero: Reinforced Self-play Reasoning', {
    provider: 'anthropic',
    model: 'claude-3-5-haiku-latest',
    usage: { inputTokens: 700, outputTokens: null },
    createdAt: Date.parse('2025-06-20T12:00:00Z'),
  }),
].map(showSummary);

export const DAYS: DaySummary[] = [
  { date: '2025-05-09', paperCount: MAY9.length },
  { date: '2025-05-08', paperCount: MAY8.length },
];

export function syncStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    running: false,
    progress: null,
    lastSuccess: Date.now() - 5 * 60_000,
    lastError: null,
    nextRun: null,
    paperCount: 4671,
    digestCount: 311,
    newestDate: '2025-05-09',
    fileErrors: [],
    ...over,
  };
}

type Handlers = { [K in keyof Protocol]?: (payload: Req<K>) => Res<K> | Promise<Res<K>> };

/** Default answers of a synced database with the two days above. */
export function syncedHandlers(): Handlers {
  const byDate: Record<string, ShownPaper[]> = { '2025-05-09': MAY9, '2025-05-08': MAY8 };
  const all = [...MAY9, ...MAY8];
  let summaries = [...SUMMARIES];
  const text = (x: ShownSummary) => [x.title, x.titleKo ?? '', ...x.sections.map((y) => y.text)].join('\n');
  return {
    getSyncStatus: () => ({ status: syncStatus() }),
    syncNow: () => ({ status: syncStatus({ running: true, progress: { done: 0, total: 311 } }) }),
    getLatestDigest: () => ({ digest: digest('2025-05-09', MAY9), papers: MAY9 }),
    listDates: () => ({ days: DAYS }),
    getDigest: ({ date }) => {
      const papers = byDate[date];
      return papers ? { digest: digest(date, papers), papers } : { digest: null, papers: [] };
    },
    getPaper: ({ arxivId }) => ({
      paper: all.find((p) => p.arxivId === arxivId) ?? null,
      sourceFileUrl: null,
      liveVotes: privileged.current.hfLiveVotes,
      summary: summaries.find((x) => x.arxivId === arxivId) ?? null,
      generation: generationInfo(privileged.current),
    }),
    getSettings: () => ({ settings: privileged.current, apiKeyHint: null }),
    setSettings: ({ patch }) => {
      const r = parseSettingsPatch(patch);
      if (!r.ok) throw new Error(r.error);
      privileged.current = { ...privileged.current, ...r.patch };
      return { settings: privileged.current };
    },
    search: ({ query, limit }) => {
      const hits = all.filter((p) => p.title.toLowerCase().includes(query.toLowerCase()));
      const generated = summaries.filter((x) => text(x).toLowerCase().includes(query.toLowerCase()));
      return { papers: hits.slice(0, limit), total: hits.length, summaries: generated.slice(0, limit) };
    },
    listSummaries: () => ({
      summaries,
      usage: {
        summaries: summaries.length,
        inputTokens: summaries.reduce((n, x) => n + (x.usage?.inputTokens ?? 0), 0),
        outputTokens: summaries.reduce((n, x) => n + (x.usage?.outputTokens ?? 0), 0),
      },
    }),
    deleteSummaries: ({ arxivId }) => {
      const before = summaries.length;
      summaries = arxivId === null ? [] : summaries.filter((x) => x.arxivId !== arxivId);
      return { deleted: before - summaries.length };
    },
    storageInfo: () => ({ bytes: 25_400_000, quota: 300_000_000, paperCount: 4671 }),
  };
}

/**
 * Makes the mocked `send` answer from `handlers` (a missing handler rejects like the background would).
 * Returns the mock so tests can inspect calls.
 */
export function answerWith(sendMock: unknown, handlers: Handlers) {
  const mock = vi.mocked(sendMock as (type: string, payload: unknown) => Promise<unknown>);
  mock.mockImplementation(async (type: string, payload: unknown) => {
    const h = (handlers as Record<string, ((p: unknown) => unknown) | undefined>)[type];
    if (!h) throw new Error(`unknown message type ${type}`);
    return h(payload);
  });
  return mock;
}

/** Types sent so far, in order. */
export function sentTypes(sendMock: unknown): string[] {
  return vi.mocked(sendMock as (type: string) => unknown).mock.calls.map((c) => c[0]);
}
