/** The arXiv id of a Hugging Face paper page URL (`https://huggingface.co/papers/<id>`), or null. Pure, no imports. */
const PAPER_PATH_RE = /^\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?$/;

export function hfPaperIdFromUrl(url: string | URL): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'huggingface.co') return null;
  return PAPER_PATH_RE.exec(u.pathname)?.[1] ?? null;
}
