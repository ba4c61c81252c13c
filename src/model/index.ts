// Skein's model: the vocabulary tables, record types, the error catalogue and text/id helpers.
// No I/O, and no imports from other folders.
export * from "./definitions.js";
export * from "./errors.js";
export * from "./records.js";
export * from "./text.js";
