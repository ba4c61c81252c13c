// Uploaded files: the raw bytes of a request body (application/octet-stream, bounded by the upload limit),
// written to a scratch folder under a safe name for a stage that reads files, and removed afterwards.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { SkeinError } from "../model/index.js";

/** A file name safe to write in a scratch folder: the basename's letters, digits, dots, dashes. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "upload";
  return (
    base
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^\.+/, "")
      .slice(-120) || "upload"
  );
}

/** Accepts application/octet-stream bodies as raw bytes, up to the upload limit. */
export function acceptUploads(app: FastifyInstance): void {
  app.addContentTypeParser(
    "application/octet-stream",
    { parseAs: "buffer", bodyLimit: app.skein.config.maxUploadBytes },
    (_req, body, done) => done(null, body),
  );
}

/** Writes an uploaded body to a scratch file named after `filename`, runs `read` on it, then removes it. */
export async function withUploadedFile<T>(
  body: unknown,
  filename: string,
  read: (file: string) => Promise<T>,
): Promise<T> {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new SkeinError("SERVER_BAD_REQUEST", "upload: send the file's bytes as application/octet-stream", {
      part: "body",
    });
  }
  const dir = await mkdtemp(join(tmpdir(), "skein-upload-"));
  try {
    const file = join(dir, safeName(filename));
    await writeFile(file, body);
    return await read(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
