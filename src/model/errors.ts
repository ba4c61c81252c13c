// One error class and one catalogue for every stage (fastify's error-code habit): a stable code,
// a family that fixes the HTTP status and the CLI exit code, and a how-to-fix hint. docs/errors.md
// is generated from ERROR_CATALOGUE and a test keeps the two in step.

/** Error families: who is to blame and how it surfaces. */
export const ERROR_FAMILIES = {
  input: { httpStatus: 400, exitCode: 1, description: "bad input from the user: fix the input" },
  usage: { httpStatus: 400, exitCode: 2, description: "a command or request used wrongly" },
  not_found: { httpStatus: 404, exitCode: 1, description: "the thing asked for does not exist" },
  conflict: { httpStatus: 409, exitCode: 1, description: "the request contradicts stored state" },
  unauthenticated: {
    httpStatus: 401,
    exitCode: 1,
    description: "no credentials, or credentials that are not valid: sign in or send a valid token",
  },
  forbidden: {
    httpStatus: 403,
    exitCode: 1,
    description: "the credentials are valid but do not allow this request",
  },
  rate_limited: { httpStatus: 429, exitCode: 1, description: "too many attempts: wait, then try again" },
  upstream: { httpStatus: 502, exitCode: 1, description: "a remote service failed or answered badly" },
  internal: { httpStatus: 500, exitCode: 70, description: "a Skein bug: report it with the output" },
} as const;
export type ErrorFamily = keyof typeof ERROR_FAMILIES;

interface CatalogueItem {
  family: ErrorFamily;
  /** One sentence: how to fix it. */
  hint: string;
}

/**
 * Every error code Skein raises. Codes read `<STAGE>_<WHAT>`. Add new codes in their stage's block.
 */
