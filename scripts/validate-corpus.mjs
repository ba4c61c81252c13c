#!/usr/bin/env node
// Validates the annotated corpus (data/annotated, or the files and folders given): every file must pass
// validateAnnotation, ids must be unique, texts copied from ../shared/corpus must equal their cleaned
// original when ../shared is beside the checkout, and resolution.json must cluster every entity of the
// corpus exactly once. Exits 1 listing every issue with its file and path.
//   npm run build && node scripts/validate-corpus.mjs [FILE|DIR …]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.SKEIN_DIST ?? join(root, "dist");
const { readCorpus, sharesPassage, validateAnnotation, validateClusters } = await import(
  pathToFileURL(join(dist, "extract/index.js")).href
);

function jsonFiles(path) {
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .sort()
      .flatMap((f) => jsonFiles(join(path, f)));
  return path.endsWith(".json") ? [path] : [];
}

const args = process.argv.slice(2);
const targets = args.length > 0 ? args : [join(root, "data/annotated")];
const files = targets
  .flatMap(jsonFiles)
  .filter((f) => !f.includes(`${join("annotated", "clusters")}`) && basename(f) !== "resolution.json");
// The development texts of ../shared/eval score a model that never saw them: none may be in the corpus.
const evalDir = join(root, "../shared/eval");
const development = existsSync(evalDir)
  ? readdirSync(evalDir)
      .filter((f) => f.endsWith(".gold.json"))
      .map((f) => ({ file: f, text: JSON.parse(readFileSync(join(evalDir, f), "utf8")).text ?? "" }))
  : [];
const problems = [];
const ids = new Map();
let relations = 0;
for (const file of files) {
  const name = relative(process.cwd(), file);
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${name}: not valid JSON: ${error.message}`);
    continue;
  }
  for (const issue of validateAnnotation(doc)) problems.push(`${name}: ${issue.path}: ${issue.message}`);
  const second = file.includes(`${join("annotated", "second")}`);
  if (!second && typeof doc.id === "string") {
    if (ids.has(doc.id)) problems.push(`${name}: id ${doc.id} is also used by ${ids.get(doc.id)}`);
    ids.set(doc.id, name);
  }
  const original = join(root, "../shared/corpus/treasury-press-releases", `${doc.id}.md`);
  if (doc.invented === false && existsSync(original)) {
    const { readRelease } = await import(pathToFileURL(join(root, "scripts/add-release.mjs")).href);
    if (readRelease(readFileSync(original, "utf8")).text !== doc.text)
      problems.push(`${name}: text differs from the cleaned original ${relative(process.cwd(), original)}`);
  }
  for (const d of development)
    if (typeof doc.text === "string" && sharesPassage(doc.text, d.text))
      problems.push(`${name}: its text is the development text ${d.file}`);
  relations += Array.isArray(doc.relations) ? doc.relations.length : 0;
}
// The corpus's cross-document clusters must cover its documents exactly.
const clusterFile = join(root, "data/annotated/resolution.json");
if (args.length === 0 && existsSync(clusterFile) && problems.length === 0) {
  const clusters = JSON.parse(readFileSync(clusterFile, "utf8"));
  for (const issue of validateClusters(clusters, readCorpus(join(root, "data/annotated")).documents))
    problems.push(`${relative(process.cwd(), clusterFile)}: ${issue.path}: ${issue.message}`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`${problems.length} issue(s) in ${files.length} file(s)`);
  process.exit(1);
}
console.log(`${files.length} file(s) valid, ${relations} relations`);
