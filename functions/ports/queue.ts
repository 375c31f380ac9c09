// Work handed from one function to another: SQS in AWS, an in-process queue locally.
export interface Queue<T> {
  /** Enqueue messages; resolves once every message is durably accepted. */
  send(messages: readonly T[]): Promise<void>;
}
