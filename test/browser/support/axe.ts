/** Runs axe-core (injected into the page) on a part of it, shadow roots included; returns the violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export interface AxeResult {
  violations: AxeViolation[];
  /** Nodes that passed some rule inside a shadow root: proof that axe looked inside the panel. */
  shadowNodesPassed: number;
}

export async function runAxe(page: Page, include?: string[][]): Promise<AxeResult> {
  // Evaluated through the DevTools protocol, so extension pages' CSP (script-src 'self') does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async (inc) => {
    type R = { nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: R[]; passes: R[] }> } }).axe;
    const result = await axe.run(inc ? { include: inc } : document);
    const shadowNodesPassed = result.passes
      .flatMap((p) => p.nodes)
      .filter((n) => n.target.some((t) => Array.isArray(t))).length;
    return { violations: result.violations as unknown as AxeViolation[], shadowNodesPassed };
  }, include ?? null);
}
