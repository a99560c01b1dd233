import type { ReactElement } from 'react';

/**
 * The default look of the components (tiles, badges, overlay, device picker), scoped to `smartc-*` class names.
 * The layout they need to work is inline; this only styles them. Render {@link SmaRTCStyles} once, copy it into
 * your own CSS, or override any class.
 */
export const SMARTC_STYLES = `
.smartc-grid { padding: 8px; }
.smartc-tile { background: #111; border-radius: 8px; overflow: hidden; color: #fff; font: 13px/1.3 system-ui, sans-serif; }
.smartc-tile__video { aspect-ratio: 16 / 9; object-fit: cover; background: #000; }
.smartc-tile__placeholder { display: flex; align-items: center; justify-content: center; font-size: 40px; background: #2a2a2a; }
.smartc-tile__bar { position: absolute; left: 0; right: 0; bottom: 0; display: flex; gap: 6px; align-items: center; padding: 4px 8px; background: linear-gradient(transparent, rgba(0,0,0,.7)); }
.smartc-tile__name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.smartc-tile__muted { padding: 0 4px; border-radius: 4px; background: #b3261e; }
.smartc-tile__play { border: 0; background: rgba(0,0,0,.6); color: #fff; font: inherit; font-size: 16px; cursor: pointer; }
.smartc-quality { padding: 0 6px; border-radius: 8px; font-size: 11px; text-transform: uppercase; }
.smartc-quality--good { background: #1e7d32; }
.smartc-quality--warning { background: #b26a00; }
.smartc-quality--bad { background: #b3261e; }
.smartc-devices { display: flex; flex-wrap: wrap; gap: 8px; font: 13px system-ui, sans-serif; }
.smartc-devices label { display: flex; flex-direction: column; gap: 2px; }
.smartc-devices__error { color: #b3261e; }
`;

/**
 * Renders {@link SMARTC_STYLES} in a `<style>` element; render it once, anywhere (server rendering included).
 *
 * @example
 * <SmaRTCProvider options={options}>
 *   <SmaRTCStyles />
 *   <ParticipantGrid />
 * </SmaRTCProvider>
 */
export function SmaRTCStyles(): ReactElement {
  return <style data-smartc-styles="">{SMARTC_STYLES}</style>;
}
