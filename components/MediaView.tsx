/**
 * A digest entry's thumbnail or video, for the panel and the reader. Only http(s) URLs are rendered.
 *
 * Nothing is requested until the user asks: the media's URL names the paper (Hugging Face's social thumbnails carry
 * its id), so loading it tells that host which paper is read. Until then a button says what would be loaded and from
 * where; the `autoLoad` setting ("load thumbnails automatically") skips it. Upstream videos have no caption tracks
 * and no poster: never autoplay, load nothing until played, and link the file too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Media } from '../lib/digest/types';
import { t } from '../lib/i18n';
import { safeHttpUrl } from '../lib/links';
import { ExternalLink } from './InlineText';

export interface MediaViewProps {
  media: Media;
  /** Class of the figure, and of the box holding the button before it is loaded. */
  class?: string;
  /** Class of the "show thumbnail" button. */
  buttonClass?: string;
  /** Text of the link to a video file. */
  videoLink: string;
  /** Render the media at once instead of the button (the `autoLoadMedia` setting). */
  autoLoad: boolean;
}

export function MediaView({ media, class: className, buttonClass, videoLink, autoLoad }: MediaViewProps) {
  const url = safeHttpUrl(media.url);
  const [asked, setAsked] = useState(false);
  const figure = useRef<HTMLElement>(null);
  // The button is gone once pressed: keyboard focus goes to what it loaded instead of falling back to the page.
  useEffect(() => {
    if (asked) figure.current?.focus();
  }, [asked]);
  if (!url) return null;
  if (!asked && !autoLoad) {
    const host = new URL(url).host;
    return (
      <div class={className ? `${className} akd-media-ask` : 'akd-media-ask'}>
        <button type="button" class={buttonClass} data-testid="load-media" onClick={() => setAsked(true)}>
          {t(media.kind === 'image' ? 'common_loadImage' : 'common_loadVideo', host)}
        </button>
      </div>
    );
  }
  return (
    <figure class={className} data-testid="media" ref={figure} tabIndex={-1}>
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
