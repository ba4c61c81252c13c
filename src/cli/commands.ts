// Every Skein command, declared in one place: description, flags and two examples. Each action
// lazily imports its command module, which parses flags, calls one stage and prints.
import { Argument, type Command, Option } from "commander";
import {
  DEFAULT_EXTRACTOR,
  EXTRACTOR_NAMES,
  EXTRACTORS,
  PREDICATE_NAMES,
  RELIABILITY_NAMES,
  ROLE_NAMES,
  ROLES,
  SOURCE_KIND_NAMES,
  TOKEN_SCOPE_NAMES,
  TOKEN_SCOPES,
} from "../model/index.js";

/** A command module: `run` receives positional arguments and parsed options. */
export interface CommandModule {
  run(args: string[], options: Record<string, unknown>, command: Command): Promise<number | undefined>;
}

interface CommandSpec {
  name: string;
  description: string;
  examples: [string, string];
  /** Adds arguments and options. */
  define(command: Command): void;
  /** Loads the module that runs it. */
  load(): Promise<CommandModule>;
}

/** Adds the --workspace option that every workspace command shares. */
function workspaceOption(command: Command): Command {
  return command.option(
    "-w, --workspace <path>",
    "case workspace: a file, or a postgres:// URL of a shared server (default: $SKEIN_WORKSPACE or ./skein.db)",
  );
}

/** The hidden old spellings of flags, each with the attribute of the flag it stands for. */
const ALIAS_OF = new WeakMap<Option, string>();

/** An earlier spelling of a flag, still accepted and hidden from help; read as `canonical`. */
function aliasOption(flags: string, canonical: string): Option {
  const option = new Option(flags, `old spelling of ${canonical}`).hideHelp();
  ALIAS_OF.set(option, new Option(canonical).attributeName());
  return option;
}

/** The options of `command` with each old spelling read as the flag it stands for. */
function applyAliases(command: Command, options: Record<string, unknown>): Record<string, unknown> {
  const out = { ...options };
  for (const option of command.options) {
    const current = ALIAS_OF.get(option);
    const old = option.attributeName();
    if (current === undefined || out[old] === undefined) continue;
    out[current] ??= out[old];
    delete out[old];
  }
  return out;
}

/** The --extractor option of `extract` and `investigate`. */
function extractorOption(): Option {
  return new Option(
    "--extractor <name>",
    EXTRACTOR_NAMES.map((name) => `${name}: ${EXTRACTORS[name]}`).join("; "),
  )
    .choices(EXTRACTOR_NAMES)
    .default(DEFAULT_EXTRACTOR);
}

/** The --weights option that goes with --extractor learned. */
function weightsOption(): Option {
  return new Option(
    "--weights <file>",
    "with --extractor learned: the learned model's weights (default: data/models/skein-extract-v1.json)",
  );
}

/** A maker of commands that share a set of options after their own arguments. */
function commandsWith(shared: (command: Command) => Command) {
  return (
    name: string,
    description: string,
    examples: [string, string],
    args: (command: Command) => Command,
  ): CommandSpec => ({
    name,
    description,
    examples,
    define: (c) => shared(args(workspaceOption(c))),
    load: () => import(`./commands/${name}.js`),
  });
}

/** A decision command: its own arguments plus --why, --by and --json. */
const decisionCommand = commandsWith((c) =>
  c
    .option("--why <text>", "why: kept in the decision log")
    .option("--by <name>", "who decides (default: the OS user)")
    .option("--json", "print the decision as JSON"),
);

