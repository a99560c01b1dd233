// A remote tile's connection figures (RTT, received bitrate, loss) and its quality badge, from the call
// snapshot's `stats` (rates over the last interval; null = not known yet) and `quality` ({ level, reasons }).
import { getLocale, t } from './i18n.js';

function number(value, fractionDigits = 0) {
  return new Intl.NumberFormat(getLocale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** Received kbps, audio and video together; null while neither is known. */
function receivedKbps(inbound) {
  if (inbound.audioKbps === null && inbound.videoKbps === null) return null;
  return (inbound.audioKbps ?? 0) + (inbound.videoKbps ?? 0);
}

/** The three figures as text ('–' when unknown). */
export function formatStats(stats) {
  const unknown = '–';
  const kbps = receivedKbps(stats.inbound);
  const loss = stats.inbound.packetLossPercent;
  return {
    rtt: stats.rttMs === null ? unknown : `${number(stats.rttMs)} ms`,
    bitrate: kbps === null ? unknown : `${number(kbps)} kbps`,
    loss: loss === null ? unknown : `${number(loss, 1)} %`,
  };
}

/** Fills the `<dl>` of a tile (hidden until the first sample). */
export function renderStats(list, stats) {
  list.hidden = !stats;
  if (!stats) return;
  const texts = formatStats(stats);
  for (const dd of list.querySelectorAll('[data-stat]')) {
    const text = texts[dd.dataset.stat];
    if (dd.textContent !== text) dd.textContent = text;
  }
}

/** The quality badge: its level (good | warning | bad) as a word, and why in its accessible name. */
export function renderQuality(badge, quality) {
  badge.hidden = !quality;
  if (!quality) return;
  const level = t(`quality.${quality.level}`);
  const reasons = quality.reasons.map((reason) => t(`reason.${reason}`)).join(', ');
  const label = t('qualityLabel', { level }) + (reasons ? ` (${reasons})` : '');
  badge.dataset.level = quality.level;
  badge.textContent = level;
  badge.title = label;
  badge.setAttribute('aria-label', label);
}
