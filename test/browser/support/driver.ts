/**
 * What the shared user journeys (journeys.ts) need from a browser, so one definition runs in real Chromium
 * (playwright-core, chromium-driver.ts) and real Firefox (puppeteer-core over WebDriver BiDi, firefox.ts).
 * Elements are found by `data-testid`, open shadow roots included (the panel and the badges live in one).
 */
import type { ARXIV_HOSTS } from '../../../lib/arxiv-hosts';
import type { MessageType, Req, Res } from '../../../lib/messages';

/** A host of lib/arxiv-hosts.ts. */
export type ArxivHost = (typeof ARXIV_HOSTS)[number];

export type Scheme = 'light' | 'dark';

export interface Tab {
  /** textContent of every element with this test id, in document order. */
  texts(testId: string): Promise<string[]>;
  /** A computed style property of every element with this test id. */
  styles(testId: string, property: string): Promise<string[]>;
  /**
   * Where the page element holding each element with this test id (its shadow host, or itself) sits:
   * `after <tag>#<id>` (`#<id>` only when it has one) or `first in <tag>`.
   */
  places(testId: string): Promise<string[]>;
  /** An attribute of every element with this test id (null where it has none). */
  attributes(testId: string, name: string): Promise<(string | null)[]>;
  /** The current value of every form field with this test id. */
  values(testId: string): Promise<string[]>;
  /** A real (trusted) click on the nth element with this test id. */
  click(testId: string, nth?: number): Promise<void>;
  /** Focuses the nth element with this test id and presses `key` on the keyboard (trusted): `Enter`, `Space`. */
  press(testId: string, key: 'Enter' | 'Space', nth?: number): Promise<void>;
  /** Replaces the value of the first field with this test id, typed as a user would. */
  fill(testId: string, text: string): Promise<void>;
  /** Chooses `value` in the first select with this test id, as a user would. */
  select(testId: string, value: string): Promise<void>;
  /** Runs `fn` as the page's own script (its main world: not the content script's), and returns what it returns. */
  inPage<T>(fn: () => T): Promise<T>;
  /** Every URL this tab asked for since it opened (its page, and what the page and the content script loaded). */
  requests(): string[];
  /** `navigator.onLine` in this tab. */
  onLine(): Promise<boolean>;
  /** Reloads the page and waits for it to load. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  /**
   * `https://<host><path>` (host `arxiv.org` unless given) answered with the fixture page of `path`'s pathname
   * (every other request of the tab fails). `offline`: the tab is offline before the page arrives
   * (`navigator.onLine` false from the content script's first line on).
   */
  arxiv(path: string, options?: { offline?: boolean; host?: ArxivHost }): Promise<Tab>;
  /** An extension page (`popup.html`, `reader.html#/…`, `options.html`) in a new tab. */
  extensionPage(path: string): Promise<Tab>;
  /** A protocol message sent from an extension page, as the popup sends it; the reply's data. */
  ask<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>>;
  /** The `prefers-color-scheme` of pages opened from now on. */
  colorScheme(scheme: Scheme): Promise<void>;
  /** The URL of every open tab. */
  tabUrls(): Promise<string[]>;
}

export type Query =
  | { testId: string; read: 'text' | 'value' }
  | { testId: string; read: 'place' }
  | { testId: string; read: 'style'; property: string }
  | { testId: string; read: 'attribute'; name: string };

/** Runs in the page (serialized: self-contained). */
export function inspectInPage(q: Query): (string | null)[] {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    for (const el of root.querySelectorAll('*')) {
      if (el.getAttribute('data-testid') === q.testId) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  const place = (el: Element): string => {
    const root = el.getRootNode();
    const host = 'host' in root ? (root as ShadowRoot).host : el;
    const prev = host.previousElementSibling;
    if (prev) return `after ${prev.localName}${prev.id ? `#${prev.id}` : ''}`;
    return `first in ${host.parentElement?.localName}`;
  };
  return found.map((el) => {
    if (q.read === 'text') return el.textContent ?? '';
    if (q.read === 'place') return place(el);
    if (q.read === 'value') return (el as HTMLInputElement).value;
    if (q.read === 'attribute') return el.getAttribute(q.name);
    return q.read === 'style' ? getComputedStyle(el).getPropertyValue(q.property) : null;
  });
}

/** Evaluates `fn(arg)` in a page (playwright's and puppeteer's `page.evaluate` both do). */
export type Evaluate = (fn: (arg: Query) => unknown, arg: Query) => Promise<unknown>;

/** The reading half of a Tab over any page that can evaluate a function with one argument. */
export function readers(
  evaluate: Evaluate,
): Pick<Tab, 'texts' | 'styles' | 'places' | 'attributes' | 'values' | 'onLine'> {
  return {
    texts: async (testId) => (await evaluate(inspectInPage, { testId, read: 'text' })) as string[],
    places: async (testId) => (await evaluate(inspectInPage, { testId, read: 'place' })) as string[],
    styles: async (testId, property) =>
      (await evaluate(inspectInPage, { testId, read: 'style', property })) as string[],
    attributes: async (testId, name) =>
      (await evaluate(inspectInPage, { testId, read: 'attribute', name })) as (string | null)[],
    values: async (testId) => (await evaluate(inspectInPage, { testId, read: 'value' })) as string[],
    onLine: async () => (await evaluate(() => navigator.onLine, { testId: '', read: 'text' })) as boolean,
  };
}
