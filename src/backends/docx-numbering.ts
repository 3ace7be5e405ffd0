/**
 * Word's automatic numbering (numbering.xml, styles.xml), rendered as the label the reader sees:
 * "I.", "1.", "1.1.", "a)", "-", "+". Word keeps one set of counters per abstract numbering
 * definition (lists that share it continue each other), a w:num's w:startOverride restarts a
 * level the first time that num is used, and a level restarts whenever a higher level is used
 * (unless w:lvlRestart says otherwise). Paragraph styles can carry numbering too.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { attr, child, childVal, children, isOn } from './office-xml.js';
import { toRoman } from '../text/roman.js';

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level whose use restarts this one; 0 never; undefined: any higher level. */
  restart: number | undefined;
  suffix: 'tab' | 'space' | 'nothing';
  legal: boolean;
  style: string | null;
}

interface Instance {
  abstractId: string;
  /** Levels this num overrides (w:lvlOverride/w:lvl), by ilvl. */
  levels: Map<number, Level>;
  /** Start overrides, by ilvl, applied the first time the num is used. */
  startOverrides: Map<number, number>;
}

interface StyleNumbering {
  numId: string | null;
  ilvl: number | null;
  basedOn: string | null;
}

/** Word's symbol-font bullets (Symbol, Wingdings, Courier "o") as plain characters the stages know. */
const BULLETS: Record<string, string> = {
  '\uf0b7': '•',
  '\uf0a7': '▪',
  '\uf0d8': '•',
  '\uf0fc': '•',
  '\uf076': '•',
  '\uf0a8': '▪',
  '\uf06e': '▪',
  '\uf02d': '-',
  '\uf02b': '+',
  '§': '▪',
  o: '◦',
  '': '•',
};

function readLevel(el: Element): Level {
  const suffix = childVal(el, 'suff');
  return {
    start: Number(childVal(el, 'start') ?? '1') || 0,
    format: childVal(el, 'numFmt') ?? 'decimal',
    text: childVal(el, 'lvlText') ?? '',
    restart: childVal(el, 'lvlRestart') === null ? undefined : Number(childVal(el, 'lvlRestart')),
    suffix: suffix === 'space' ? 'space' : suffix === 'nothing' ? 'nothing' : 'tab',
    legal: isOn(child(el, 'isLgl')),
    style: childVal(el, 'pStyle'),
  };
}


