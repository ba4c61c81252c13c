// Reading a secret a command is given on standard input (never on the command line, where `ps` shows it).
import { SkeinError } from "../model/index.js";

/** The first line of standard input, without its line end; CLI_USAGE when there is none. */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (line === "") {
    throw new SkeinError("CLI_USAGE", "--password-stdin: standard input held no password (one line)", {
      field: "--password-stdin",
    });
  }
  return line;
}
