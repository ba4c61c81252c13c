// Attribution and certainty of a claim, read from the hedges and reporting verbs of its sentence:
// who says it ("according to two European security officials") and how firmly (stated … denied).
import type { Certainty } from "../model/index.js";
import { ATTRIBUTION_CUE, ATTRIBUTION_PATTERNS, CERTAINTY_CUES } from "./lexicons/index.js";

/** Who says a claim and how firmly. */
export interface Stance {
  certainty: Certainty;
  attribution: string | null;
}

/** The stance cues of one sentence, read once for all its claims (see stanceAt). */
export interface StanceCues {
  /** Where each of CERTAINTY_CUES first matches (the legal basis blanked), or -1. */
  cueAt: number[];
  attribution: string | null;
}

/** Reads the certainty cues and the attribution of a sentence. */
export function readStanceCues(sentence: string): StanceCues {
  const scanned = withoutLegalBasis(sentence);
  const cueAt = CERTAINTY_CUES.map((cue) => cue.pattern.exec(scanned)?.index ?? -1);
  let attribution: string | null = null;
  if (ATTRIBUTION_CUE.test(sentence)) {
    for (const pattern of ATTRIBUTION_PATTERNS) {
      const m = pattern.exec(sentence);
      if (m) {
        attribution = m[1].trim();
        break;
      }
    }
  }
  return { cueAt, attribution };
}

/**
 * The stance of a claim whose evidence ends at `evidenceEnd` (sentence offset), from its sentence's cues.
 * The first matching cue wins, strongest doubt first (denied, unverified, alleged, assessed, reported);
 * with no cue the source states it in its own voice.
 */
export function stanceAt(cues: StanceCues, evidenceEnd: number): Stance {
  let certainty: Certainty = "stated";
  for (let k = 0; k < CERTAINTY_CUES.length; k++) {
    const at = cues.cueAt[k];
    const cue = CERTAINTY_CUES[k];
    // A denial or doubt written after the claim's words ("X, the firm's chief executive, denied …")
    // is about what follows it, not about the claim.
    if (at >= 0 && (at < evidenceEnd || cue.certainty === "assessed" || cue.certainty === "reported")) {
      certainty = cue.certainty;
      break;
    }
  }
  if (cues.attribution && certainty === "stated") certainty = "reported";
  return { certainty, attribution: cues.attribution };
}

/** The stance of a claim stated by a whole text (a quote): its cues anywhere count. */
export function readStance(text: string): Stance {
  return stanceAt(readStanceCues(text), text.length);
}

/** "designated pursuant to E.O. 14024 for … reasonably likely to …": where a designation's legal basis starts. */
const LEGAL_BASIS =
  /\b(?:designat\w*|identif\w*|sanction\w*|block\w*|listed)\b[^;]*?\b(?:pursuant to|under (?:E\.O\.|Executive Order|[Ss]ection))/;

/**
 * Blanks the legal basis of a designation sentence (from "pursuant to" to the clause's end): its
 * statutory wording ("reasonably likely to", "alleged to be") is the criterion an official body applies,
 * not a hedge on the designation. Offsets are kept, so cue positions still compare with the evidence.
 */
function withoutLegalBasis(sentence: string): string {
  const m = LEGAL_BASIS.exec(sentence);
  if (!m) return sentence;
  const from = m.index + m[0].length;
  const semicolon = sentence.indexOf(";", from);
  const to = semicolon < 0 ? sentence.length : semicolon;
  return sentence.slice(0, from) + " ".repeat(to - from) + sentence.slice(to);
}
