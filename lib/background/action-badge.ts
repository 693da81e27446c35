/**
 * The toolbar badge for the tab's paper: on arXiv paper pages (abs, html, and PDFs, where Chrome's viewer cannot
 * take a panel) it shows the digest's vote count; on any other page, or for a paper without a summary, it is
 * cleared.
 */
import { arxivIdFromUrl } from '../arxiv-id';
import type { StoredPaper } from '../records';

export async function badgeTextFor(
  url: string | undefined,
  lookup: (arxivId: string) => Promise<StoredPaper | null>,
): Promise<string> {
  if (!url) return '';
  const target = arxivIdFromUrl(url);
  if (!target || target.kind === 'format' || target.style !== 'new') return '';
  const paper = await lookup(target.id);
  if (!paper) return '';
  if (paper.votes === null) return '–';
  return paper.votes > 999 ? `${Math.floor(paper.votes / 1000)}k` : String(paper.votes);
}
