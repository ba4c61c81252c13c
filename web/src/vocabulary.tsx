// The model's vocabulary (labels, colours, certainty wording) as served by /api/vocabulary: the only
// place the workbench learns them, so it never restates the model.
import { createContext, useContext } from "react";

/** The shape of GET /api/vocabulary. */
export interface Vocabulary {
  entityTypes: Array<{ name: string; label: string; colour: string; ftm: string }>;
  predicates: Array<{ name: string; label: string; directed: boolean; exposure: boolean }>;
  certainties: Array<{ name: string; label: string; rank: number; weight: number; description: string }>;
  sourceKinds: Array<{ name: string; label: string }>;
  reliabilityGrades: Array<{ name: string; label: string }>;
  claimStatuses: string[];
  decisionActions: string[];
}

/** Holds the vocabulary for every page. */
export const VocabularyContext = createContext<Vocabulary | null>(null);

/** Lookups over the vocabulary; throws when used outside the provider (a workbench bug). */
export function useVocabulary() {
  const vocabulary = useContext(VocabularyContext);
  if (!vocabulary) throw new Error("useVocabulary outside VocabularyContext");
  const typeOf = (name: string) => vocabulary.entityTypes.find((t) => t.name === name);
  const predicateOf = (name: string) => vocabulary.predicates.find((p) => p.name === name);
  const certaintyOf = (name: string) => vocabulary.certainties.find((c) => c.name === name);
  return {
    vocabulary,
    colourOf: (type: string) => typeOf(type)?.colour ?? "#888888",
    typeLabel: (type: string) => typeOf(type)?.label ?? type,
    predicateLabel: (name: string) => predicateOf(name)?.label ?? name,
    certaintyOf,
    certaintyRank: (name: string) => certaintyOf(name)?.rank ?? 0,
  };
}
