/**
 * arXiv id from an abs/pdf URL, normalised: no version, no `.pdf`, host case ignored.
 * New-style ids (`2406.16793`) and old-style ids (`hep-th/9901001`, `math.GT/0309136`) are accepted.
 */

const URL_RE =
  /^https?:\/\/(?:www\.|export\.|browse\.)?arxiv\.org\/(?:abs|pdf)\/([A-Za-z-]+(?:\.[A-Za-z]{2})?\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i;

/** The normalised id, or null when `url` is not an arXiv abs/pdf link. */
export function arxivIdFromUrl(url: string): string | null {
  const m = URL_RE.exec(url.trim());
  const id = m?.[1];
  if (id === undefined) return null;
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  // Old style: archive lowercase, subject class uppercase (`math.GT/0309136`).
  const archive = id.slice(0, slash);
  const dot = archive.indexOf('.');
  const name = dot < 0 ? archive.toLowerCase() : archive.slice(0, dot).toLowerCase() + archive.slice(dot).toUpperCase();
  return `${name}${id.slice(slash)}`;
}
