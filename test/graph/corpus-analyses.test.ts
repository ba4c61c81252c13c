// The analyses on a real corpus: the 553 Treasury press releases investigated against the 2024-05 SDN
// set and the UN list. Places, states, designating and investigating bodies and links whose types
// contradict their predicate must never rank among the designation candidates or intermediaries.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildNetwork,
  type Candidate,
  edgeKeyOf,
  findCandidates,
  findIntermediaries,
  type Network,
} from "../../src/graph/index.js";
import { readCaseView } from "../../src/resolve/index.js";
import { openWorkspace } from "../../src/store/index.js";
import { CLI, REPO_ROOT, sharedPath } from "../helpers/shared.js";

const CORPUS = sharedPath("corpus/treasury-press-releases");
const TOP = 50;

describe.skipIf(!existsSync(CORPUS))("analyses of the Treasury press releases", () => {
  const dir = mkdtempSync(join(tmpdir(), "skein-corpus-"));
  let network: Network;
  let candidates: Candidate[];
  beforeAll(async () => {
    const run = spawnSync(
      "node",
      [
        CLI,
        "investigate",
        CORPUS,
        "--lists",
        sharedPath("data/ofac-sdn-csv-2024-05"),
        sharedPath("data/un-sc-consolidated/UN_consolidated.xml"),
        "--out",
        join(dir, "out"),
        "--workspace",
        join(dir, "case.db"),
      ],
      { encoding: "utf8", cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    const workspace = await openWorkspace(join(dir, "case.db"));
    try {
      network = buildNetwork(await readCaseView(workspace.db), undefined);
    } finally {
      await workspace.close();
    }
    candidates = findCandidates(network, { limit: TOP });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What is wrong with an entity ranked as a party, or null. */
  const notAParty = (id: string) => {
    const node = network.getNodeAttributes(id);
    if (node.type === "Place") return `${node.caption} is a place`;
    if (node.role !== "party") return `${node.caption} is ${node.role}`;
    return null;
  };

  it("ranks parties only among the top candidates, through links whose types fit", () => {
    expect(candidates).toHaveLength(TOP);
    const wrong: string[] = [];
    for (const candidate of candidates) {
      const problem = notAParty(candidate.entity.id);
      if (problem) wrong.push(problem);
      for (const path of candidate.paths) {
        for (const hop of path) {
          for (const id of [hop.from, hop.to]) {
            const step = notAParty(id);
            if (step) wrong.push(`${candidate.entity.caption}: step ${step}`);
          }
          const edge = network.getEdgeAttributes(edgeKeyOf(hop.subjectId, hop.predicate, hop.objectId));
          if (edge.contradicts) wrong.push(`${candidate.entity.caption}: ${hop.predicate} contradicts types`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("discriminates at the top: few candidates share the best score, and one release is one witness", () => {
    const best = candidates[0].score;
    expect(candidates.filter((c) => c.score === best).length).toBeLessThanOrEqual(2);
    for (const candidate of candidates) expect(candidate.origins).toBeLessThanOrEqual(candidate.documents);
  });

  it("names parties only among the top intermediaries", () => {
    const top = findIntermediaries(network, { limit: TOP });
    expect(top.length).toBeGreaterThan(0);
    expect(top.map((i) => notAParty(i.entity.id)).filter(Boolean)).toEqual([]);
  });
});
