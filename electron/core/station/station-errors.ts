import { OperatorError } from '../../shared/operator-message.ts';

/** The operator asked for something the batch's state does not allow. */
export class BatchStateError extends OperatorError {
  override name = 'BatchStateError';
}
