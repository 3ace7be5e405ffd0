declare module 'unidecode' {
  /** ASCII transliteration of a Unicode string. */
  export default function unidecode(text: string): string;
}
