/**
 * Thrown by the core's inbound handler when a message could not be taken at all (the store did not
 * answer before anything was recorded): nothing of it was kept, so the transport should have the
 * platform deliver it again (a webhook answers 503) rather than acknowledge it.
 */
export class UpdateNotTakenError extends Error {
  constructor(
    readonly updateKey: string,
    options?: { cause?: unknown },
  ) {
    super(`update ${updateKey} was not taken: the store is unavailable`, options);
    this.name = 'UpdateNotTakenError';
  }
}
