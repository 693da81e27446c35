/**
 * Titles as typed: papers whose title starts with the query's words (in order), so a title being typed from its
 * start rises to the top, and an exactly typed title comes first among them.
 */
import { type Meter, NO_METER } from '../digest/meter';
import type { StoredPaper } from '../records';
import { lowerBound } from './lower-bound';
import { words } from './text';

export interface TitleIndex {
  /** Each paper's title words joined by one space, sorted. */
  readonly titleKeys: readonly string[];
  /** `titleDocs[i]` is the doc whose title key is `titleKeys[i]`. */
  readonly titleDocs: Uint32Array;
}

export function titleKey(text: string, meter: Meter = NO_METER): string {
  meter.chars += text.length; // the join
  return words(text, [], meter).join(' ');
}

/** The title index, built in steps (a `yield` every 256 titles) like the rest of the index (./build). */
export function* titleIndexSteps(docs: readonly StoredPaper[], meter: Meter = NO_METER): Generator<void, TitleIndex> {
  const keys: string[] = [];
  for (const p of docs) {
    keys.push(titleKey(p.title, meter));
    if (keys.length % 256 === 0) yield;
  }
  yield;
  meter.chars += keys.reduce((n, k) => n + k.length, 0) * Math.ceil(Math.log2(keys.length + 1));
  const order = keys.map((_, i) => i).sort((a, b) => ((keys[a] ?? '') < (keys[b] ?? '') ? -1 : 1));
  return { titleKeys: order.map((i) => keys[i] ?? ''), titleDocs: Uint32Array.from(order) };
}

/** Calls `visit(doc, exact)` for each paper whose title key starts with `key` (`exact`: is equal to it). */
export function forTitlesStartingWith(
  index: TitleIndex,
  key: string,
  visit: (doc: number, exact: boolean) => void,
): void {
  if (key === '') return;
  const { titleKeys, titleDocs } = index;
  for (let i = lowerBound(titleKeys, key); i < titleKeys.length; i++) {
    const k = titleKeys[i] ?? '';
    if (!k.startsWith(key)) break;
    visit(titleDocs[i] ?? 0, k.length === key.length);
  }
}
