/**
 * A Korean summary made on the user's side, as stored (lib/records.ts `StoredSummary`): one builder for every test.
 * The defaults are an endpoint's three labelled sections; a test overrides what it looks at (sections it searches,
 * times it sorts by, usage it sums).
 */
import type { StoredSummary } from '../../lib/records';

export function storedSummary(arxivId: string, title: string, over: Partial<StoredSummary> = {}): StoredSummary {
  return {
    arxivId,
    title,
    titleKo: null,
    sections: [
      { label: "What's New", text: `${title}의 핵심은 **희소 보상(sparse reward)** 학습입니다. 두 번째 문장입니다.` },
      { label: 'Technical Details', text: '정책 경사(policy gradient)를 [안정화](https://example.org/paper)합니다.' },
      { label: 'Performance Highlights', text: '기준 대비 정확도가 4.2% 향상되었습니다.' },
    ],
    provider: 'openai',
    model: 'gpt-4o-mini',
    promptVersion: 1,
    createdAt: Date.parse('2025-07-01T00:00:00Z'),
    usage: { inputTokens: 812, outputTokens: 356 },
    ...over,
  };
}
