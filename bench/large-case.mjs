// A generated case of the shape of a real one, for the workbench benchmark (when ../shared is absent) and
// the large-case browser test. The shape follows a case built from designation notices: each source names
// a cluster of parties (companies, people, vessels) tied by ownership, direction, supply and agency, about
// a third of them designated and listed, most located in a handful of countries; two issuing bodies are
// named by thousands of claims; a fifth of the parties are only mentioned. Every name is invented (pseudo-
// words from a seeded generator), every quote is a sentence of its source's text, and the listed parties
// are written to an invented OFAC-format list that screening matches them against.
// No imports from Skein: the caller passes the store and stage functions (dist/ for the bench, src/ for tests).
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "./seeded-random.mjs";

/** The real case's proportions (553 designation releases with the 2024-05 SDN set and the UN list). */
export const REAL_SHAPE = Object.freeze({
  sources: 553,
  partiesPerSource: 20,
  listedShare: 0.37,
  mentionedOnlyShare: 0.2,
  /** Parties named again in a later source (the same party in several notices). */
  repeatedShare: 0.12,
  places: 700,
  datedShare: 0.22,
});

const ONSETS = [
  "b",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "dr",
  "kr",
  "st",
  "tr",
  "vl",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"];
const CODAS = ["", "", "n", "r", "s", "k", "l", "m", "x", "nd", "rt", "sk"];
const FORMS = ["LLC", "JSC", "Ltd", "Trading FZE", "Industries", "Logistics Co.", "Holding", "Shipping Ltd"];
const COUNTRIES = ["ru", "ir", "cn", "ae", "tr", "by", "kp", "sy", "hk", "in"];
const TIES = [
  ["owns", 0.22],
  ["directs", 0.18],
  ["supplies", 0.2],
  ["intermediary_for", 0.12],
  ["associate", 0.12],
  ["member_of", 0.08],
  ["pays", 0.04],
  ["visits", 0.04],
];
const CERTAINTIES = ["stated", "stated", "stated", "reported", "reported", "assessed", "alleged"];

/**
 * Generates the case. `parties` sets the size: 12,500 party mentions give about 11,000 entities and
 * 24,000 claims, as the real case; the other proportions follow REAL_SHAPE.
 */
export function generateCase({ parties = 12_500, seed = 16 } = {}) {
  const rnd = seededRandom(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const used = new Set();
  const word = (syllables) => {
    let w = "";
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    return w[0].toUpperCase() + w.slice(1);
  };
  const fresh = (make) => {
    for (;;) {
      const name = make();
      const key = name.toLowerCase();
      if (!used.has(key)) {
        used.add(key);
        return name;
      }
    }
  };
  const sourceCount = Math.max(4, Math.round((REAL_SHAPE.sources * parties) / 12_500));
  const perSource = Math.max(4, Math.round(parties / sourceCount));
  const places = Array.from({ length: Math.max(5, Math.round((REAL_SHAPE.places * parties) / 12_500)) }, () =>
    fresh(() => `${word(2)}${pick(["", "ia", "stan", " Bay"])}`),
  );
  // A few countries are named by most notices: place i is chosen with weight 1/(i+1) (Zipf).
  const zipf = places.map((_, i) => 1 / (i + 1));
  const zipfTotal = zipf.reduce((a, b) => a + b, 0);
  const pickPlace = () => {
    let r = rnd() * zipfTotal;
    for (let i = 0; i < places.length; i++) {
      r -= zipf[i];
      if (r <= 0) return places[i];
    }
    return places[places.length - 1];
  };
  const authority = "Office of Designation Control";
  const department = "Department of Sanctions Policy";
  const newParty = () => {
    const roll = rnd();
    const type = roll < 0.52 ? "Company" : roll < 0.8 ? "Person" : roll < 0.92 ? "Organization" : "Vessel";
    const name =
      type === "Person"
        ? fresh(() => `${word(2)} ${word(2)} ${word(3)}`)
        : type === "Vessel"
          ? fresh(() => `MV ${word(2).toUpperCase()} ${word(1).toUpperCase()}`)
          : type === "Organization"
            ? fresh(() => `${word(3)} ${pick(["Foundation", "Bureau", "Institute", "Corps", "Front"])}`)
            : fresh(() => `${word(2)} ${word(2)} ${pick(FORMS)}`);
    return {
      type,
      name,
      country: pick(COUNTRIES),
      listed: rnd() < REAL_SHAPE.listedShare,
      mentionedOnly: rnd() < REAL_SHAPE.mentionedOnlyShare,
    };
  };
  const everyone = [];
  const sources = [];
  for (let s = 0; s < sourceCount; s++) {
    const year = 2022 + Math.floor((4 * s) / sourceCount);
    const month = String(1 + (s % 12)).padStart(2, "0");
    const published = `${year}-${month}-${String(1 + (s % 27)).padStart(2, "0")}`;
    const cast = [];
    for (let i = 0; i < perSource; i++) {
      const again = everyone.length > 50 && rnd() < REAL_SHAPE.repeatedShare;
      const party = again ? pick(everyone) : newParty();
      if (!again) everyone.push(party);
      if (!cast.includes(party)) cast.push(party);
    }
    const sentences = [`${department} announced actions against a procurement network on ${published}.`];
    const claims = [];
    const say = (sentence, claim) => {
      sentences.push(sentence);
      if (claim) claims.push({ ...claim, quote: sentence });
    };
    const dated = () =>
      rnd() < REAL_SHAPE.datedShare
        ? {
            start: `${year}-${month}-01`,
            end: `${year}-${month}-28`,
            precision: "month",
            text: `${month}/${year}`,
          }
        : null;
    const linked = cast.filter((p) => !p.mentionedOnly);
    for (const party of cast) {
      if (party.mentionedOnly) {
        say(`${party.name} was also named in the filing.`, null);
        continue;
      }
      if (party.listed) {
        // Most designations name the authority; some the department that announces them.
        const by = rnd() < 0.75 ? authority : department;
        say(`${party.name} is being designated by the ${by}.`, {
          subject: party,
          predicate: "sanctioned_by",
          object: by,
          certainty: "stated",
          period: null,
        });
      }
      if (rnd() < 0.45) {
        // A party named again is based where it was first said to be.
        party.place ??= pickPlace();
        say(`${party.name} is based in ${party.place}.`, {
          subject: party,
          predicate: "located_in",
          object: party.place,
          certainty: "stated",
          period: null,
        });
      }
      const ties = 1 + Math.floor(rnd() * 2.6);
      for (let t = 0; t < ties && linked.length > 1; t++) {
        let other = pick(linked);
        if (other === party) other = linked[(linked.indexOf(party) + 1) % linked.length];
        let r = rnd();
        let predicate = TIES[0][0];
        for (const [p, w] of TIES) {
          if (r < w) {
            predicate = p;
            break;
          }
          r -= w;
        }
        const certainty = pick(CERTAINTIES);
        const verb =
          certainty === "stated" ? "" : certainty === "reported" ? "reportedly " : "is believed to have ";
        say(`${party.name} ${verb}${predicate.replace("_", " ")} ${other.name}.`, {
          subject: party,
          predicate,
          object: other,
          certainty,
          period: dated(),
        });
      }
    }
    if (rnd() < 0.5)
      say(`The ${department} works with the ${authority}.`, {
        subject: department,
        predicate: "other",
        object: authority,
        certainty: "stated",
        period: null,
      });
    sources.push({
      title: `Generated designation notice ${s + 1}`,
      publisher: s % 7 === 0 ? "Generated Monitor" : department,
      published,
      url: `https://example.org/generated/notice-${s + 1}`,
      text: `${sentences.join(" ")}\n`,
      cast,
      claims,
    });
  }
  return { sources, parties: everyone, authority, department };
}

/** The invented OFAC legacy CSV (sdn.csv) listing the generated case's listed parties. */
export function listOf(generated) {
  const rows = generated.parties
    .filter((p) => p.listed)
    .map((p, i) => {
      const name =
        p.type === "Person"
          ? `${p.name.split(" ").at(-1).toUpperCase()}, ${p.name.split(" ").slice(0, -1).join(" ")}`
          : p.name.toUpperCase();
      const kind = p.type === "Person" ? "individual" : p.type === "Vessel" ? "vessel" : "-0- ";
      return `${9_500_000 + i},"${name}",${kind},"GENERATED-PROGRAM",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Generated entry; the name is invented."`;
    });
  return `${rows.join("\r\n")}\r\n`;
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/**
 * Writes the case into an empty workspace as extraction would (sources, document-level entities, mentions,
 * claims), writes and loads the list from `dir`, then resolves and screens. `stages` carries the store and
 * stage functions: { db, insertSource, loadLists, runResolution, runScreening }.
 */
export async function writeGeneratedCase(stages, generated, dir) {
  const { db, insertSource, loadLists, runResolution, runScreening } = stages;
  const entities = [];
  const mentions = [];
  const claims = [];
  for (const [s, source] of generated.sources.entries()) {
    const id = sha256(source.text);
    await insertSource(db, {
      id,
      title: source.title,
      author: null,
      publisher: source.publisher,
      published: source.published,
      url: source.url,
      kind: "government",
      reliability: "A",
      format: "text",
      filename: `generated-${s + 1}.txt`,
      text: source.text,
      pageStarts: null,
      ingestedAt: "2026-01-01T00:00:00.000Z",
    });
    // One document-level entity per name in the source, with its first mention.
    const local = new Map();
    const entityOf = (party) => {
      const name = typeof party === "string" ? party : party.name;
      let entityId = local.get(name);
      if (entityId) return entityId;
      entityId = `ent_gen_${s}_${local.size}`;
      local.set(name, entityId);
      const type =
        typeof party !== "string"
          ? party.type
          : name === generated.authority || name === generated.department
            ? "PublicBody"
            : "Place";
      entities.push({
        id: entityId,
        source_id: id,
        type,
        caption: name,
        names: JSON.stringify([name]),
        country: typeof party === "string" ? null : party.country,
        identifiers: "{}",
        properties: "{}",
        producer: "generated",
      });
      const start = source.text.indexOf(name);
      mentions.push({
        id: `men_${entityId}`,
        source_id: id,
        start,
        end: start + name.length,
        text: name,
        type,
        entity_id: entityId,
        producer: "generated",
      });
      return entityId;
    };
    for (const party of source.cast) entityOf(party);
    for (const [c, claim] of source.claims.entries()) {
      const start = source.text.indexOf(claim.quote);
      claims.push({
        id: `clm_gen_${s}_${c}`,
        subject_id: entityOf(claim.subject),
        predicate: claim.predicate,
        object_id: entityOf(claim.object),
        period: claim.period ? JSON.stringify(claim.period) : null,
        amount: null,
        product_id: null,
        via_id: null,
        source_id: id,
        start,
        end: start + claim.quote.length,
        quote: claim.quote,
        attribution: claim.certainty === "reported" ? "press reports" : null,
        certainty: claim.certainty,
        status: "proposed",
        producer: "generated",
        probability: null,
      });
    }
  }
  const CHUNK = 400;
  await db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ["entities", entities],
      ["mentions", mentions],
      ["claims", claims],
    ]) {
      for (let i = 0; i < rows.length; i += CHUNK)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + CHUNK))
          .execute();
    }
  });
  const listDir = join(dir, "generated-list");
  mkdirSync(listDir, { recursive: true });
  writeFileSync(join(listDir, "sdn.csv"), listOf(generated));
  await loadLists(db, [listDir]);
  await runResolution(db);
  await runScreening(db, undefined);
  await runResolution(db);
  return { sources: generated.sources.length, documentEntities: entities.length, claims: claims.length };
}
