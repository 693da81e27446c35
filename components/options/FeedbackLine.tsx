/** The line under an options action that says how it went (lib/pages/options/use-action.ts). */
import type { Feedback } from '../../lib/pages/options/use-action';

export function FeedbackLine({ feedback, testId }: { feedback: Feedback | null; testId: string }) {
  // Always rendered (empty when there is nothing to say) so screen readers announce changes.
  return (
    <p role="status" data-testid={testId} class={feedback?.kind === 'error' ? 'error' : 'ok'}>
      {feedback?.text ?? ''}
    </p>
  );
}
