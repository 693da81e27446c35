/** Turning what the user typed into query words. */
import { arxivIdFromUrl, normaliseArxivId } from '../arxiv-id';
import { literal, type Pattern, typingPatterns } from './hangul';
import { hasLatinLetter, words } from './text';

/** Longest query honoured, in characters, and most distinct words ANDed; the rest is ignored. */
export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_WORDS = 32;
/** Shortest query word that also matches inside Latin words (`llm` finds `mllm`). */
export const MIN_SUBSTRING = 3;

export interface QueryWord {
  /** Matches terms by prefix. */
  patterns: Pattern[];
  /** Also matches Latin terms containing this, or null. */
  substring: string | null;
  /** A complete arXiv id (normalised, no version): the paper with it ranks first. */
  exactId: string | null;
  /** Key for de-duplication. */
  key: string;
}

const ARXIV_PREFIX_RE = /(^|\s)arxiv:\s*/gi;
const ID_START_RE = /^\d{4}\.\d{0,5}$/;

function plain(w: string, typing: boolean): QueryWord {
  return {
    patterns: typing ? typingPatterns(w) : [literal(w)],
    substring: w.length >= MIN_SUBSTRING && hasLatinLetter(w) ? w : null,
    exactId: null,
    key: w,
  };
}

function idWord(id: string): QueryWord {
  return { patterns: [literal(id.toLowerCase())], substring: null, exactId: id, key: id };
}

/** An arXiv id, id URL, or the start of a new-style id (`2406.16`), else null. */
function asId(chunk: string): QueryWord | null {
  if (/^https?:\/\//i.test(chunk)) {
    const fromUrl = arxivIdFromUrl(chunk)?.id;
    return fromUrl ? idWord(fromUrl) : null;
  }
  const id = normaliseArxivId(chunk.replace(/v$/i, ''));
  if (id) return idWord(id);
  const start = chunk.replace(/v$/i, '');
  return ID_START_RE.test(start) ? { patterns: [literal(start)], substring: null, exactId: null, key: start } : null;
}

/**
 * Query words, ANDed by the search. The last word is widened for half-typed Korean unless the query ends with
 * whitespace. Duplicates, and words implied by another word (`mod` by `model`), are dropped.
 */
export function parseQuery(raw: string): QueryWord[] {
  const text = raw.slice(0, MAX_QUERY_CHARS).normalize('NFKC').replace(ARXIV_PREFIX_RE, '$1');
  const typing = !/\s$/.test(text);
  const chunks = text.split(/\s+/).filter((c) => c !== '');
  const out: QueryWord[] = [];
  chunks.forEach((chunk, ci) => {
    const id = asId(chunk);
    if (id) {
      out.push(id);
      return;
    }
    const ws = words(chunk);
    ws.forEach((w, wi) => {
      out.push(plain(w, typing && ci === chunks.length - 1 && wi === ws.length - 1));
    });
  });
  const seen = new Set<string>();
  const unique = out.filter((q) => !seen.has(q.key) && seen.add(q.key));
  const implied = (a: QueryWord): boolean =>
    a.exactId === null &&
    unique.some(
      (b) => b !== a && b.exactId === null && b.key.startsWith(a.key) && (a.substring !== null || b.substring === null),
    );
  return unique.filter((q) => !implied(q)).slice(0, MAX_QUERY_WORDS);
}
