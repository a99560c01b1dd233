/** Headers of every page and script the server serves itself. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/**
 * The Content-Security-Policy of HTML pages: scripts, styles and data from this origin only (no inline
 * script or style), WebSockets to the hub, images and media from local streams.
 */
export const PAGE_CSP =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; frame-ancestors 'none'";
