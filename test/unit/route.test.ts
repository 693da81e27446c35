import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../lib/route';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { kind: 'home' }],
    ['#', { kind: 'home' }],
    ['#/', { kind: 'home' }],
    ['#/2025-05-09', { kind: 'day', date: '2025-05-09' }],
    ['#/2025-02-30', { kind: 'notFound', hash: '#/2025-02-30' }],
    ['#/paper/2406.16793', { kind: 'paper', arxivId: '2406.16793' }],
    ['#/paper/2406.16793v2', { kind: 'paper', arxivId: '2406.16793' }],
    ['#/paper/hep-th/9901001', { kind: 'paper', arxivId: 'hep-th/9901001' }],
    ['#/paper/hep-th%2F9901001', { kind: 'paper', arxivId: 'hep-th/9901001' }],
    ['#/paper/not-an-id', { kind: 'notFound', hash: '#/paper/not-an-id' }],
    ['#/paper/', { kind: 'notFound', hash: '#/paper/' }],
    ['#/search/diffusion', { kind: 'search', query: 'diffusion' }],
    ['#/search/%EB%A9%80%ED%8B%B0%EB%AA%A8%EB%8B%AC%20LLM', { kind: 'search', query: '멀티모달 LLM' }],
    ['#/search/', { kind: 'search', query: '' }],
    ['#/search', { kind: 'search', query: '' }],
    ['#/search/%E0%A4%A', { kind: 'notFound', hash: '#/search/%E0%A4%A' }],
    ['#/unknown', { kind: 'notFound', hash: '#/unknown' }],
    ['#2025-05-09', { kind: 'notFound', hash: '#2025-05-09' }],
    ['/2025-05-09', { kind: 'day', date: '2025-05-09' }],
    ['#/summaries', { kind: 'summaries' }],
    ['#/summaries/', { kind: 'notFound', hash: '#/summaries/' }],
    ['#/summary/2406.16793', { kind: 'summary', arxivId: '2406.16793' }],
    ['#/summary/2406.16793v3', { kind: 'summary', arxivId: '2406.16793' }],
    ['#/summary/hep-th/9901001', { kind: 'summary', arxivId: 'hep-th/9901001' }],
    ['#/summary/math%2F0309136', { kind: 'summary', arxivId: 'math/0309136' }],
    ['#/summary/', { kind: 'notFound', hash: '#/summary/' }],
    ['#/summary/%E0%A4%A', { kind: 'notFound', hash: '#/summary/%E0%A4%A' }],
    ['#/summary', { kind: 'notFound', hash: '#/summary' }],
  ])('%j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
  it('caps long search queries', () => {
    const r = parseRoute(`#/search/${'a'.repeat(500)}`);
    expect(r.kind === 'search' && r.query.length).toBe(200);
  });
});

describe('formatRoute', () => {
  it.each<[Route, string]>([
    [{ kind: 'home' }, '#/'],
    [{ kind: 'day', date: '2025-05-09' }, '#/2025-05-09'],
    [{ kind: 'paper', arxivId: '2406.16793' }, '#/paper/2406.16793'],
    [{ kind: 'paper', arxivId: 'hep-th/9901001' }, '#/paper/hep-th/9901001'],
    [{ kind: 'search', query: '멀티모달 a/b #1' }, '#/search/%EB%A9%80%ED%8B%B0%EB%AA%A8%EB%8B%AC%20a%2Fb%20%231'],
    [{ kind: 'summaries' }, '#/summaries'],
    [{ kind: 'summary', arxivId: '2406.16793' }, '#/summary/2406.16793'],
    [{ kind: 'summary', arxivId: 'math/0309136' }, '#/summary/math/0309136'],
  ])('%j → %s', (route, hash) => {
    expect(formatRoute(route)).toBe(hash);
  });
  it.each<Route>([
    { kind: 'home' },
    { kind: 'day', date: '2024-02-29' },
    { kind: 'paper', arxivId: 'math/0309136' },
    { kind: 'search', query: '100% & "quoted" ?x=y' },
    { kind: 'summaries' },
    { kind: 'summary', arxivId: '2501.00001' },
    { kind: 'summary', arxivId: 'hep-th/9901001' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });
});
