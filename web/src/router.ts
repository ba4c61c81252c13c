// Hash routing (#/page/arg?query): the server serves one index.html and never sees workbench routes.
import { useEffect, useState } from "react";

/** A parsed route. */
export interface Route {
  page: string;
  arg: string | null;
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const [path, qs] = hash.replace(/^#\/?/, "").split("?");
  const [page, ...rest] = path.split("/");
  return {
    page: page || "search",
    arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
    query: new URLSearchParams(qs ?? ""),
  };
}

/** The current route, updated on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** The href of a route. */
export function href(
  page: string,
  arg?: string | null,
  query: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return `#/${page}${arg ? `/${encodeURIComponent(arg)}` : ""}${qs ? `?${qs}` : ""}`;
}

/** The address of the current page with some query parameters changed (undefined or "" removes one). */
export function hrefWith(changes: Record<string, string | number | undefined>): string {
  const route = parse(window.location.hash);
  const query: Record<string, string> = Object.fromEntries(route.query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") delete query[key];
    else query[key] = String(value);
  }
  return href(route.page, route.arg, query);
}

/**
 * Changes query parameters of the current address. `replace` rewrites it without a history entry or a
 * hashchange, for state the page already shows (a selection, an expansion, rows shown); otherwise the
 * page navigates to the new address.
 */
export function setQuery(
  changes: Record<string, string | number | undefined>,
  { replace = false }: { replace?: boolean } = {},
): void {
  const next = hrefWith(changes);
  if (replace) window.history.replaceState(window.history.state, "", next);
  else window.location.hash = next;
}

/** A page number from the address (1 when absent or not a number). */
export function pageOf(query: URLSearchParams, key = "page"): number {
  const value = Number(query.get(key));
  return Number.isInteger(value) && value > 0 ? value : 1;
}

/** Only web addresses become links; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
