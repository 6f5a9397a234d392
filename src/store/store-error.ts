/**
 * A request the store cannot serve because its input is wrong (a bad cursor, a filter that cannot
 * match, a duplicate key). The server maps it to HTTP 400/409; `code` is stable for clients.
 */
export class StoreInputError extends Error {
  override readonly name = 'StoreInputError';
  constructor(
    readonly code: string,
    message: string,
    /** The input field at fault, as a JSON pointer into the request (e.g. `/cursor`, `/filter/bbox`). */
    readonly field?: string,
  ) {
    super(message);
  }
}
