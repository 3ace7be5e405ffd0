/** The record formats and their file extensions (apart from serialize.ts, so naming outputs does not load the YAML library). */
export type OutputFormat = 'yaml' | 'json';

export function extensionFor(format: OutputFormat): string {
  return format === 'json' ? '.json' : '.yaml';
}
