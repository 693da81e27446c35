/**
 * One piece of digest text with its inline markdown rendered as elements (never as HTML): bold/italic,
 * code, TeX math kept as written, and links for http(s) URLs only. The tokens come from the background
 * (lib/show.ts `showPaper`); nothing here tokenizes.
 */
import type { ComponentChildren } from 'preact';
import type { InlineToken } from '../lib/digest/types';
import { t } from '../lib/i18n';
import { safeHttpUrl } from '../lib/links';

/**
 * A link to an http(s) URL, opened in a new tab without opener or referrer; renders its children as plain text
 * when the URL is anything else. Screen readers hear that it opens a new tab.
 */
export function ExternalLink({ href, children, rel }: { href: string; children: ComponentChildren; rel?: string }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} rel={rel ? `${rel} noopener noreferrer` : 'noopener noreferrer'} target="_blank">
      {children}
      <span class="akd-sr"> {t('common_newTab')}</span>
    </a>
  );
}

function Token({ token }: { token: InlineToken }) {
  switch (token.type) {
    case 'bold':
      return <strong>{token.text}</strong>;
    case 'italic':
      return <em>{token.text}</em>;
    case 'bold-italic':
      return (
        <strong>
          <em>{token.text}</em>
        </strong>
      );
    case 'code':
      return <code>{token.text}</code>;
    case 'math':
      return <span class="akd-math">{token.text}</span>;
    case 'link': {
      // The tokenizer only emits http(s) links, and a link whose text names another host already shows its target
      // (lib/digest/link-host.ts); ExternalLink checks again so no other scheme reaches an href.
      return <ExternalLink href={token.href}>{token.text}</ExternalLink>;
    }
    default:
      return <>{token.text}</>;
  }
}

export function InlineText({ tokens }: { tokens: readonly InlineToken[] }) {
  return (
    <>
      {tokens.map((token, i) => (
        <Token key={i} token={token} />
      ))}
    </>
  );
}