/** Word's letters: a..z, then aa..zz, aaa.. (the letter repeated). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly abstractStyleLink = new Map<string, string>();
  private readonly nums = new Map<string, Instance>();
  private readonly styles = new Map<string, StyleNumbering>();
  private defaultStyle: string | null = null;
  /** Counters per abstract definition: counters[ilvl], undefined until the level is first used. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly usedNums = new Set<string>();

  constructor(numbering: Document | null, styles: Document | null) {
    if (styles?.documentElement) {
      for (const s of children(styles.documentElement)) {
        if (s.localName !== 'style' || attr(s, 'type') !== 'paragraph') continue;
        const id = attr(s, 'styleId');
        if (!id) continue;
        const numPr = child(child(s, 'pPr') ?? s, 'numPr');
        const ilvl = childVal(numPr, 'ilvl');
        this.styles.set(id, { numId: childVal(numPr, 'numId'), ilvl: ilvl === null ? null : Number(ilvl), basedOn: childVal(s, 'basedOn') });
        if (/^(1|true|on)$/i.test(attr(s, 'default') ?? '')) this.defaultStyle = id;
      }
    }
    if (!numbering?.documentElement) return;
    for (const el of children(numbering.documentElement)) {
      if (el.localName === 'abstractNum') {
        const id = attr(el, 'abstractNumId');
        if (id === null) continue;
        const levels = new Map<number, Level>();
        for (const lvl of children(el)) if (lvl.localName === 'lvl') levels.set(Number(attr(lvl, 'ilvl') ?? '0'), readLevel(lvl));
        this.abstracts.set(id, levels);
        const link = childVal(el, 'numStyleLink');
        if (link) this.abstractStyleLink.set(id, link);
      } else if (el.localName === 'num') {
        const id = attr(el, 'numId');
        const abstractId = childVal(el, 'abstractNumId');
        if (id === null || abstractId === null) continue;
        const inst: Instance = { abstractId, levels: new Map(), startOverrides: new Map() };
        for (const o of children(el)) {
          if (o.localName !== 'lvlOverride') continue;
          const ilvl = Number(attr(o, 'ilvl') ?? '0');
          const start = childVal(o, 'startOverride');
          if (start !== null) inst.startOverrides.set(ilvl, Number(start));
          const lvl = child(o, 'lvl');
          if (lvl) inst.levels.set(ilvl, readLevel(lvl));
        }
        this.nums.set(id, inst);
      }
    }
  }

  /** The numbering a paragraph style gives (its own or inherited through w:basedOn). */
  private styleNumbering(styleId: string | null): { numId: string | null; ilvl: number | null } {
    let id = styleId ?? this.defaultStyle;
    for (let depth = 0; id && depth < 20; depth++) {
      const s = this.styles.get(id);
      if (!s) break;
      if (s.numId !== null) return { numId: s.numId, ilvl: s.ilvl };
      id = s.basedOn;
    }
    return { numId: null, ilvl: null };
  }

  /** Resolves a num to its abstract definition, following a w:numStyleLink to the style's numbering. */
  private abstractOf(numId: string): string | null {
    let inst = this.nums.get(numId);
    for (let depth = 0; inst && depth < 5; depth++) {
      const link = this.abstractStyleLink.get(inst.abstractId);
      if (!link) return inst.abstractId;
      const linked = this.styleNumbering(link).numId;
      const next = linked ? this.nums.get(linked) : undefined;
      if (!next || next === inst) return inst.abstractId;
      inst = next;
    }
    return inst?.abstractId ?? null;
  }

  private level(numId: string, abstractId: string, ilvl: number): Level | undefined {
    return this.nums.get(numId)?.levels.get(ilvl) ?? this.abstracts.get(abstractId)?.get(ilvl);
  }

  /**
   * The label of a paragraph with this w:pPr (null when it is not numbered), advancing the
   * counters: call once per paragraph, in reading order.
   */
  labelFor(pPr: Element | null): string | null {
    const styleId = childVal(pPr, 'pStyle');
    const numPr = pPr ? child(pPr, 'numPr') : null;
    const fromStyle = this.styleNumbering(styleId);
    const numId = childVal(numPr, 'numId') ?? fromStyle.numId;
    if (numId === null || numId === '0') return null;
    const abstractId = this.abstractOf(numId);
    if (abstractId === null) return null;
    let ilvl = childVal(numPr, 'ilvl') !== null ? Number(childVal(numPr, 'ilvl')) : fromStyle.ilvl;
    if (ilvl === null && styleId) {
      for (const [n, lvl] of this.abstracts.get(abstractId) ?? []) if (lvl.style === styleId) ilvl = n;
    }
    ilvl = Math.max(0, Math.min(8, ilvl ?? 0));
    const lvl = this.level(numId, abstractId, ilvl);
    if (!lvl) return null;

    let counters = this.counters.get(abstractId);
    if (!counters) this.counters.set(abstractId, (counters = []));
    const inst = this.nums.get(numId)!;
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      // A num that overrides a level's start restarts that level when it is first used.
      for (const [l, start] of inst.startOverrides) counters[l] = l === ilvl ? start - 1 : undefined;
    }
    counters[ilvl] = counters[ilvl] === undefined ? lvl.start : counters[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = this.level(numId, abstractId, deeper);
      const restart = d?.restart;
      if (restart === undefined || (restart !== 0 && ilvl + 1 <= restart)) counters[deeper] = undefined;
    }

    if (lvl.format === 'bullet') {
      const bullet = [...lvl.text].map((ch) => BULLETS[ch] ?? ch).join('').trim();
      return bullet === '' ? null : bullet;
    }
    if (lvl.format === 'none' && !/%\d/.test(lvl.text)) return lvl.text.trim() || null;
    const label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const at = Number(d) - 1;
      const l = this.level(numId, abstractId, at);
      const value = counters![at] ?? l?.start ?? 1;
      return formatNumber(value, lvl.legal ? 'decimal' : (l?.format ?? 'decimal'));
    });
    return label.trim() === '' ? null : label;
  }
}
