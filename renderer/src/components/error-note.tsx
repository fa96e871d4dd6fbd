import { OperatorText, textOfError } from './operator-text.tsx';

/** An error as the operator needs it: what failed, and the core's reason in their language (detail behind a toggle). */
export function ErrorNote({ error, what }: { error: Error | undefined; what?: string }) {
  if (!error) return null;
  return (
    <p className="error-note" role="alert">
      {what ? `${what}: ` : ''}
      <OperatorText text={textOfError(error)} />
    </p>
  );
}
