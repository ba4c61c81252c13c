#!/usr/bin/env node
// The skein command: parses the command line and catches every error once, at the top.
// Input errors print `skein: message` and exit 1; usage errors exit 2; Skein bugs print the stack and exit 70.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { SkeinError } from "../model/index.js";
import { COMMANDS, registerCommands } from "./commands.js";
import { formatUserError } from "./output.js";

const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

function buildProgram(): Command {
  const program = new Command("skein")
    .description(
      "Evidence-backed procurement and sanctions-exposure networks from reporting and official lists",
    )
    .version(packageJson.version)
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are not errors; commander has already printed the usage problem.
    if (
      error.code === "commander.helpDisplayed" ||
      error.code === "commander.version" ||
      error.exitCode === 0
    ) {
      return 0;
    }
    // showHelpAfterError has printed the command's help, its examples included.
    return 2;
  }
  if (error instanceof SkeinError && error.family !== "internal") {
    process.stderr.write(`${formatUserError(error)}\n`);
    if (error.family === "usage") {
      const spec = COMMANDS.find((c) => c.name === process.argv[2]);
      if (spec) process.stderr.write(`\nExamples:\n  ${spec.examples.join("\n  ")}\n`);
    }
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `skein: internal error — this is a bug in Skein; please report it with this output.\n${stack}\n` +
      `skein ${packageJson.version}, node ${process.version}, ${process.platform}-${process.arch}\n`,
  );
  return 70;
}

// A reader that closes early (`skein … | head`) has taken what it wanted: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
