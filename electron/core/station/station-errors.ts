import { operatorMessage, OperatorError } from '../../shared/operator-message.ts';

/** The operator asked for something the batch's state does not allow. */
export class BatchStateError extends OperatorError {
  override name = 'BatchStateError';
}

export class StationNotConfiguredError extends OperatorError {
  override name = 'StationNotConfiguredError';
  constructor(englishMessage: string) {
    super(operatorMessage('not-configured', {}), englishMessage);
  }
}

/** A method was called with input the contract refuses; the message names the field. */
export class StationInputError extends OperatorError {
  override name = 'StationInputError';
}
