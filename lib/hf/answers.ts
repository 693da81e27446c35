/**
 * Hugging Face answers (lib/hf/api.ts) validated into typed data with valibot schemas. Nothing from them is trusted:
 * every field is type-checked, cleaned and clipped, ids must be new-style arXiv ids (lib/arxiv-id.ts), links must be
 * http(s); an optional field that is malformed becomes null (or []), and an item whose id, title or upvotes are
 * malformed is dropped (and counted), never half-used. Background only (pages import lib/hf/api.ts, not this).
 */
import * as v from 'valibot';
import { safeHttpUrl } from '../links';
import { FIRST_FAULT, newStyleIdKey } from '../schemas';
import {
  type HfDailyItem,
  MAX_ABSTRACT,
  MAX_AI_SUMMARY,
  MAX_AUTHOR,
  MAX_AUTHORS,
  MAX_DAILY_ITEMS,
  MAX_KEYWORD,
  MAX_KEYWORDS,
  MAX_TITLE,
  MAX_UPVOTES,
  type ParsedDaily,
} from './api';

/** Control characters (except tab/newline) removed, whitespace collapsed, clipped to `max`; null when blank. */
function cleanText(s: string, max: number): string | null {
  let kept = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    kept += c < 0x20 || c === 0x7f ? (c === 0x09 || c === 0x0a || c === 0x0d ? ' ' : '') : ch;
  }
  const t = kept.replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** `schema`'s value, or null for anything it refuses (absent, null, malformed): optional fields never drop an item. */
const orNull = <T>(schema: v.GenericSchema<unknown, T>) => v.fallback(v.nullable(schema), null);

/** Cleaned text of at most `max` characters, or null. */
const text = (max: number) =>
  orNull(
    v.pipe(
      v.string(),
      v.transform((s) => cleanText(s, max)),
    ),
  );

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_UPVOTES));

/** An ISO date-time as given (at most 40 characters, parseable), or null. */
const dateTime = orNull(
  v.pipe(
    v.string(),
    v.maxLength(40),
    v.regex(/^\d{4}-\d{2}-\d{2}T/),
    v.check((s) => !Number.isNaN(Date.parse(s))),
  ),
);

/** The items of a list that pass `item` (null items dropped), at most `max` of them, or [] for anything else. */
function someOf<T>(item: v.GenericSchema<unknown, T | null>, max: number) {
  return v.fallback(
    v.pipe(
      v.array(v.unknown()),
      v.transform((list) => {
        const out: T[] = [];
        for (const x of list) {
          if (out.length >= max) break;
          const r = v.safeParse(item, x, FIRST_FAULT);
          if (r.success && r.output !== null) out.push(r.output);
        }
        return out;
      }),
    ),
    [],
  );
}

/** An http(s) link of at most 500 characters, or null. */
const githubRepo = orNull(
  v.pipe(
    v.string(),
    v.transform((s) => safeHttpUrl(s)),
    v.check((url) => url !== null && url.length <= 500),
  ),
);

/** An author's cleaned name (authors are `{ name, … }` objects), or null. */
const author = v.pipe(
  v.object({ name: text(MAX_AUTHOR) }),
  v.transform((a) => a.name),
);

/** The `paper` object (of a daily item, or the whole `/api/papers/<id>` answer). */
const paperObject = v.object({
  id: newStyleIdKey(),
  title: text(MAX_TITLE),
  upvotes: count,
  authors: someOf(author, MAX_AUTHORS),
  ai_summary: text(MAX_AI_SUMMARY),
  summary: text(MAX_ABSTRACT),
  ai_keywords: someOf(text(MAX_KEYWORD), MAX_KEYWORDS),
  githubRepo,
  publishedAt: dateTime,
  submittedOnDailyAt: dateTime,
});

/** What a daily item holds around its `paper` (its title is the paper's when the paper has none). */
const outerFields = v.object({ title: text(MAX_TITLE), numComments: orNull(count), publishedAt: dateTime });

/**
 * The `paper` object (of a daily item or of `/api/papers/<id>`) → an item, or null when its required fields (id,
 * title, upvotes) are missing or malformed. `outer` is the daily item around it (title and comment count live there).
 */
export function parsePaperObject(paper: unknown, outer: unknown = {}): HfDailyItem | null {
  const p = v.safeParse(paperObject, paper, FIRST_FAULT);
  if (!p.success) return null;
  const o = v.safeParse(outerFields, outer, FIRST_FAULT);
  const around = o.success ? o.output : { title: null, numComments: null, publishedAt: null };
  const title = p.output.title ?? around.title;
  if (!title) return null;
  return {
    arxivId: p.output.id,
    title,
    upvotes: p.output.upvotes,
    authors: p.output.authors,
    aiSummary: p.output.ai_summary,
    abstract: p.output.summary,
    aiKeywords: p.output.ai_keywords,
    githubRepo: p.output.githubRepo,
    numComments: around.numComments,
    publishedAt: p.output.publishedAt ?? around.publishedAt,
    submittedOnDailyAt: p.output.submittedOnDailyAt,
  };
}

const dailyItem = v.object({ paper: v.unknown() });

/**
 * A `/api/daily_papers` answer → its valid items in the order given (duplicates by id dropped), or null when the
 * answer is not an array at all (an error object).
 */
export function parseDailyPapers(json: unknown): ParsedDaily | null {
  if (!Array.isArray(json)) return null;
  const items: HfDailyItem[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const raw of json) {
    if (items.length >= MAX_DAILY_ITEMS) break;
    const item = v.is(dailyItem, raw) ? parsePaperObject(raw.paper, raw) : null;
    if (!item || seen.has(item.arxivId)) {
      skipped++;
      continue;
    }
    seen.add(item.arxivId);
    items.push(item);
  }
  return { items, skipped };
}

/** A `/api/papers/<id>` answer as far as votes go. */
const votesAnswer = v.object({ id: newStyleIdKey(), upvotes: orNull(count) });

/**
 * A `/api/papers/<id>` answer → its upvote count, or null when it is an error object, malformed, or about another
 * paper than the one asked for.
 */
export function parsePaperVotes(json: unknown, expectedId: string): number | null {
  const r = v.safeParse(votesAnswer, json, FIRST_FAULT);
  return r.success && r.output.id === expectedId ? r.output.upvotes : null;
}
