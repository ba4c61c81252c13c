// Every Skein command, declared in one place: description, flags and two examples. Each action
// lazily imports its command module, which parses flags, calls one stage and prints.
import { Argument, type Command, Option } from "commander";
import { RELIABILITY_NAMES, SOURCE_KIND_NAMES } from "../model/index.js";

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
  return command.option("-w, --workspace <path>", "case workspace file (default: $SKEIN_WORKSPACE or ./skein.db)");
}

export const COMMANDS: CommandSpec[] = [
  {
    name: "ingest",
    description: "Read documents (txt, md, html, pdf, FtM json/jsonl; folders recursively) into the workspace",
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
        .addOption(new Option("--reliability <grade>", "Admiralty reliability grade").choices(RELIABILITY_NAMES))
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
    name: "compare-names",
    description: "Score name pairs from a CSV (header name1,name2[,schema]); writes the rows with a score column",
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
    name: "lists",
    description:
      "Sanctions list snapshots: show them; `load PATH…` list files or folders; `diff OLD NEW`; `update` from the official sites",
    examples: [
      "skein lists load ../shared/data/ofac-sdn-csv-2023-12 UN_consolidated.xml",
      "skein lists update --only ofac,un && skein lists diff snap_1a2b snap_3c4d",
    ],
    define: (c) =>
      workspaceOption(c)
        .addArgument(new Argument("[action]", "what to do (none: show the snapshots)").choices(["load", "diff", "update"]))
        .argument("[args...]", "load: files or folders; diff: OLD and NEW snapshot ids")
        .option("--format <format>", "load: the list format, to skip detection (e.g. ofac-csv, un-xml, uk-ofsi-xlsx)")
        .option("--only <authorities>", "update: comma-separated authorities (ofac,un,uk,eu)")
        .option("--base-url <url>", "update: fetch <url>/<authority>/<file> from a mirror instead of the official sites")
        .option("--json", "print JSON"),
    load: () => import("./commands/lists.js"),
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
      const options = cmd.opts();
      const args = cmd.args;
      const module = await spec.load();
      const code = await module.run(args, options, cmd);
      process.exitCode = code ?? 0;
    });
  }
}

export type { CommandSpec };
