/**
 * The one rule for which thumbnails and videos the extension may show: https on Hugging Face's own CDNs only.
 * Media from any other host is dropped where it enters (the parser with a diagnostic, the import with a message):
 * a thumbnail from an arbitrary host is a tracker pixel, and even the Hugging Face URLs carry the paper id, so the
 * panel and reader load them only when the user asks (a `load-media` button, or the option to load automatically).
 * Pure; charCode-free but linear (one URL parse).
 */
export const MEDIA_HOSTS: readonly string[] = [
  'cdn-thumbnails.huggingface.co',
  'cdn-uploads.huggingface.co',
  'cdn-avatars.huggingface.co',
];

const HOSTS = new Set(MEDIA_HOSTS);

/** True when `url` is an absolute `https:` URL on one of {@link MEDIA_HOSTS} (no user info, default port). */
export function isAllowedMediaUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && HOSTS.has(u.hostname) && u.port === '' && !u.username && !u.password;
}
