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
  // pdf.js and worker code can throw non-Error values: plain objects with a message, strings, undefined
  const message = err instanceof Error ? err.message : typeof (err as { message?: unknown })?.message === 'string' ? (err as { message: string }).message : typeof err === 'object' && err !== null ? '' : String(err);
  const line = message.split('\n')[0]!.trim();
  if (line) return line;
  return (err as { name?: unknown })?.name && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : 'unknown error';
}
