// The answer shape asked of a model (a JSON Schema for OpenAI-style `response_format: json_schema`,
// strict mode) and the instructions that go with it, both derived from the model's vocabulary tables.
import {
  CERTAINTIES,
  CERTAINTY_NAMES,
  ENTITY_TYPE_NAMES,
  PREDICATE_NAMES,
  PREDICATES,
} from "../../model/index.js";

/** One entity as the model returns it. */
export interface ModelEntity {
  name: string;
  type: string;
  aliases: string[];
  country: string | null;
}

/** One claim as the model returns it: names, not ids, and a verbatim evidence quote. */
export interface ModelClaim {
  subject: string;
  predicate: string;
  object: string;
  evidence: string;
  attribution: string | null;
  certainty: string;
  date: string | null;
  amount: string | null;
}

/** The whole answer for one chunk of text. */
export interface ModelAnswer {
  entities: ModelEntity[];
  claims: ModelClaim[];
}

const nullableString = { type: ["string", "null"] };

/** JSON Schema of ModelAnswer (strict: every property required, nullable where optional). */
export const CLAIM_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["entities", "claims"],
  properties: {
    entities: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["name", "type", "aliases", "country"],
        properties: {
          name: { type: "string", description: "the name exactly as written in the text" },
          type: { type: "string", enum: ENTITY_TYPE_NAMES },
          aliases: {
            type: "array",
            items: { type: "string" },
            description: "other names written in the text",
          },
          country: { ...nullableString, description: "ISO 3166-1 alpha-2 code, lower case" },
        },
      },
    },
    claims: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: [
          "subject",
          "predicate",
          "object",
          "evidence",
          "attribution",
          "certainty",
          "date",
          "amount",
        ],
        properties: {
          subject: { type: "string", description: "an entity name from the entities list" },
          predicate: { type: "string", enum: PREDICATE_NAMES },
          object: { type: "string", description: "an entity name from the entities list" },
          evidence: {
            type: "string",
            description: "the words of the text that state the claim, copied exactly",
          },
          attribution: {
            ...nullableString,
            description: "who says it, or null when the text says it itself",
          },
          certainty: { type: "string", enum: CERTAINTY_NAMES },
          date: { ...nullableString, description: "the words giving the date or period, copied exactly" },
          amount: { ...nullableString, description: "the words giving an amount of money, copied exactly" },
        },
      },
    },
  },
} as const;

/** The system and user messages for one chunk of text. */
export function buildMessages(chunk: string): Array<{ role: "system" | "user"; content: string }> {
  const predicates = PREDICATE_NAMES.map((name) => `${name} (${PREDICATES[name].label})`).join(", ");
  const certainties = CERTAINTY_NAMES.map((name) => `${name}: ${CERTAINTIES[name].description}`).join("; ");
  const system = [
    "You read documents about procurement networks, sanctions and export controls, as an analyst would.",
    "List the people, companies, organisations, public bodies, places, products, vessels and aircraft the",
    "text names, and the claims it makes about who supplies, pays, owns, directs, employs, visits, tests or",
    "develops what, with whom. Answer only with JSON that matches the schema.",
    "Copy every name, alias, evidence, date and amount character for character from the text: never",
    "translate, correct, shorten or paraphrase them. Evidence is the shortest sentence or clause that",
    "states the claim. A claim's subject and object are names from your entities list.",
    `Predicates: ${predicates}.`,
    `Certainty: ${certainties}.`,
    'Attribution is who the text says says it ("European officials", "documents reviewed by the paper").',
  ].join(" ");
  return [
    { role: "system", content: system },
    { role: "user", content: `Text:\n<<<\n${chunk}\n>>>` },
  ];
}
