/**
 * An input the tool cannot use. Its message is one line, meant for the user:
 * the CLI prints `file: message` and no stack trace unless --debug.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'InputError';
  }
}

/** One line describing any error, for the batch log. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.name;
  return String(err).split('\n')[0] ?? 'unknown error';
}
