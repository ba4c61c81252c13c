// A sentence rewritten for claim rules: each mention becomes a placeholder ⟨k⟩, parenthetical aliases
// and identifiers disappear, and a sentence-opening "It" / "The company" / "This vessel" stands for the
// entity the previous sentence was about. Rules match regular expressions over it and map matches back.
import type { EntityType, Span } from "../model/index.js";
import type { Sentence } from "./sentences.js";

/** One mention as a rule sees it. */
export interface Slot {
  /** Document-level entity index. */
  entity: number;
  type: EntityType;
  start: number;
  end: number;
}

/** The rule's view of one sentence. */
export interface SentenceView {
  sentence: Sentence;
  /** Index of the sentence in the source. */
  index: number;
  template: string;
  /** slots[k] is the mention written ⟨k⟩ in the template. */
  slots: Slot[];
  /** Original offset of each template character (one more entry for the end). */
  offsets: number[];
  /** The source text. */
  text: string;
}

/** Maps a template range back to a [start, end) span of the source text. */
export function spanOf(view: SentenceView, from: number, to: number): Span {
  const start = view.offsets[from];
  const endOffset = view.offsets[Math.max(from, to - 1)];
  const slotEnd = view.slots.find(
    (s) => s.start === endOffset || (s.start <= endOffset && endOffset < s.end),
  );
  let end = slotEnd ? slotEnd.end : endOffset + 1;
  while (end > start && /[\s,;:]/.test(view.text[end - 1])) end--;
  return { start, end: Math.min(end, view.sentence.end) };
}

const PRONOUN =
  /^(?:It|The company|The firm|The entity|The group|This company|This firm|This entity|This vessel|The vessel|He|She)\b/;

/** Builds the view of a sentence from its mentions (sorted, non-overlapping) and the views before it (latest last). */
export function buildView(
  text: string,
  sentence: Sentence,
  index: number,
  mentions: Array<Slot & { alias: boolean }>,
  recent: SentenceView[],
): SentenceView {
  const slots: Slot[] = [];
  let template = "";
  const offsets: number[] = [];
  let pos = sentence.start;
  const emit = (s: string, origin: number, fixed: boolean): void => {
    for (let i = 0; i < s.length; i++) offsets.push(fixed ? origin : origin + i);
    // No-break and thin spaces read as spaces (same length, so offsets still hold).
    template += s.replace(/[\u00a0\u2009\u202f]/g, " ");
  };
  const pronoun = PRONOUN.exec(text.slice(sentence.start, sentence.end));
  if (pronoun && recent.length > 0 && !mentions.some((m) => m.start === sentence.start)) {
    const want: EntityType[] | null = /vessel/i.test(pronoun[0])
      ? ["Vessel"]
      : /^(?:He|She)$/.test(pronoun[0])
        ? ["Person"]
        : ["Company", "Organization", "PublicBody"];
    const pick = /vessel/i.test(pronoun[0])
      ? [...recent[recent.length - 1].slots].reverse().find((s) => want.includes(s.type))
      : recent
          .slice(-3)
          .reverse()
          .map((v) => v.slots.find((s) => want.includes(s.type)))
          .find((s) => s !== undefined);
    if (pick) {
      slots.push({ ...pick, start: sentence.start, end: sentence.start + pronoun[0].length });
      emit(`⟨${slots.length - 1}⟩`, sentence.start, true);
      pos = sentence.start + pronoun[0].length;
    }
  }
  for (const m of mentions) {
    if (m.start < pos) continue;
    // Markdown around a name ("**X**", "[*X*](https://…)") is left out, so rules read "⟨k⟩" alone.
    const gap = text.slice(pos, m.start);
    const opening = /(?:\[?[*_]+|\[)(\s*)$/.exec(gap);
    if (opening) {
      emit(gap.slice(0, opening.index), pos, false);
      emit(opening[1], m.start - opening[1].length, false);
    } else emit(gap, pos, false);
    if (m.alias) {
      // Drop "(ABC)" with the space before it: the alias adds nothing to the sentence's claims.
      const open = template.lastIndexOf("(");
      if (open >= 0 && /^\s*\(\s*$/.test(template.slice(open))) {
        let cut = open;
        while (cut > 0 && template[cut - 1] === " ") cut--;
        template = template.slice(0, cut);
        offsets.length = cut;
      }
      const close = text.indexOf(")", m.end);
      pos = close >= 0 && close < sentence.end && close - m.end < 80 ? close + 1 : m.end;
      continue;
    }
    slots.push({ entity: m.entity, type: m.type, start: m.start, end: m.end });
    emit(`⟨${slots.length - 1}⟩`, m.start, true);
    pos = m.end;
    const closing = /^[*_]*(?:\]\([^()\s]*\))?[*_]*/.exec(text.slice(pos, Math.min(sentence.end, pos + 300)));
    if (closing) pos += closing[0].length;
    // Possessives read one way in the template: "X's", "X’s" and the plural "Xs’" all become "⟨k⟩’s".
    const possessive = /^(?:['’]s\b|['’](?=\s))/.exec(text.slice(pos, pos + 3));
    if (possessive) {
      emit("’s", pos, true);
      pos += possessive[0].length;
    }
    const ident = /^\s*\((?:IMO|MMSI|registration|reg\.)[^)]{0,40}\)/i.exec(text.slice(pos, sentence.end));
    if (ident) pos += ident[0].length;
  }
  emit(text.slice(pos, sentence.end), pos, false);
  offsets.push(sentence.end);
  return { sentence, index, template, slots, offsets, text };
}
