/** The operator asked for something the batch's state does not allow. */
export class BatchStateError extends Error {
  override name = 'BatchStateError';
}

export class StationNotConfiguredError extends Error {
  override name = 'StationNotConfiguredError';
}

/** A method was called with input the contract refuses; the message names the field. */
export class StationInputError extends Error {
  override name = 'StationInputError';
}
