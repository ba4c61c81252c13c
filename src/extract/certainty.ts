// Attribution and certainty of a claim, read from the hedges and reporting verbs of its sentence:
// who says it ("according to two European security officials") and how firmly (stated … denied).
import type { Certainty } from "../model/index.js";
import { ATTRIBUTION_PATTERNS, CERTAINTY_CUES } from "./lexicons/index.js";

/** Who says a claim and how firmly. */
export interface Stance {
  certainty: Certainty;
  attribution: string | null;
}

/**
 * Reads the stance of a sentence for a claim whose evidence ends at `evidenceEnd` (sentence offset). The first matching cue wins, strongest doubt first (denied,
 * unverified, alleged, assessed, reported); with no cue the source states it in its own voice.
 */
export function readStance(sentence: string, evidenceEnd: number = sentence.length): Stance {
  let certainty: Certainty = "stated";
  const scanned = withoutLegalBasis(sentence);
  for (const cue of CERTAINTY_CUES) {
    const m = cue.pattern.exec(scanned);
    // A denial or doubt written after the claim's words ("X, the firm's chief executive, denied …")
    // is about what follows it, not about the claim.
    if (m && (m.index < evidenceEnd || cue.certainty === "assessed" || cue.certainty === "reported")) {
      certainty = cue.certainty;
      break;
    }
  }
  let attribution: string | null = null;
  for (const pattern of ATTRIBUTION_PATTERNS) {
    const m = pattern.exec(sentence);
    if (m) {
      attribution = m[1].trim();
      break;
    }
  }
  if (attribution && certainty === "stated") certainty = "reported";
  return { certainty, attribution };
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
