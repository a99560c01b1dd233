import type { QualityPreset } from '../quality/presets.js';
import type { LegacyPeerStats } from '../stats/legacy.js';
import type { WebRTCOption } from '../webrtc/webRTCImplementation.js';

/**
 * A quality of {@link SmaRTCClient}: the documented `low | medium | high | auto`, plus the original
 * enum names `veryLow` (→ `low`) and `veryHigh` (→ `high`).
 */
export type SmaRTCQuality = QualityPreset | 'auto' | 'veryLow' | 'veryHigh';

/** Options of {@link SmaRTCClient} (the original SDK's `ConnectionConfig`). */
export interface SmaRTCClientOptions {
  /** Server origin, e.g. `http://localhost:8080`. */
  serverUrl: string;
  /** The room to join (with a demo-mode server, any name creates an ad-hoc room). */
  sessionId: string;
  /** Your display name (with a `token`, the server uses the account's username). */
  username: string;
  /** Accepted for compatibility: the mesh is the only topology, so `false` still connects a mesh. */
  enableMesh?: boolean;
  /** Peers beyond this many are not connected. Default 8. */
  maxDirectPeers?: number;
  /** ICE servers for every peer connection (default: the ones the server gives at join). */
  iceServers?: RTCIceServer[];
  /** Video quality applied to every video sender. Default: the implementation's encodings, untouched. */
  quality?: SmaRTCQuality;
  /** Access token: joins as that account. Without it, joins as a guest (the server must allow guests). */
  token?: string;
  /** WebRTC classes; browser globals by default. In Node: `import wrtc from '@roamhq/wrtc'`. */
  webrtc?: WebRTCOption;
  /** Milliseconds between two stats samples (and `stats` events) per peer. Default 2000. */
  statsIntervalMs?: number;
}

/** One entry of {@link SmaRTCClient.getPeers}. */
export interface SmaRTCPeer {
  peerId: string;
  username: string;
  /** The RTCPeerConnection with this peer (read it, do not negotiate on it). */
  connection: RTCPeerConnection;
  /** Current round-trip time in ms; `null` until measured. */
  latency: number | null;
  /** Whether the selected candidate pair goes through a TURN relay. */
  isRelay: boolean;
  connectionState: 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';
}

/** Payload of the `stats` event: one peer's {@link LegacyPeerStats}, plus the original event's names. */
export interface SmaRTCStatsEvent extends LegacyPeerStats {
  peerId: string;
  username: string;
  /** Same as `bitrate` (the original `stats` event's name). */
  bandwidth: number | null;
  /** Same as `latency` (the original `stats` event's name). */
  roundTripTime: number | null;
}

/** Maps a quality name (documented or original enum) to what `applyQuality` takes; unknown → `null`. */
export function normalizeQuality(level: string): QualityPreset | 'auto' | null {
  switch (level) {
    case 'veryLow':
    case 'low':
      return 'low';
    case 'medium':
      return 'medium';
    case 'high':
    case 'veryHigh':
      return 'high';
    case 'auto':
      return 'auto';
    default:
      return null;
  }
}
