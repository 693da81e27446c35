/**
 * The summary sections of one paper. Labelled sections (What's New, …) form a description list with the label
 * in the UI language; plain bullets (older digests, label null) form a list. The summary text is Korean and
 * carries `lang="ko"`; continuation lines (`\n` in the text) stay on their own lines.
 */
import type { InlineToken } from '../lib/digest/types';
import type { ShownSection } from '../lib/records';
import { sectionLabel } from '../lib/section-labels';
import { InlineText } from './InlineText';

/** Tokenized text with its `\n`-separated lines kept apart by line breaks. */
export function Lines({ lines }: { lines: readonly InlineToken[][] }) {
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} class="akd-line">
          {i > 0 && <br />}
          <InlineText tokens={line} />
        </span>
      ))}
    </>
  );
}

const HANGUL_RE = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

type Lines = InlineToken[][];
type Group = { kind: 'labelled'; items: { label: string; lines: Lines }[] } | { kind: 'plain'; items: Lines[] };

/** Consecutive sections of the same kind, in order, so mixed entries keep their order. */
function group(sections: readonly ShownSection[]): Group[] {
  const groups: Group[] = [];
  for (const s of sections) {
    const last = groups[groups.length - 1];
    if (s.label !== null) {
      if (last?.kind === 'labelled') last.items.push({ label: s.label, lines: s.lines });
      else groups.push({ kind: 'labelled', items: [{ label: s.label, lines: s.lines }] });
    } else if (last?.kind === 'plain') last.items.push(s.lines);
    else groups.push({ kind: 'plain', items: [s.lines] });
  }
  return groups;
}

export interface SectionsProps {
  sections: readonly ShownSection[];
}

export function Sections({ sections }: SectionsProps) {
  const groups = group(sections);
  return (
    <div class="akd-sections" data-testid="sections">
      {groups.map((g, gi) =>
        g.kind === 'labelled' ? (
          <dl key={gi} class="akd-dl">
            {g.items.map((item, i) => (
              <div key={i} class="akd-dl-item">
                <dt class="akd-label" lang={HANGUL_RE.test(item.label) ? 'ko' : undefined}>
                  {sectionLabel(item.label)}
                </dt>
                <dd class="akd-text" lang="ko">
                  <Lines lines={item.lines} />
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <ul key={gi} class="akd-ul" lang="ko">
            {g.items.map((lines, i) => (
              <li key={i} class="akd-text">
                <Lines lines={lines} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