/** An analysis command: its own options plus --json, --as-of DATE and --between A B. */
const analysisCommand = commandsWith((c) =>
  c
    .option("--as-of <date>", "only claims that had begun by this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    .option("--between <dates...>", "only claims overlapping the period A B")
    .option("--json", "print JSON"),
);

export const COMMANDS: CommandSpec[] = [
  {
    name: "ingest",
    description:
      "Read documents (txt, md, html, pdf, FtM json/jsonl; folders recursively) into the workspace",
    examples: [
      "skein ingest examples/",
      "skein ingest notice.pdf --kind government --publisher 'OFAC' --published 2024-10-17 --reliability A",
    ],
    define: (c) =>
      workspaceOption(c)
        .argument("<paths...>", "files or folders")
        .option("--title <text>", "title (overrides the document's own)")
        .option("--publisher <name>", "publisher")
        .option("--published <date>", "publication date, YYYY-MM-DD")
        .option("--url <url>", "address of the original")
        .addOption(new Option("--kind <kind>", "kind of source").choices(SOURCE_KIND_NAMES))
        .addOption(
          new Option("--reliability <grade>", "Admiralty reliability grade").choices(RELIABILITY_NAMES),
        )
        .option("--max-size <MB>", "largest file to read, in MB", "50")
        .option("--json", "print the result as JSON"),
    load: () => import("./commands/ingest.js"),
  },
  {
    name: "sources",
    description: "List the sources in the workspace",
    examples: ["skein sources", "skein sources --json"],
    define: (c) => workspaceOption(c).option("--json", "print JSON"),
    load: () => import("./commands/sources.js"),
  },
  {
    name: "show",
    description: "Show one source: metadata and text",
    examples: ["skein show 3f2a9c", "skein show 3f2a9c --json"],
    define: (c) =>
      workspaceOption(c)
        .argument("<source-id>", "source id or a unique prefix of it")
        .option("--json", "print JSON"),
    load: () => import("./commands/show.js"),
  },
  {
    name: "extract",
    description:
      "Extract entities and claims: FILE → contract JSON, or --workspace W [SOURCE…] → stored claims",
    examples: [
      "skein extract notice.txt --published 2024-10-17 --format json",
      "skein extract --workspace case.db 3f2a9c",
    ],
    define: (c) =>
      c
        .option(
          "-w, --workspace <path>",
          "extract the workspace's sources (all, or the SOURCE ids given) into it",
        )
        .argument("[file-or-sources...]", "a text file (without --workspace), or source ids / prefixes")
        .option("--published <date>", "publication date YYYY-MM-DD, for relative dates and designations")
        .option("--format <format>", "json (the contract shape) or text")
        .addOption(extractorOption())
        .addOption(weightsOption())
        .option("--chunk-chars <n>", "with --extractor llm: largest chunk of text per request")
        .option("--gazetteer", "with --workspace: also find names of loaded list entries and case entities")
        .option("--max-size <MB>", "largest file to read, in MB", "50")
        .option("--json", "print JSON"),
    load: () => import("./commands/extract.js"),
  },
  {
    name: "claims",
    description: "List claims with their quotes, attribution and certainty",
    examples: ["skein claims --entity 'Acme Trading' --predicate supplies", "skein claims --json"],
    define: (c) =>
      workspaceOption(c)
        .option("--entity <name-or-id>", "only claims whose subject or object has this id or name")
        .addOption(
          new Option("--predicate <predicate>", "only claims with this predicate").choices(PREDICATE_NAMES),
        )
        .option("--source <id>", "only claims from this source id")
        .option("--json", "print JSON"),
    load: () => import("./commands/claims.js"),
  },
  {
    name: "compare-names",
    description:
      "Score name pairs from a CSV (header name1,name2[,schema]); writes the rows with a score column",
    examples: [
      "skein compare-names --input pairs.csv",
      "skein compare-names --input pairs.csv --output scored.csv",
    ],
    define: (c) =>
      c
        .requiredOption("--input <file>", "CSV file with a header name1,name2 and optionally schema")
        .option("--output <file>", "write the scored CSV here instead of stdout"),
    load: () => import("./commands/compare-names.js"),
  },
  {
    name: "screen",
    description:
      "Screen names against sanctions lists (list files or the workspace's snapshots), with explanations",
    examples: [
      "skein screen --lists sdn.csv --name 'Acme Trading LLC' --json",
      "skein screen --workspace case.db --input names.csv --threshold 0.8 --format csv",
    ],
    define: (c) =>
      workspaceOption(c)
        .option("--lists <paths...>", "list files or folders to screen against (no workspace needed)")
        .addOption(aliasOption("--list <paths...>", "--lists"))
        .option("--name <name>", "one name to screen")
        .option("--input <file>", "CSV with a header: name and optionally id, schema, country, birth_date")
        .option("--schema <schema>", "schema of the queried names (Person, Company, Organization …)")
        .option("--country <code>", "country of the queried names (ISO code or name)")
        .option("--threshold <score>", "score at or above which a result is a match", "0.7")
        .option("--limit <n>", "results per query", "5")
        .option("--algorithm <name>", "screening algorithm (see ALGORITHMS in the README)")
        .option("--list-format <format>", "list format, to skip detection")
        .option("--json", "print JSON (the default when not on a terminal)")
        .addOption(
          new Option("--format <format>", "output format: table, json or csv").choices([
            "table",
            "json",
            "csv",
          ]),
        ),
    load: () => import("./commands/screen.js"),
  },
  {
    name: "lists",
    description:
      "Sanctions list snapshots: show them; `load PATH…` list files or folders; `diff OLD NEW`; `update` from the official sites",
    examples: [
      "skein lists load ../shared/data/ofac-sdn-csv-2023-12 UN_consolidated.xml",
      "skein lists update --only ofac,un && skein lists diff snap_1a2b snap_3c4d",
    ],
    define: (c) =>
      workspaceOption(c)
        .addArgument(
          new Argument("[action]", "what to do (none: show the snapshots)").choices([
            "load",
            "diff",
            "update",
          ]),
        )
        .argument("[args...]", "load: files or folders; diff: OLD and NEW snapshot ids")
        .option(
          "--list-format <format>",
          "load: the list format, to skip detection (e.g. ofac-csv, un-xml, uk-ofsi-xlsx)",
        )
        .addOption(aliasOption("--format <format>", "--list-format"))
        .option("--max-size <MB>", "load: largest list file read, in MB (default: 2048)")
        .option("--max-rows <n>", "load: most records read from one file (default: 20000000)")
        .option("--only <authorities>", "update: comma-separated authorities (ofac,un,uk,eu)")
        .option(
          "--base-url <url>",
          "update: fetch <url>/<authority>/<file> from a mirror instead of the official sites",
        )
        .option("--json", "print JSON"),
    load: () => import("./commands/lists.js"),
  },
  {
    name: "investigate",
    description: "The main job: ingest → extract → resolve → screen → analyse → report, in one command",
    examples: [
      "skein investigate examples/ --lists examples/lists/ofac-sdn --out out/case",
      "skein investigate notes/ reports/*.pdf --lists sdn.csv alt.csv add.csv --workspace case.db --out report/",
    ],
    define: (c) =>
      workspaceOption(c)
        .argument("<docs...>", "documents or folders to read")
        .option("--lists <paths...>", "official list files or folders to screen against")
        .option("--out <dir>", "folder for summary.json, report.html, report.md and the exports", "out")
        .option("--title <text>", "title of the report (default: Skein investigation)")
        .option("--published <date>", "publication date for documents that carry none, YYYY-MM-DD")
        .addOption(extractorOption())
        .addOption(weightsOption())
        .option("--chunk-chars <n>", "with --extractor llm: largest chunk of text per request")
        .option("--threshold <score>", "match score at which an entity counts as listed", "0.7")
        .option("--as-of <date>", "analyse only claims that had begun by this date")
        .option("--between <dates...>", "analyse only claims overlapping the period A B")
        .option("--json", "print summary.json to stdout"),
    load: () => import("./commands/investigate.js"),
  },
  {
    name: "resolve",
    description:
      "Re-run resolution (replaying every analyst decision) and screen entities against stored lists",
    examples: ["skein resolve", "skein resolve --threshold 0.8 --json"],
    define: (c) =>
      workspaceOption(c)
        .option("--snapshot <ids...>", "list snapshots to screen against (default: the newest of each list)")
        .option("--threshold <score>", "lowest score stored as a match", "0.7")
        .option("--json", "print JSON"),
    load: () => import("./commands/resolve.js"),
  },
  {
    name: "entities",
    description: "List the case entities (one per real-world party) with their list matches",
    examples: ["skein entities", "skein entities --json"],
    define: (c) => workspaceOption(c).option("--json", "print JSON, with members and mention ids"),
    load: () => import("./commands/entities.js"),
  },
  decisionCommand(
    "merge",
    "Record that two entities are one party (appended to the decision log)",
    [
      "skein merge case_1a2b3c case_4d5e6f --why 'same tax number in both registries'",
      "skein merge case_1a2b case_4d5e --by alice",
    ],
    (c) => c.argument("<a>", "entity id or name").argument("<b>", "entity id or name"),
  ),
  decisionCommand(
    "split",
    "Record that mentions resolved into an entity are another party",
    [
      "skein split case_1a2b3c --mention men_9f8e7d --why 'a namesake in another country'",
      "skein split case_1a2b3c --mention men_9f8e7d men_6c5b4a",
    ],
    (c) =>
      c
        .argument("<entity>", "entity id or name")
        .requiredOption("--mention <ids...>", "mention ids (see `skein entities --json`)"),
  ),
  decisionCommand(
    "rename",
    "Choose an entity's caption (a garbled or partial name read from a text); undo restores the one read",
    [
      "skein rename case_1a2b3c 'Orlov Precision Instruments JSC' --why 'name as registered'",
      "skein rename case_1a2b3c 'Kestrel Avionics Bureau' --by alice",
    ],
    (c) => c.argument("<entity>", "entity id").argument("<caption>", "the caption to show"),
  ),
  decisionCommand(
    "not-same",
    "Record that two entities are different parties",
    [
      "skein not-same case_1a2b3c case_4d5e6f --why 'different founding dates'",
      "skein not-same ent_77aa ent_88bb --by alice",
    ],
    (c) => c.argument("<a>", "entity id or name").argument("<b>", "entity id or name"),
  ),
  decisionCommand(
    "accept",
    "Accept a claim after review",
    ["skein accept clm_1a2b3c --why 'invoice seen'", "skein accept clm_1a2b3c --by alice"],
    (c) => c.argument("<claim>", "claim id"),
  ),
  decisionCommand(
    "reject",
    "Reject a claim after review (it leaves the network)",
    [
      "skein reject clm_1a2b3c --why 'misread: the sentence is about a competitor'",
      "skein reject clm_1a2b3c --by alice",
    ],
    (c) => c.argument("<claim>", "claim id"),
  ),
  decisionCommand(
    "confirm",
    "Confirm a list match",
    ["skein confirm match_1a2b3c --why 'same registration number'", "skein confirm match_1a2b3c --by alice"],
    (c) => c.argument("<match>", "match id (see `skein matches`)"),
  ),
  decisionCommand(
    "dismiss",
    "Dismiss a list match as a different party",
    [
      "skein dismiss match_1a2b3c --why 'different country and founding date'",
      "skein dismiss match_1a2b3c --by alice",
    ],
    (c) => c.argument("<match>", "match id (see `skein matches`)"),
  ),
  decisionCommand(
    "undo",
    "Undo a decision (the log keeps it, marked superseded)",
    ["skein undo 3 --why 'merged by mistake'", "skein undo 3 --by alice"],
    (c) => c.argument("<decision>", "decision number (see `skein decisions`)"),
  ),
  {
    name: "decisions",
    description: "Show the analyst decision log, oldest first",
    examples: ["skein decisions", "skein decisions --json"],
    define: (c) => workspaceOption(c).option("--json", "print JSON"),
    load: () => import("./commands/decisions.js"),
  },
  {
    name: "matches",
    description: "List the matches of case entities to list entries, with scores, explanations and decisions",
    examples: ["skein matches", "skein matches --json"],
    define: (c) => workspaceOption(c).option("--json", "print JSON with per-feature explanations"),
    load: () => import("./commands/matches.js"),
  },
  analysisCommand(
    "paths",
    "Exposure paths to sanctioned entities, weakest link first, each hop with its quote",
    ["skein paths --to-sanctioned", "skein paths --from case_1a2b3c --to-sanctioned --max-hops 2 --json"],
    (c) =>
      c
        .option("--from <entity>", "entity id or name the paths leave from (default: every entity)")
        .option("--to-sanctioned", "paths that end at a sanctioned entity")
        .option("--max-hops <n>", "longest path, in links", "3")
        .option("--limit <n>", "most paths shown (0: all)"),
  ),
  analysisCommand(
    "intermediaries",
    "Entities between suppliers and sanctioned buyers (betweenness)",
    ["skein intermediaries", "skein intermediaries --between 2024-01 2024-12 --json"],
    (c) => c.option("--limit <n>", "most results shown (0: all)"),
  ),
  analysisCommand(
    "focal-points",
    "The most connected parties (weighted degree, PageRank)",
    ["skein focal-points", "skein focal-points --as-of 2024-06-30 --json"],
    (c) => c.option("--limit <n>", "most results shown (0: all)"),
  ),
  analysisCommand(
    "candidates",
    "Designation candidates: unsanctioned parties with sourced ties to sanctioned ones",
    ["skein candidates", "skein candidates --max-hops 1 --json"],
    (c) =>
      c
        .option("--max-hops <n>", "longest tie, in links")
        .option("--limit <n>", "most results shown (0: all)"),
  ),
  analysisCommand(
    "ego",
    "An entity's neighbourhood with the claims that join it",
    ["skein ego case_1a2b3c", "skein ego case_1a2b3c --hops 1 --json"],
    (c) => c.argument("<entity>", "entity id or name").option("--hops <n>", "links out from the entity", "2"),
  ),
  {
    name: "serve",
    description:
      "Serve the workspace over HTTP: the API (with yente-compatible /match) and the web workbench",
    examples: ["skein serve", "skein serve --workspace case.db --port 9000 --host 127.0.0.1"],
    define: (c) =>
      workspaceOption(c)
        .option("--port <n>", "port to listen on (0: any free port)", "8080")
        .option(
          "--host <address>",
          "address to bind; loopback unless you mean to share the case",
          "127.0.0.1",
        )
        .option("--max-upload <MB>", "largest uploaded document, in MB", "20")
        .option(
          "--no-auth",
          "serve without sign-in even on a non-loopback address (a trusted lab network only)",
        )
        .option("--tls-cert <file>", "serve HTTPS with this PEM certificate chain (with --tls-key)")
        .option("--tls-key <file>", "the PEM private key of --tls-cert")
        .option(
          "--trust-proxy <addresses>",
          "believe X-Forwarded-* from these reverse proxies (e.g. 127.0.0.1)",
        )
        .option("--oidc-issuer <url>", "single sign-on: the OpenID Connect provider's issuer address")
        .option("--oidc-client-id <id>", "single sign-on: this server's client id at the provider")
        .option(
          "--oidc-redirect-url <url>",
          "single sign-on: this server's callback as registered, <public address>/api/oidc/callback",
        )
        .option(
          "--oidc-name-claim <claim>",
          "single sign-on: the claim naming the account",
          "preferred_username",
        ),
    load: () => import("./commands/serve.js"),
  },
  {
    name: "users",
    description: `Accounts of the case: list, add NAME --role R, disable, enable, reset-password, role NAME --role R (roles: ${ROLE_NAMES.map((r) => `${r} ${ROLES[r].description}`).join("; ")})`,
    examples: [
      "skein users add alice --role analyst",
      "skein users reset-password alice && skein users list",
    ],
    define: (c) =>
      workspaceOption(c)
        .addArgument(
          new Argument("[action]", "what to do (none: list)").choices([
            "list",
            "add",
            "disable",
            "enable",
            "reset-password",
            "role",
          ]),
        )
        .argument("[name...]", "the account name")
        .addOption(new Option("--role <role>", "add, role: the account's role").choices(ROLE_NAMES))
        .option(
          "--password-stdin",
          "add, reset-password: read the password from standard input (else one is generated and shown once)",
        )
        .option("--sso-only", "add: no password; the account signs in only through single sign-on")
        .option("--json", "print JSON"),
    load: () => import("./commands/users.js"),
  },
  {
    name: "tokens",
    description:
      "API tokens for scripts and yente or OpenRefine clients: list, create (shown once), revoke ID",
    examples: [
      "skein tokens create --role viewer --expires 90d --scope match --name openrefine",
      "skein tokens list && skein tokens revoke tok_1a2b3c4d5e6f",
    ],
    define: (c) =>
      workspaceOption(c)
        .addArgument(
          new Argument("[action]", "what to do (none: list)").choices(["list", "create", "revoke"]),
        )
        .argument("[id...]", "revoke: the token id")
        .addOption(new Option("--role <role>", "create: the token's role").choices(ROLE_NAMES))
        .addOption(
          new Option(
            "--scope <scope>",
            `create: ${TOKEN_SCOPE_NAMES.map((s) => `${s}: ${TOKEN_SCOPES[s]}`).join("; ")}`,
          )
            .choices(TOKEN_SCOPE_NAMES)
            .default("all"),
        )
        .option("--expires <lifetime>", "create: lifetime such as 90d, 12h or 30m (default: never)")
        .option("--name <text>", "create: what the token is for")
        .option("--json", "print JSON"),
    load: () => import("./commands/tokens.js"),
  },
  {
    name: "audit",
    description:
      "The audit trail: sign-ins, accounts and tokens, uploads, extraction runs, list loads and decisions",
    examples: ["skein audit", "skein audit --actor alice --action decision --json"],
    define: (c) =>
      workspaceOption(c)
        .option("--actor <name>", "only what this account (or token:tok_…) did")
        .option(
          "--action <action>",
          "only this action (login, upload, extraction_run, list_load, decision …)",
        )
        .option("--since <date>", "only from this date or time (ISO)")
        .option("--json", "print JSON"),
    load: () => import("./commands/audit.js"),
  },
];

/** Registers every command on the program. */
export function registerCommands(program: Command): void {
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.description);
    spec.define(command);
    command.addHelpText("after", `\nExamples:\n  ${spec.examples.join("\n  ")}`);
    command.action(async (...received: unknown[]) => {
      const cmd = received.at(-1) as Command;
      const options = applyAliases(cmd, cmd.opts());
      const args = cmd.args;
      const module = await spec.load();
      const code = await module.run(args, options, cmd);
      process.exitCode = code ?? 0;
    });
  }
}

export type { CommandSpec };
