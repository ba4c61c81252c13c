// Reading the annotated corpus from data/annotated (the I/O rim of training and evaluation): every
// document file of its text folders, validated, with a hash of the whole so a model records what it learnt from.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SkeinError } from "../../model/index.js";
import { type AnnotatedDocument, validateAnnotation } from "./annotation.js";

/** The folders of data/annotated that hold documents (second annotations and clusters are apart). */
export const CORPUS_FOLDERS = ["designation", "invented"] as const;

/** The corpus as read: its documents in file order, the SHA-256 of the files, and skeletons not yet annotated. */
export interface Corpus {
  documents: AnnotatedDocument[];
  sha256: string;
  skipped: string[];
}

/** Reads and validates every document of a corpus folder; any invalid file stops it with every issue listed. */
export function readCorpus(dir: string, folders: readonly string[] = CORPUS_FOLDERS): Corpus {
  const hash = createHash("sha256");
  const documents: AnnotatedDocument[] = [];
  const skipped: string[] = [];
  const problems: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(join(dir, folder))
        .filter((f) => f.endsWith(".json"))
        .sort();
    } catch (error) {
      throw new SkeinError(
        "EXTRACT_CORPUS_INVALID",
        `train: cannot read the corpus folder ${join(dir, folder)}`,
        { file: join(dir, folder) },
        { cause: error },
      );
    }
    for (const name of names) {
      const file = join(dir, folder, name);
      const content = readFileSync(file, "utf8");
      let doc: AnnotatedDocument;
      try {
        doc = JSON.parse(content);
      } catch (error) {
        problems.push(`${file}: not valid JSON (${(error as Error).message})`);
        continue;
      }
      if (Array.isArray(doc.entities) && doc.entities.length === 0 && doc.relations?.length === 0) {
        skipped.push(file);
        continue;
      }
      for (const issue of validateAnnotation(doc)) problems.push(`${file}: ${issue.path}: ${issue.message}`);
      hash.update(`${folder}/${name}\n`).update(content);
      documents.push(doc);
    }
  }
  if (problems.length > 0) {
    throw new SkeinError(
      "EXTRACT_CORPUS_INVALID",
      `train: ${problems.length} issue(s) in the annotated corpus:\n${problems.slice(0, 50).join("\n")}`,
      { file: problems[0].split(":")[0] },
    );
  }
  return { documents, sha256: hash.digest("hex"), skipped };
}
