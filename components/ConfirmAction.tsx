/**
 * A destructive action with an inline confirmation: the button, then a fieldset asking the question with "yes" and
 * "no". Focus moves to "yes" when it opens and back to the button when it closes (keyboard and screen-reader users
 * stay where they were). Test ids: `<testId>`, `<prefix>-confirmation`, `<prefix>-confirm`, `<prefix>-cancel`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmActionProps {
  /** data-testid of the button that asks. */
  testId: string;
  /** Prefix of the confirmation's test ids. */
  prefix: string;
  label: string;
  question: string;
  yes: string;
  no: string;
  disabled?: boolean;
  /** Called when the button is pressed (before the question shows), e.g. to clear an old message. */
  onAsk?(): void;
  onConfirm(): void;
}

export function ConfirmAction({
  testId,
  prefix,
  label,
  question,
  yes,
  no,
  disabled,
  onAsk,
  onConfirm,
}: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return confirming ? (
    <fieldset class="notice" data-testid={`${prefix}-confirmation`}>
      <legend>{question}</legend>
      <div class="row">
        <button
          type="button"
          class="danger"
          ref={confirmRef}
          data-testid={`${prefix}-confirm`}
          disabled={disabled}
          onClick={() => {
            setConfirming(false);
            onConfirm();
          }}
        >
          {yes}
        </button>
        <button type="button" data-testid={`${prefix}-cancel`} onClick={() => setConfirming(false)}>
          {no}
        </button>
      </div>
    </fieldset>
  ) : (
    <button
      type="button"
      class="danger"
      ref={askRef}
      data-testid={testId}
      disabled={disabled}
      onClick={() => {
        onAsk?.();
        setConfirming(true);
      }}
    >
      {label}
    </button>
  );
}
