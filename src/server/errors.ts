// The API's one error shape (STYLE.md "API client": statusCode, code, error, message, details): every
// error, Skein's or fastify's, is turned into it here; 5xx answers carry a generic message and a request id.
import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ErrorCode, SkeinError } from "../model/index.js";

/** The JSON body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  details: Record<string, unknown>;
  /** yente's own error field, on the yente-compatible routes only. */
  detail?: string;
}

/** fastify's own client-error codes and the Skein code each is reported as. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "SERVER_BAD_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "SERVER_BAD_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "SERVER_BODY_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "SERVER_UNSUPPORTED_MEDIA",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "SERVER_BAD_REQUEST",
  FST_ERR_VALIDATION: "SERVER_BAD_REQUEST",
};

function body(
  statusCode: number,
  code: string,
  message: string,
  details: Record<string, unknown>,
): ErrorBody {
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? "Error", message, details };
}

/** A validation failure: which part (body, query, params) and which field, in words a person can act on. */
function validationBody(error: FastifyError): ErrorBody {
  const part = error.validationContext ?? "request";
  const first = error.validation?.[0];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  const path = (first?.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
  const field = [path, params.missingProperty ?? params.additionalProperty].filter(Boolean).join(".") || null;
  const allowed = Array.isArray(params.allowedValues) ? ` (one of: ${params.allowedValues.join(", ")})` : "";
  const what = first?.message ?? error.message;
  return body(400, "SERVER_BAD_REQUEST", `${part}${field ? ` field "${field}"` : ""}: ${what}${allowed}`, {
    part,
    field,
    problems: (error.validation ?? []).slice(0, 10).map((v) => ({
      field: (v.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".") || null,
      message: v.message ?? "invalid",
    })),
  });
}

/** Turns any thrown value into the API's error body; unknown errors become a generic 500. */
export function toErrorBody(error: unknown, requestId: string): ErrorBody {
  if (error instanceof SkeinError && error.family !== "internal") {
    return body(error.httpStatus, error.code, error.message, { ...error.details, hint: error.hint });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) return validationBody(fastifyError);
  const mapped = fastifyError?.code ? FRAMEWORK_CODES[fastifyError.code] : undefined;
  const status = fastifyError?.statusCode;
  if (mapped || (typeof status === "number" && status >= 400 && status < 500)) {
    const code = mapped ?? "SERVER_BAD_REQUEST";
    const statusCode = typeof status === "number" && status >= 400 && status < 500 ? status : 400;
    return body(statusCode, code, fastifyError.message, {});
  }
  return body(
    500,
    "SERVER_INTERNAL",
    `internal error: this is a bug in Skein; report it with request id ${requestId}`,
    { requestId },
  );
}

/** Installs the error and not-found handlers that give every failure the one JSON shape. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const out = toErrorBody(error, String(request.id));
    if (out.statusCode >= 500) request.log.error({ err: error, requestId: request.id }, "request failed");
    else request.log.info({ code: out.code, message: out.message }, "request refused");
    if (request.routeOptions.config?.yente) out.detail = out.message;
    return reply.status(out.statusCode).type("application/json; charset=utf-8").send(out);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const out = body(404, "SERVER_UNKNOWN_ROUTE", `no route ${request.method} ${request.url.split("?")[0]}`, {
      method: request.method,
      path: request.url.split("?")[0].slice(0, 200),
    });
    request.log.info({ code: out.code }, "unknown route");
    return reply.status(404).send(out);
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** True on yente-compatible routes: errors also carry yente's `detail` field. */
    yente?: boolean;
  }
}
