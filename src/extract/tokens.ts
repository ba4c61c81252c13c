// Word tokens of a sentence with exact offsets, possessive and hyphen-cue markers ("Russia-based" is the
// token "Russia" with cue "based"), the unit that mention finding and claim templates work on.
import { LEGAL_FORMS } from "./lexicons/index.js";

/** A word of the text. `end` excludes a possessive "’s" and a hyphen cue; `rawEnd` includes them. */
export interface Token {
  start: number;
  end: number;
  rawEnd: number;
  text: string;
  /** Followed by a possessive "’s" / "'s" (or a plural "s’"). */
  possessive: boolean;
  /** Hyphen suffix read as a cue: based, designated, flagged, affiliated, series, style … */
  cue: string | null;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}&’'./-]*/gu;
/** The hyphen cue after "and X" that a suspended hyphen shares ("U.S.- and UN-designated"). */
const SUSPENDED_CUE = /^\s+(?:and|or|&)\s+(?:[^\s-]+\s+){0,3}[^\s-]+-(based|[a-z]+ed)\b/;
const CUE = /^(.+?)-(based|run|led|made|built|owned|style|series|type|class|origin|linked|[a-z]+ed)$/;
const INITIALS = /^(?:\p{L}\.)+$/u;

/** True when a token ending in "." keeps its dot (initials, U.S., Co., Ltd., No.). */
function keepsDot(word: string): boolean {
  return (
    INITIALS.test(word) ||
    LEGAL_FORMS.has(word) ||
    /^(?:No|Nos|St|Mr|Mrs|Ms|Dr|Jr|Sr|Gen|Col|Lt|Capt)\.$/.test(word)
  );
}

/** Tokens of text[start, end). */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let word = m[0];
    const tokenStart = start + m.index;
    const rawEnd = tokenStart + word.length;
    let possessive = false;
    let cue: string | null = null;
    for (;;) {
      if (word.endsWith(".") && !keepsDot(word)) word = word.slice(0, -1);
      else if (word.endsWith("-")) {
        word = word.slice(0, -1);
        // "U.S.- and UN-designated": a suspended hyphen takes the cue of the word it is coordinated with.
        cue =
          cue ??
          SUSPENDED_CUE.exec(slice.slice(m.index + m[0].length, m.index + m[0].length + 60))?.[1] ??
          "series";
      } else if (/['’]s$/.test(word) && word.length > 2) {
        word = word.slice(0, -2);
        possessive = true;
      } else if (/s['’]$/.test(word)) {
        word = word.slice(0, -1);
        possessive = true;
      } else if (/['’]$/.test(word)) word = word.slice(0, -1);
      else break;
    }
    const cueMatch = CUE.exec(word);
    if (cueMatch && /^[\p{Lu}\p{N}]/u.test(cueMatch[1])) {
      word = cueMatch[1];
      cue = cueMatch[2].toLowerCase();
    }
    if (!word) continue;
    tokens.push({ start: tokenStart, end: tokenStart + word.length, rawEnd, text: word, possessive, cue });
  }
  return tokens;
}