export const ERROR_CATALOGUE = {
  // model / general
  MODEL_INVALID_VALUE: { family: "input", hint: "Use one of the values listed in the message." },
  INTERNAL_INVARIANT: {
    family: "internal",
    hint: "This is a bug in Skein; report it with the output shown.",
  },
  CLI_USAGE: { family: "usage", hint: "Run the command with --help for its flags and examples." },
  // store
  STORE_OPEN_FAILED: {
    family: "input",
    hint: "Check that the workspace is a Skein SQLite file you can write, or that the postgres:// URL names a database you can reach and write; or choose another with --workspace.",
  },
  STORE_NO_WORKSPACE: {
    family: "not_found",
    hint: "Check the --workspace path (or SKEIN_WORKSPACE); commands that only read never create a workspace: make one with `skein ingest` or `skein investigate`.",
  },
  STORE_SCHEMA_TOO_NEW: {
    family: "conflict",
    hint: "The workspace was written by a newer Skein; upgrade Skein to open it.",
  },
  STORE_NOT_FOUND: {
    family: "not_found",
    hint: "List what exists (for example `skein sources`) and use one of its ids.",
  },
  // ingest
  INGEST_PATH_MISSING: { family: "input", hint: "Check the path; give files or folders that exist." },
  INGEST_EMPTY: { family: "input", hint: "The file has no text; give a file with content." },
  INGEST_BINARY: {
    family: "input",
    hint: "The file looks binary, not text; give .txt, .md, .html, .pdf or FtM .json/.jsonl files.",
  },
  INGEST_TOO_LARGE: { family: "input", hint: "Split the file, or raise the limit with --max-size (in MB)." },
  INGEST_UNSUPPORTED_TYPE: {
    family: "input",
    hint: "Supported: .txt, .md, .html/.htm, .pdf, .json/.jsonl (FollowTheMoney entities).",
  },
  INGEST_NO_ARTICLE: {
    family: "input",
    hint: "The HTML page has no readable article body; save the article text as .txt and ingest that.",
  },
  INGEST_PDF_CORRUPT: { family: "input", hint: "The PDF cannot be read; re-export or re-download it." },
  INGEST_PDF_NO_TEXT: {
    family: "input",
    hint: "The PDF has no text layer (a scan); OCR is not supported, so run OCR first and ingest the text.",
  },
  INGEST_BAD_FTM: {
    family: "input",
    hint: "Each line must be a FollowTheMoney entity: a JSON object with id, schema and properties.",
  },
  INGEST_NOT_A_FILE: {
    family: "input",
    hint: "Give regular files, or folders of them; named pipes, devices and sockets are not read (extract reads one file: ingest a folder, then `skein extract --workspace`).",
  },
  INGEST_LINK_LOOP: {
    family: "input",
    hint: "A symbolic link leads back into a folder already being read, or to itself; remove the link or give the folder it points to.",
  },
  INGEST_TOO_DEEP: {
    family: "input",
    hint: "The page nests its elements deeper than any article does (a hostile or broken page); save the article text as .txt and ingest that.",
  },
  INGEST_BAD_METADATA: {
    family: "usage",
    hint: "Use the formats shown: --published YYYY-MM-DD, --kind, --reliability A..F.",
  },
  // extract: rules-based extraction
  EXTRACT_AMBIGUOUS_SOURCE: {
    family: "usage",
    hint: "Several sources start with that prefix; give more characters of the id shown by `skein sources`.",
  },
  EXTRACT_MODEL_MISSING: {
    family: "input",
    hint: "Restore the weights file (data/models/ in the repository), give --model PATH to one written by `npm run train`, or choose --extractor rules for the rules alone.",
  },
  EXTRACT_MODEL_CORRUPT: {
    family: "input",
    hint: "The file is not a Skein weights file or is damaged; restore it from the repository or write it again with `npm run train`.",
  },
  EXTRACT_MODEL_STALE: {
    family: "conflict",
    hint: "The weights were trained for another feature set than this Skein computes; retrain them with `npm run train`.",
  },
  EXTRACT_CORPUS_INVALID: {
    family: "input",
    hint: "Fix every listed issue in the annotated file (names and evidence must be exact substrings of its text); `node scripts/validate-corpus.mjs` lists them all.",
  },
  EXTRACT_BAD_FORMAT: { family: "usage", hint: "Use --format json (the contract shape) or --format text." },
  EXTRACT_NO_INPUT: {
    family: "usage",
    hint: "Give a FILE to read, or --workspace W to extract the sources stored there.",
  },
  // extract: model-assisted extraction (--extractor llm)
  EXTRACT_LLM_CONFIG: {
    family: "usage",
    hint: "Set SKEIN_LLM_URL (an OpenAI-compatible base URL such as http://127.0.0.1:8080/v1) and SKEIN_LLM_MODEL, plus SKEIN_LLM_KEY if the endpoint needs one.",
  },
  EXTRACT_LLM_UNREACHABLE: {
    family: "upstream",
    hint: "Check that the model endpoint in SKEIN_LLM_URL is running and reachable from this machine.",
  },
  EXTRACT_LLM_TIMEOUT: {
    family: "upstream",
    hint: "The model endpoint answered too slowly; retry, use a smaller --chunk-chars, or raise the time-out.",
  },
  EXTRACT_LLM_HTTP: {
    family: "upstream",
    hint: "The model endpoint returned an HTTP error; check SKEIN_LLM_KEY, SKEIN_LLM_MODEL and the server's log.",
  },
  EXTRACT_LLM_BAD_JSON: {
    family: "upstream",
    hint: "The model did not answer with the requested JSON; use a model and server that support response_format json_schema.",
  },
  // lists
  LISTS_PATH_MISSING: { family: "input", hint: "Check the path; give list files or folders that exist." },
  LISTS_UNKNOWN_FORMAT: {
    family: "input",
    hint: "Give an official list file as published, or name its format with --format (see `skein lists load --help`).",
  },
  LISTS_WRONG_FORMAT: {
    family: "input",
    hint: "The file does not fit the format given with --format; drop --format to detect it, or name the right one.",
  },
  LISTS_BAD_XML: { family: "input", hint: "The XML is malformed or cut short; download the file again." },
  LISTS_BAD_ROW: {
    family: "input",
    hint: "Fix or remove the rows named (or download the file again); nothing was stored.",
  },
  LISTS_BAD_LAYOUT: {
    family: "input",
    hint: "The file's columns are not the published layout of that list; give the official file unchanged.",
  },
  LISTS_BINARY: {
    family: "input",
    hint: "The list holds NUL bytes (binary data or a damaged download); download the official file again.",
  },
  LISTS_TOO_LARGE: {
    family: "input",
    hint: "The file is larger than the limit; check it is the list you meant, or raise the limit with `skein lists load --max-size MB`.",
  },
  LISTS_TOO_DEEP: {
    family: "input",
    hint: "The XML nests its elements deeper than any official list does (a hostile or broken file); download the official file again.",
  },
  LISTS_TOO_MANY_ROWS: {
    family: "input",
    hint: "The file has more records than the limit; check it is the list you meant, or raise the limit with `skein lists load --max-rows N`.",
  },
  LISTS_ARCHIVE_EXPANSION: {
    family: "input",
    hint: "The spreadsheet inflates far beyond its size (a ZIP bomb or a damaged file); download the official file again.",
  },
  LISTS_TIMEOUT: {
    family: "input",
    hint: "Reading the file took longer than the limit; check it is the list you meant (a damaged file can be slow to read), and give it on its own.",
  },
  LISTS_EMPTY: { family: "input", hint: "The list has no entries; give the complete published file." },
  LISTS_INCOMPLETE_SET: {
    family: "input",
    hint: "Add the missing file of the set (from the same publication) to the folder or the command line.",
  },
  LISTS_SNAPSHOT_NOT_FOUND: {
    family: "not_found",
    hint: "Run `skein lists` and use one of the snapshot ids shown.",
  },
  LISTS_DIFF_MISMATCH: {
    family: "input",
    hint: "Compare two snapshots of the same authority and list (see `skein lists`).",
  },
  LISTS_DOWNLOAD_FAILED: {
    family: "upstream",
    hint: "Check the address (--base-url) and the network, or download the file yourself and use `skein lists load`.",
  },
  // screen
  SCREEN_INPUT_MISSING: {
    family: "input",
    hint: "Check the path of the input file; give a CSV file that exists.",
  },
  SCREEN_BAD_CSV: {
    family: "input",
    hint: "Give a UTF-8 CSV file with a header row and the same number of cells on every row.",
  },
  SCREEN_MISSING_COLUMN: {
    family: "input",
    hint: "Add the named column to the CSV header (compare-names: name1,name2[,schema]; screen: name[,id,schema,country,birth_date]).",
  },
  SCREEN_BAD_OPTION: { family: "usage", hint: "Give the option a value in the range the message shows." },
  SCREEN_UNKNOWN_ALGORITHM: {
    family: "input",
    hint: "Use one of the algorithm names listed in the message.",
  },
  SCREEN_NO_ENTRIES: {
    family: "input",
    hint: "Give list files with --list, or load lists into the workspace with `skein lists load` first.",
  },
  // graph
  GRAPH_UNKNOWN_ENTITY: {
    family: "not_found",
    hint: "Use an entity id from the case (for example from `skein entities`).",
  },
  GRAPH_BAD_OPTION: { family: "input", hint: "Give the option a value in the range the message shows." },
  GRAPH_BAD_DATE: {
    family: "input",
    hint: "Give dates as YYYY-MM-DD (or YYYY-MM, YYYY), and --between with the earlier date first.",
  },
  // report
  REPORT_WRITE_FAILED: {
    family: "input",
    hint: "Choose an output folder you can write to (--out DIR), with free space.",
  },
  // resolve
  RESOLVE_UNKNOWN_ENTITY: {
    family: "not_found",
    hint: "Run `skein entities` and use one of the entity ids shown (a unique prefix is enough).",
  },
  RESOLVE_AMBIGUOUS_ID: {
    family: "input",
    hint: "Type more characters of the id so that it names one record.",
  },
  RESOLVE_UNKNOWN_MENTION: {
    family: "not_found",
    hint: "Run `skein entities --json` and use one of the mention ids listed under the entity.",
  },
  RESOLVE_NO_SNAPSHOT: {
    family: "input",
    hint: "Load a list first (`skein lists load PATH` or `skein investigate … --lists PATH`).",
  },
  // decisions
  DECISION_SAME_ENTITY: {
    family: "input",
    hint: "Give two different entities; to undo an earlier merge use `skein split` or `skein undo`.",
  },
  DECISION_MENTION_NOT_IN_ENTITY: {
    family: "input",
    hint: "Give a mention of the entity being split (see `skein entities --json`).",
  },
  DECISION_SPLIT_EMPTY: {
    family: "input",
    hint: "A split must leave at least one mention in the entity; name fewer mentions.",
  },
  DECISION_UNKNOWN_CLAIM: {
    family: "not_found",
    hint: "The claim does not exist (re-extraction may have replaced it); run `skein claims` for current ids.",
  },
  DECISION_UNKNOWN_MATCH: {
    family: "not_found",
    hint: "Run `skein matches` and use one of the match ids shown (a unique prefix is enough).",
  },
  DECISION_UNKNOWN: {
    family: "not_found",
    hint: "Run `skein decisions` and use one of the decision ids shown.",
  },
  DECISION_ALREADY_UNDONE: {
    family: "conflict",
    hint: "That decision is already undone (or is itself an undo); record a new decision instead.",
  },
  DECISION_CONFLICT: {
    family: "conflict",
    hint: "Someone decided on the same record since you read it: reload it (the error carries its current version and last decision), then decide again with that version.",
  },
  DECISION_BAD_VALUE: {
    family: "usage",
    hint: "Give --why as text and --by as a name; neither may be empty.",
  },
  // auth: accounts, tokens, sessions
  AUTH_REQUIRED: {
    family: "unauthenticated",
    hint: "Sign in at the workbench, or send `Authorization: Bearer <token>` with a token from `skein tokens create`.",
  },
  AUTH_BAD_LOGIN: {
    family: "unauthenticated",
    hint: "Check the account name and password; an admin can reset a password with `skein users reset-password NAME`.",
  },
  AUTH_BAD_HEADER: {
    family: "usage",
    hint: "Send the header as `Authorization: Bearer <token>`, with the token exactly as `skein tokens create` printed it.",
  },
  AUTH_CREDENTIALS_TOO_LARGE: {
    family: "input",
    hint: "Account names have at most 64 characters, passwords 1,024 and tokens 256; send the credentials as issued.",
  },
  AUTH_BAD_TOKEN: {
    family: "unauthenticated",
    hint: "Use a token exactly as `skein tokens create` printed it; `skein tokens list` shows the tokens that exist.",
  },
  AUTH_TOKEN_EXPIRED: {
    family: "unauthenticated",
    hint: "The token has expired; ask an admin for a new one (`skein tokens create`).",
  },
  AUTH_TOKEN_REVOKED: {
    family: "unauthenticated",
    hint: "The token was revoked; ask an admin for a new one (`skein tokens create`).",
  },
  AUTH_SESSION_EXPIRED: {
    family: "unauthenticated",
    hint: "The session has ended (signed out, idle too long, or past its lifetime); sign in again.",
  },
  AUTH_FORBIDDEN: {
    family: "forbidden",
    hint: "Ask an admin for an account or token with the role (or scope) the message names.",
  },
  AUTH_CSRF: {
    family: "forbidden",
    hint: "Send state-changing requests from the workbench itself, with the X-CSRF-Token header that GET /api/session returns.",
  },
  AUTH_LOCKED: {
    family: "rate_limited",
    hint: "Too many failed sign-ins for this account name; wait for the time the message gives, or ask an admin to reset the password.",
  },
  AUTH_RATE_LIMITED: {
    family: "rate_limited",
    hint: "Too many sign-in attempts from this address; wait for the time the message gives.",
  },
  AUTH_BAD_VALUE: {
    family: "usage",
    hint: "Use the formats shown: a name of lower-case letters, digits, '.', '_' or '-'; a role viewer, analyst or admin; --expires as 90d, 12h or 30m.",
  },
  AUTH_UNKNOWN_USER: {
    family: "not_found",
    hint: "Run `skein users list` and use one of the names shown.",
  },
  AUTH_USER_EXISTS: {
    family: "conflict",
    hint: "Choose another name, or reset the existing account's password with `skein users reset-password NAME`.",
  },
  AUTH_UNKNOWN_TOKEN: {
    family: "not_found",
    hint: "Run `skein tokens list` and use one of the token ids shown.",
  },
  AUTH_OIDC_CONFIG: {
    family: "usage",
    hint: "Give --oidc-issuer, --oidc-client-id and --oidc-redirect-url (and SKEIN_OIDC_CLIENT_SECRET for a confidential client), or leave single sign-on off.",
  },
  AUTH_OIDC_FAILED: {
    family: "unauthenticated",
    hint: "Single sign-on did not complete: start again from the sign-in page; an admin must first add an account named as the identity provider names you (`skein users add NAME --role viewer --sso-only`).",
  },
  AUTH_OIDC_UNREACHABLE: {
    family: "upstream",
    hint: "Check that the identity provider named by --oidc-issuer is running and reachable from the server.",
  },
  // server
  SERVER_BAD_REQUEST: {
    family: "usage",
    hint: "Fix the named part (body, query or params) and field of the request; /openapi.json lists every field.",
  },
  SERVER_BAD_JSON: {
    family: "input",
    hint: "Send a well-formed JSON body with Content-Type: application/json.",
  },
  SERVER_BODY_TOO_LARGE: {
    family: "input",
    hint: "Send a smaller body, or start `skein serve` with a larger --max-upload (in MB).",
  },
  SERVER_UNSUPPORTED_MEDIA: {
    family: "input",
    hint: "Send JSON (application/json), or the file's bytes (application/octet-stream) to the upload route.",
  },
  SERVER_FORBIDDEN: {
    family: "forbidden",
    hint: "Give the token the server was started with (POST /updatez?token=…, set in SKEIN_UPDATE_TOKEN).",
  },
  SERVER_UNKNOWN_ROUTE: { family: "not_found", hint: "Check the method and path against /openapi.json." },
  SERVER_NOT_FOUND: {
    family: "not_found",
    hint: "List what exists (for example GET /api/entities) and use one of its ids.",
  },
  SERVER_UNKNOWN_DATASET: {
    family: "not_found",
    hint: "Use `default` (every loaded list) or the name of a loaded list (GET /api/lists shows them).",
  },
  SERVER_LISTEN_FAILED: {
    family: "input",
    hint: "Choose a free port with --port, or a host address of this machine with --host.",
  },
  SERVER_INTERNAL: {
    family: "internal",
    hint: "This is a bug in Skein; report it with the request id shown.",
  },
  SERVER_NO_ACCOUNTS: {
    family: "usage",
    hint: "Add an account first (`skein users add NAME --role admin`), or pass --no-auth to serve a trusted lab network without sign-in.",
  },
  SERVER_TLS: {
    family: "input",
    hint: "Give --tls-cert and --tls-key together, as PEM files this user can read (the certificate chain and its private key).",
  },
  SERVER_BAD_HOST: {
    family: "usage",
    hint: "Open the workbench by the address `skein serve` printed (127.0.0.1 or localhost), or start it with --host.",
  },
} as const satisfies Record<string, CatalogueItem>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Where and what: file, line, field and the received value (truncated). */
export interface ErrorDetails {
  file?: string;
  line?: number;
  field?: string;
  received?: string;
  [key: string]: unknown;
}

