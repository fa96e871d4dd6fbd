/** The operator asked for something the batch's state does not allow. */
export class BatchStateError extends Error {
  override name = 'BatchStateError';
}
