// skein compare-names: scores each name pair of a CSV file and writes the rows back with a score column.
import { readFile, writeFile } from "node:fs/promises";
import { SkeinError } from "../../model/index.js";
import { formatCsvTable, parseCsvTable, scoreNamePairs } from "../../screen/index.js";
import { say } from "../output.js";

/** Reads --input, scores each row, writes to --output or stdout. */
export async function run(_args: string[], options: Record<string, unknown>): Promise<number> {
  const input = options.input as string;
  const text = await readFile(input, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new SkeinError(
      "SCREEN_INPUT_MISSING",
      `cannot read ${input}: ${error.code ?? error.message}`,
      {
        file: input,
      },
      { cause: error },
    );
  });
  const scored = scoreNamePairs(parseCsvTable(text, input), input);
  const csv = formatCsvTable(scored);
  if (options.output) {
    await writeFile(options.output as string, csv);
    say(`scored ${scored.rows.length} pairs into ${options.output}`);
  } else {
    process.stdout.write(csv);
  }
  return 0;
}
