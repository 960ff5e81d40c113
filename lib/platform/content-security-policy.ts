// The Content-Security-Policy of every page. Scripts run only with the
// request's nonce (Next.js puts it on its own scripts, which then load their
// chunks: 'strict-dynamic'), the theme script by its hash, and never eval;
// images only from
// this site (a tracking pixel in a pitch loads nothing); no page may be framed
// (clickjacking on organizer pages).
//
// A page stored whole and served to everyone (an article, app/articles/[slug])
// can't carry a per-request nonce: it allows this site's inline scripts
// instead. Its HTML is rendered from Markdown sanitized with GitHub's
// allow-list, so no script of an author's reaches it.
import { createHash, randomBytes } from "node:crypto";
import { THEME_SCRIPT } from "./theme-script";

const hash = (source: string) => `'sha256-${createHash("sha256").update(source).digest("base64")}'`;
const THEME = hash(THEME_SCRIPT);

/** Pages stored whole (rendered once, served as stored until their data changes). */
export const isStoredPage = (pathname: string) => /^\/articles\/[^/]+\/?$/.test(pathname);

/** Pages another site may frame: none today. */
const EMBEDDABLE: RegExp[] = [];

export const newNonce = () => randomBytes(16).toString("base64");

export function contentSecurityPolicy({ pathname, nonce, development = false }: { pathname: string; nonce: string | null; development?: boolean }): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' ${THEME} 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    // React's development build rebuilds server error stacks with eval
    `script-src ${scripts}${development ? " 'unsafe-eval'" : ""}`,
    // inline styles are allowed: the code editor (CodeMirror) inserts its own <style>, pages set widths
    // in style attributes (progress bars, timers); a style can't run code, and scripts are what is locked
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${EMBEDDABLE.some((r) => r.test(pathname)) ? "'self'" : "'none'"}`,
  ].join("; ");
}
