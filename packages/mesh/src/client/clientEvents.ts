import type { SmaRTCError } from '@smartc/core';
import type { QualityLevel, QualityReason } from '../quality/thresholds.js';
import type { SmaRTCQuality, SmaRTCStatsEvent } from './legacy.js';

/**
 * The one EventMap of {@link SmaRTCClient}: the original SDK's events, every one of them emitted.
 *
 * @example
 * client.on('peer-joined', (peerId, username) => console.log(`${username} joined`));
 * client.on('remote-stream', (peerId, stream, username) => attach(peerId, stream));
 * client.on('message', (peerId, data) => console.log(peerId, data));
 * client.on('quality-changed', (peerId, level, reasons) => console.log(peerId ?? 'me', level, reasons));
 */
export type SmaRTCClientEvents = {
  /** `connect()` joined the session. */
  connected: [];
  /** `disconnect()` left, or the session ended / signaling gave up. */
  disconnected: [];
  /** A participant is in the session (also for those already there when you join). Once per peerId. */
  'peer-joined': [peerId: string, username: string];
  /** A participant left. */
  'peer-left': [peerId: string];
  /** A participant's media stream arrived (once per stream). */
  'remote-stream': [peerId: string, stream: MediaStream, username: string];
  /** A data-channel message: objects sent with `sendMessage`/`broadcast` come back parsed. */
  message: [peerId: string, data: unknown];
  /** A new stats sample of one peer (every stats interval). */
  stats: [stats: SmaRTCStatsEvent];
  /**
   * A peer's connection quality changed (`good | warning | bad` with reasons), or — with `peerId`
   * `undefined` — your sending quality was changed by `setQuality` (`low | medium | high | auto`).
   */
  'quality-changed': [
    peerId: string | undefined,
    level: QualityLevel | SmaRTCQuality,
    reasons: readonly QualityReason[],
  ];
  /** The signaling connection was lost; peer connections and media are kept meanwhile. */
  reconnecting: [];
  /** Signaling is back and the session rejoined (`resumed`: same peerId). */
  reconnected: [peerId: string, resumed: boolean];
  /** A failure: peer connection failed, signaling error, join failure, `setQuality` refused… */
  error: [error: SmaRTCError];
};
