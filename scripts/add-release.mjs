#!/usr/bin/env node
// Copies a public-domain Treasury press release from ../shared/corpus into the annotated corpus as an
// unannotated skeleton: front matter read into `source`, Markdown (links, emphasis, heading marks, stray
// no-break spaces) removed, and the standard closing sections ("Sanctions Implications" onwards) cut, as
// the texts of ../shared/eval were prepared. The text is never edited by hand afterwards.
//   node scripts/add-release.mjs ../shared/corpus/treasury-press-releases/2023-03-09-jy1331.md [--genre designation] [--out DIR]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The closing sections every release repeats; the annotated text stops before the first of them. */
const CLOSING =
  /^(?:sanctions implications|for identifying information|view identifying information|identifying information)/i;

/** Reads a release: its front matter and its body as plain text. */
export function readRelease(markdown) {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(markdown);
  const front = {};
  if (m) {
    for (const line of m[1].split("\n")) {
      const kv = /^(\w+):\s*(.*)$/.exec(line);
      if (kv)
        front[kv[1]] = kv[2]
          .replace(/^["']|["']$/g, "")
          .replace(/\s+/g, " ")
          .trim();
    }
  }
  const body = m ? markdown.slice(m[0].length) : markdown;
  const lines = [];
  for (let line of body.split("\n")) {
    line = line
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\*\*|__/g, "")
      .replace(/(^|[\s(])\*(\S[^*]*?)\*(?=[\s).,;:]|$)/g, "$1$2")
      .replace(/\u00a0/g, " ")
      .replace(/^#{1,6}\s+/, "")
      .replace(/\(\s+/g, "(")
      .replace(/\s+\)/g, ")")
      .replace(/ {2,}/g, " ")
      .replace(/\s+$/, "");
    if (CLOSING.test(line.trim())) break;
    lines.push(line.trim());
  }
  const text = lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return {
    title: front.title ?? null,
    date: front.date ? front.date.slice(0, 10) : null,
    url: front.url ?? null,
    text,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    console.error("usage: add-release.mjs RELEASE.md [--genre designation] [--out DIR]");
    process.exit(2);
  }
  const genre = rest.includes("--genre") ? rest[rest.indexOf("--genre") + 1] : "designation";
  const release = readRelease(readFileSync(file, "utf8"));
  const id = basename(file, ".md");
  const folder = rest.includes("--out")
    ? resolve(rest[rest.indexOf("--out") + 1])
    : join(root, "data/annotated/designation");
  const out = join(folder, `${id}.json`);
  if (existsSync(out)) {
    console.error(`${out} exists; not overwritten`);
    process.exit(1);
  }
  const address = `https://home.treasury.gov${release.url}`;
  const doc = {
    id,
    genre,
    invented: false,
    provenance: {
      origin: address,
      licence: "public domain (a work of the U.S. Government, 17 U.S.C. § 105)",
      annotators: [],
      notes: "",
    },
    source: {
      title: release.title,
      publisher: "U.S. Department of the Treasury",
      date: release.date,
      url: address,
      kind: "government",
    },
    text: release.text,
    entities: [],
    relations: [],
  };
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`${out}: ${release.text.length} characters`);
}
