/** The arXiv id of a Hugging Face paper page URL (`https://huggingface.co/papers/<id>`), or null. Pure. */
import { parseArxivId } from '../arxiv-id';

const PAPER_PATH_RE = /^\/papers\/([^/]+)\/?$/;

export function hfPaperIdFromUrl(url: string | URL): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'huggingface.co' || u.port !== '') return null;
  const id = parseArxivId(PAPER_PATH_RE.exec(u.pathname)?.[1] ?? '');
  // Hugging Face lists new-style ids only; a version in the path still names the same paper.
  return id?.style === 'new' ? id.id : null;
}