const MAX_RECEIVED = 200;

/** Truncates a received value for an error message, so untrusted input cannot flood a log. */
export function truncateReceived(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_RECEIVED ? `${text.slice(0, MAX_RECEIVED)}…` : text;
}

/** The one error class of Skein. Tests assert `code`, never the wording. */
export class SkeinError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly hint: string;
  readonly family: ErrorFamily;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SkeinError";
    this.code = code;
    const item: CatalogueItem = ERROR_CATALOGUE[code];
    this.family = item.family;
    this.hint = item.hint;
    this.details =
      details.received === undefined ? details : { ...details, received: truncateReceived(details.received) };
  }

  /** HTTP status derived from the family. */
  get httpStatus(): number {
    return ERROR_FAMILIES[this.family].httpStatus;
  }

  /** CLI exit code derived from the family. */
  get exitCode(): number {
    return ERROR_FAMILIES[this.family].exitCode;
  }

  /** `file:line` prefix for messages, when known. */
  get where(): string {
    const { file, line, field } = this.details;
    return [file && (line ? `${file}:${line}` : file), field].filter(Boolean).join(" ");
  }
}

/** True for errors that are the user's to fix (not Skein bugs). */
export function isUserError(error: unknown): error is SkeinError {
  return error instanceof SkeinError && error.family !== "internal";
}
