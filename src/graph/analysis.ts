// The shape of a registered analysis: a stable name, a user-facing description, an options schema
// with defaults, and the method it follows (graphology's standard-library habit of documented functions).
import type { Network } from "./network.js";
import type { OptionsSchema } from "./options.js";

/** One registered analysis; `run` is the analysis function with the graph first and options last. */
export interface Analysis<O extends object = Record<string, unknown>, R = unknown> {
  name: string;
  description: string;
  /** The method it follows (paper or textbook reference). */
  reference: string;
  options: OptionsSchema;
  defaults: Readonly<O>;
  run(network: Network, options: Partial<O> | undefined): R;
}
