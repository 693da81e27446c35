/** The versioned prompt (lib/gen/prompt.ts): what it asks for is what the answer parser accepts; only title and abstract go out. */
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../lib/gen/answer';
import { STANDARD_LABELS } from '../../lib/gen/labels';
import {
  buildPrompt,
  MAX_PROMPT_ABSTRACT,
  MAX_PROMPT_TITLE,
  PROMPT_EXAMPLE,
  PROMPT_VERSION,
} from '../../lib/gen/prompt';

const input = {
  arxivId: '2505.05470',
  title: 'Flow-GRPO: Training Flow Matching Models via Online RL',
  abstract:
    'We propose Flow-GRPO, the first method integrating online reinforcement learning (RL) into flow matching models.',
};

describe('buildPrompt', () => {
  it('is version 1', () => {
    expect(PROMPT_VERSION).toBe(1);
  });

  it('asks for the three labelled bullets in the digest shape, in Korean, terms in English in parentheses', () => {
    const { system } = buildPrompt(input);
    for (const l of STANDARD_LABELS) expect(system).toContain(`- **${l}**:`);
    expect(system).toContain('한국어');
    expect(system).toContain('괄호');
  });

  it('its example is an answer the parser accepts, with the three sections in order', () => {
    expect(parseAnswer(PROMPT_EXAMPLE).map((s) => s.label)).toEqual(STANDARD_LABELS);
    expect(buildPrompt(input).system).toContain(PROMPT_EXAMPLE);
  });

  it('sends the title and abstract and nothing else about the paper', () => {
    const { system, user } = buildPrompt(input);
    expect(user).toBe(`Title: ${input.title}\n\nAbstract: ${input.abstract}`);
    expect(`${system}${user}`).not.toContain(input.arxivId);
  });

  it('keeps LaTeX, collapses whitespace, removes control characters', () => {
    const { user } = buildPrompt({ ...input, title: ' A\u0000 $\\alpha$\n\tmodel ', abstract: 'x\r\n\r\ny\u202e z' });
    expect(user).toBe('Title: A $\\alpha$ model\n\nAbstract: x y z');
  });

  it('caps the title and the abstract (the caller caps too)', () => {
    const { user } = buildPrompt({ ...input, title: 'T'.repeat(10_000), abstract: '가'.repeat(100_000) });
    const [title, abstract] = user.split('\n\nAbstract: ');
    expect(title?.length).toBe('Title: '.length + MAX_PROMPT_TITLE);
    expect(abstract?.length).toBe(MAX_PROMPT_ABSTRACT);
    expect(abstract?.endsWith('…')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const { user } = buildPrompt({ ...input, title: '𝛼'.repeat(MAX_PROMPT_TITLE) });
    expect(user).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
