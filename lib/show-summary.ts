/** A stored summary as the background sends it (sections tokenized like a digest paper's, lib/show.ts). Pure. */
import type { ShownSummary, StoredSummary } from './records';
import { showSection } from './show';

export function showSummary(s: StoredSummary): ShownSummary {
  return { ...s, sections: s.sections.map(showSection) };
}
