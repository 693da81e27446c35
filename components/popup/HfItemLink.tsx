/** One paper of "Today on Hugging Face" as a link to its Hugging Face page, opened through the popup's tab action. */
import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

export function HfItemLink({
  arxivId,
  url,
  korean,
  onOpenUrl,
  children,
}: {
  arxivId: string;
  url: string;
  /** `data-korean`: `false` (English only) or `generated` (a Korean summary made on the user's side). */
  korean: 'false' | 'generated';
  onOpenUrl(url: string): void;
  children: ComponentChildren;
}) {
  return (
    <a
      class="paper-item hf-item"
      data-testid="hf-item"
      data-arxiv-id={arxivId}
      data-korean={korean}
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault();
        onOpenUrl(url);
      }}
    >
      {children}
      <span class="sr-only"> {t('common_newTab')}</span>
    </a>
  );
}
