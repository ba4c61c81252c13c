// Option schemas of analyses and their one-time merge with the defaults: each option has a type, a
// range and a description, so the CLI, the API and the docs read one table (graphology's options habit).
import { SkeinError } from "../model/index.js";

/** One option of an analysis. */
export interface OptionSpec {
  type: "integer" | "number" | "string";
  description: string;
  minimum?: number;
  maximum?: number;
}

/** The options an analysis accepts, by name. */
export type OptionsSchema = Readonly<Record<string, OptionSpec>>;

/**
 * Merges `options` over `defaults` once, checking every given value against `schema`; unknown names,
 * wrong types and values out of range throw GRAPH_BAD_OPTION. Returns a frozen copy.
 */
export function resolveOptions<T extends object>(
  analysis: string,
  schema: OptionsSchema,
  defaults: T,
  options: Partial<T> | undefined,
): Readonly<T> {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [name, value] of Object.entries(options ?? {})) {
    if (value === undefined) continue;
    const spec = schema[name];
    if (!spec) {
      throw new SkeinError(
        "GRAPH_BAD_OPTION",
        `${analysis}: unknown option "${name}"; valid: ${Object.keys(schema).join(", ")}`,
        { field: name, received: String(value) },
      );
    }
    const numeric = spec.type !== "string";
    const bad =
      (numeric && (typeof value !== "number" || !Number.isFinite(value))) ||
      (spec.type === "integer" && !Number.isInteger(value)) ||
      (!numeric && typeof value !== "string") ||
      (numeric && spec.minimum !== undefined && (value as number) < spec.minimum) ||
      (numeric && spec.maximum !== undefined && (value as number) > spec.maximum);
    if (bad) {
      const range = numeric ? ` from ${spec.minimum ?? "-∞"} to ${spec.maximum ?? "∞"}` : "";
      throw new SkeinError(
        "GRAPH_BAD_OPTION",
        `${analysis}: option "${name}" must be ${spec.type === "integer" ? "an integer" : `a ${spec.type}`}${range}, e.g. ${String((defaults as Record<string, unknown>)[name] ?? "")}`,
        { field: name, received: String(value) },
      );
    }
    merged[name] = value;
  }
  return Object.freeze(merged) as Readonly<T>;
}
