/**
 * Markdown to plain lines, keeping one output line per input line so that
 * positions still point into the file the user has.
 */
export function stripMarkdownLine(line: string): string {
  let s = line;
  s = s.replace(/^\s{0,3}#{1,6}\s+/, ''); // headings
  s = s.replace(/^\s{0,3}>\s?/, ''); // block quotes
  s = s.replace(/^\s*([*+])\s+/, '- '); // list bullets become the dash plans use
  s = s.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1'); // images
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'); // links
  s = s.replace(/(\*\*|__)(.+?)\1/g, '$2'); // bold
  s = s.replace(/(^|[^*\w])\*(?!\s)(.+?)\*(?!\w)/g, '$1$2'); // italic *x*
  s = s.replace(/(^|[^_\w])_(?!\s)(.+?)_(?!\w)/g, '$1$2'); // italic _x_
  s = s.replace(/\*\*/g, '');
  s = s.replace(/`([^`]*)`/g, '$1');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1'); // escapes
  if (/^\s*(\*\s*){3,}$|^\s*(-\s*){3,}$|^\s*(_\s*){3,}$/.test(s)) s = ''; // rules
  return s.replace(/\s+$/, '');
}

export function stripMarkdown(lines: readonly string[]): string[] {
  return lines.map(stripMarkdownLine);
}
