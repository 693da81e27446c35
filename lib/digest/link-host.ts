/**
 * What a markdown link shows. `[https://arxiv.org/abs/x](https://evil.example)` reads as an arXiv link and goes
 * elsewhere: when a link's text is itself a URL or a host name (`https://…`, `www.…`, `arxiv.org/abs/x`,
 * `arxiv.org`) of another host than the link's target, the link shows its target instead, as the URL parser
 * normalises it (so a look-alike host shows in its `xn--` form). Pure; linear (a hand scan and one URL parse each).
 */
import type { Meter } from './meter';

const EDGE_MARKERS = '<>*_`';

function isHostChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46;
}

/** `s[a, b)` is host-like: host characters, a dot, and a last label of two or more letters. */
function isHostName(s: string, a: number, b: number): boolean {
  const dot = s.lastIndexOf('.', b - 1);
  if (dot <= a || b - dot - 1 < 2) return false;
  for (let k = dot + 1; k < b; k++) {
    const c = s.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The host a link text names (without `www.`), or null when the text is not a URL or host name. */
export function namedHost(label: string, meter: Meter): string | null {
  meter.chars += 2 * label.length;
  let a = 0;
  let b = label.length;
  while (a < b && (label.charCodeAt(a) <= 32 || EDGE_MARKERS.includes(label.charAt(a)))) a++;
  while (b > a && (label.charCodeAt(b - 1) <= 32 || EDGE_MARKERS.includes(label.charAt(b - 1)))) b--;
  const text = label.slice(a, b);
  if (/^https?:\/\//i.test(text)) return hostOf(text);
  let end = 0;
  while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
  const hostLike = isHostName(text, 0, end);
  if (/^www\./i.test(text) || (hostLike && (end === text.length || text.charCodeAt(end) === 47))) {
    return hostOf(`http://${text}`);
  }
  return null;
}

/** The text a link to `href` (an http(s) URL) with text `label` shows: `label`, or `href` when it names another host. */
export function linkText(label: string, href: string, meter: Meter): string {
  if (!label) return href;
  const named = namedHost(label, meter);
  if (named === null) return label;
  meter.chars += 2 * href.length;
  const target = hostOf(href);
  if (target === null || target === named) return label;
  try {
    return new URL(href).href;
  } catch {
    return href;
  }
}
