// The one escaping helper of the reports: document text (quotes, names, titles) is always text, never
// markup, in HTML, SVG, XML and Markdown (OWASP XSS Prevention Cheat Sheet, rule 1; XML 1.0 §2.2 Char).
const NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML/XML element content and quoted attribute values, and drops characters that
 * XML 1.0 forbids (C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF).
 * `quotes: false` leaves quote marks as they are, for element content only (Markdown text).
 */
export function escapeHtml(text: unknown, quotes = true): string {
  const value = String(text ?? "");
  // Most names and quotes need nothing: one scan decides (exports escape millions of values).
  if (!NEEDS_WORK.test(value)) return value;
  const escaped = value
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "",
    )
    .replace(quotes ? /[&<>"']/g : /[&<>]/g, (c) => SPECIAL[c]);
  return escaped;
}

/**
 * Escapes text for Markdown: Markdown's own marks get a backslash, then the text is HTML-escaped
 * (renderers pass raw HTML through); line breaks become spaces so text stays in its table cell or item.
 */
export function escapeMarkdown(text: unknown): string {
  return escapeHtml(String(text ?? "").replace(/[\\`*_[\]#|~]/g, "\\$&"), false).replace(/\r?\n/g, " ");
}

/** A URL safe to put in href: only http(s) addresses pass; anything else (javascript:, data:) gives null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : null;
}
