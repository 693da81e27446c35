/**
 * A digest entry's thumbnail or video, for the panel and the reader. Only http(s) URLs are rendered. Upstream
 * videos have no caption tracks and no poster: never autoplay, load nothing until asked, and link the file too.
 */
import type { Media } from '../lib/digest/types';
import { safeHttpUrl } from '../lib/links';
import { ExternalLink } from './InlineText';

export function MediaView({ media, class: className, videoLink }: { media: Media; class?: string; videoLink: string }) {
  const url = safeHttpUrl(media.url);
  if (!url) return null;
  return (
    <figure class={className} data-testid="media">
      {media.kind === 'image' ? (
        <img src={url} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />
      ) : (
        <>
          {/* biome-ignore lint/a11y/useMediaCaption: the digests provide no captions; the summary describes the video */}
          <video src={url} preload="none" controls playsInline />
          <figcaption>
            <ExternalLink href={url}>{videoLink}</ExternalLink>
          </figcaption>
        </>
      )}
    </figure>
  );
}
