// The registry of claim rules, in the order they run. Add a rule: one file here and one line below.
import { associationPhrase } from "./association-phrase.js";
import { designationClause } from "./designation-clause.js";
import { intermediaryPhrase } from "./intermediary-phrase.js";
import { locationPhrase } from "./location-phrase.js";
import { membershipPhrase } from "./membership-phrase.js";
import { ownershipPhrase } from "./ownership-phrase.js";
import { productPhrase } from "./product-phrase.js";
import { recordFields } from "./record-fields.js";
import { rolePhrase } from "./role-phrase.js";
import type { ClaimRule } from "./rule.js";
import { statementRows } from "./statement-rows.js";
import { supplyTrigger } from "./supply-trigger.js";
import { visitPhrase } from "./visit-phrase.js";

export {
  type ClaimRule,
  type DocumentFacts,
  type ProposedClaim,
  type RecordField,
  readField,
} from "./rule.js";

/** Every claim rule, looked up by name; claims record `skein-rules-v1/<name>@<version>`. */
export const RULES: readonly ClaimRule[] = [
  designationClause,
  ownershipPhrase,
  rolePhrase,
  supplyTrigger,
  locationPhrase,
  productPhrase,
  associationPhrase,
  intermediaryPhrase,
  membershipPhrase,
  visitPhrase,
  recordFields,
  statementRows,
];
