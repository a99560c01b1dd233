import type { SignalingClient, Unsubscribe } from '@smartc/core';
import type { MeshPeerManager } from '../peers/meshPeerManager.js';
import type { QualityMonitor } from '../quality/qualityMonitor.js';
import type { StatsCollector } from '../stats/collector.js';
import type { CallAction } from './callReducer.js';

type Dispatch = (action: CallAction) => void;

/** Signaling events → call actions. Returns the unsubscribe functions. */
export function wireSignaling(signaling: SignalingClient, dispatch: Dispatch): Unsubscribe[] {
  return [
    signaling.on('connection-state', ({ state, reason, error }) =>
      dispatch({
        type: 'signaling-state',
        state,
        ...(reason ? { reason } : {}),
        ...(error ? { error } : {}),
      }),
    ),
    signaling.on('peer-joined', (peer) => dispatch({ type: 'peer-joined', peer })),
    signaling.on('peer-left', (peer) => dispatch({ type: 'peer-left', peerId: peer.peerId })),
    signaling.on('media-state', (peerId, media) => dispatch({ type: 'media-state', peerId, media })),
    signaling.on('message', (message) => dispatch({ type: 'message', message })),
    signaling.on('rejoined', ({ peerId, resumed, result }) =>
      dispatch({ type: 'rejoined', peerId, resumed, peers: result.peers }),
    ),
    signaling.on('session-ended', () => dispatch({ type: 'left' })),
    signaling.on('error', (error) => dispatch({ type: 'signaling-error', error })),
  ];
}

/** Mesh, stats and quality events → call actions (and stats polling of connected peers). */
export function wireMesh(
  mesh: MeshPeerManager,
  collector: StatsCollector,
  quality: QualityMonitor,
  dispatch: Dispatch,
): Unsubscribe[] {
  return [
    mesh.on('peer-state', (peerId, state) => dispatch({ type: 'peer-state', peerId, state })),
    mesh.on('remote-stream', (peerId, stream) => dispatch({ type: 'remote-stream', peerId, stream })),
    mesh.on('peer-connected', (peerId) => {
      const peer = mesh.getPeer(peerId);
      if (peer && !collector.peerIds().includes(peerId)) collector.add(peerId, peer.pc);
    }),
    mesh.on('peer-disconnected', (peerId, reason) => {
      collector.remove(peerId);
      quality.remove(peerId);
      if (reason === 'rebuilt') dispatch({ type: 'peer-reset', peerId });
    }),
    mesh.on('mesh-limit', (warning) => dispatch({ type: 'warning', warning })),
    collector.on('stats', (peerId, stats) =>
      dispatch({ type: 'stats', peerId, stats, quality: quality.get(peerId) }),
    ),
    quality.on('quality-changed', (peerId, report) => dispatch({ type: 'quality', peerId, quality: report })),
  ];
}
