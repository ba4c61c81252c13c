// Upload documents (their bytes, one request each) with optional metadata, then run extraction, resolution
// and screening over them with progress.
import { useEffect, useState } from "react";
import { ApiError, getJson, postBytes, postJson } from "../api";
import { ErrorNote } from "../components";
import { useVocabulary } from "../vocabulary";

interface UploadResult {
  status: string;
  sourceId: string;
  title: string | null;
}

interface Run {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  done: number;
  current: string | null;
  by: string;
  summary: { claims: number; entities: number; matches: number } | null;
  error: { code: string; message: string } | null;
}

/** How often the page asks how a run is going, and how many failed asks in a row end the wait. */
const POLL_MS = 400;
const MAX_MISSES = 5;

/** The upload page. */
export function UploadPage() {
  const { vocabulary } = useVocabulary();
  const [files, setFiles] = useState<File[]>([]);
  const [meta, setMeta] = useState({ publisher: "", published: "", kind: "", reliability: "" });
  const [uploaded, setUploaded] = useState<Array<UploadResult & { file: string }>>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [busy, setBusy] = useState(false);

  const [misses, setMisses] = useState(0);

  // Polls the run until it ends. A failed poll is retried; after MAX_MISSES in a row the page stops
  // waiting and says so, so that the button never stays disabled for a run that has ended unseen.
  useEffect(() => {
    if (!run || run.status === "done" || run.status === "failed") return;
    const timer = setTimeout(
      () => {
        getJson<Run>(`/api/extraction-runs/${run.id}`)
          .then((next) => {
            setMisses(0);
            setRun(next);
          })
          .catch((e: unknown) => {
            if (misses + 1 < MAX_MISSES) {
              setMisses(misses + 1);
              setRun({ ...run });
              return;
            }
            setMisses(0);
            const message = `lost track of the run: ${e instanceof ApiError ? e.message : String(e)}`;
            setRun({ ...run, status: "failed", current: null, error: { code: "POLL", message } });
          });
      },
      POLL_MS * (misses + 1),
    );
    return () => clearTimeout(timer);
  }, [run, misses]);

  const upload = async () => {
    setBusy(true);
    const done: Array<UploadResult & { file: string }> = [];
    const failed: string[] = [];
    for (const file of files) {
      const params = new URLSearchParams({ filename: file.name });
      for (const [k, v] of Object.entries(meta)) if (v) params.set(k, v);
      try {
        done.push({ ...(await postBytes<UploadResult>(`/api/sources?${params}`, file)), file: file.name });
      } catch (e) {
        failed.push(`${file.name}: ${e instanceof ApiError ? e.message : String(e)}`);
      }
    }
    setUploaded(done);
    setErrors(failed);
    setBusy(false);
  };

  const extract = async () => {
    try {
      setRun(await postJson<Run>("/api/extraction-runs", { sources: uploaded.map((u) => u.sourceId) }));
    } catch (e) {
      setErrors([e instanceof ApiError ? e.message : String(e)]);
    }
  };

  return (
    <div className="upload">
      <h1>Add documents</h1>
      <p className="muted">Text, Markdown, HTML, PDF or FollowTheMoney JSON lines.</p>
      <input
        type="file"
        multiple
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
        aria-label="documents"
      />
      <div className="meta">
        <input
          placeholder="publisher"
          value={meta.publisher}
          onChange={(e) => setMeta({ ...meta, publisher: e.target.value })}
        />
        <input
          placeholder="published YYYY-MM-DD"
          value={meta.published}
          onChange={(e) => setMeta({ ...meta, published: e.target.value })}
        />
        <select
          value={meta.kind}
          onChange={(e) => setMeta({ ...meta, kind: e.target.value })}
          aria-label="kind"
        >
          <option value="">kind…</option>
          {vocabulary.sourceKinds.map((k) => (
            <option key={k.name} value={k.name}>
              {k.label}
            </option>
          ))}
        </select>
        <select
          value={meta.reliability}
          onChange={(e) => setMeta({ ...meta, reliability: e.target.value })}
          aria-label="reliability"
        >
          <option value="">reliability…</option>
          {vocabulary.reliabilityGrades.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}: {g.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={upload} disabled={busy || files.length === 0}>
        Upload {files.length || ""}
      </button>
      {errors.map((e) => (
        <ErrorNote key={e} error={e} />
      ))}
      {uploaded.length ? (
        <div>
          <ul className="plain">
            {uploaded.map((u) => (
              <li key={u.sourceId}>
                {u.file}: {u.status} <span className="muted">{u.sourceId.slice(0, 12)}</span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={extract}
            disabled={run !== null && run.status !== "done" && run.status !== "failed"}
          >
            Run extraction
          </button>
        </div>
      ) : null}
      {run ? (
        <div className="run" data-status={run.status}>
          <progress max={run.total} value={run.done} /> {run.done}/{run.total} {run.current ?? run.status}{" "}
          <span className="muted">started by {run.by}</span>
          {run.summary ? (
            <p>
              Done: claims {run.summary.claims}, entities {run.summary.entities}, list matches{" "}
              {run.summary.matches}.
            </p>
          ) : null}
          {run.error ? <ErrorNote error={run.error.message} /> : null}
        </div>
      ) : null}
    </div>
  );
}
