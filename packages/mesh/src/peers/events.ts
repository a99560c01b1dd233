import type { SmaRTCError } from '@smartc/core';
import type { DataChannelKind, PeerState, ReceivedData } from './types.js';

/** Why a peer's connection ended. */
export type PeerDisconnectReason = 'left' | 'failed' | 'rebuilt' | 'closed';

/** Payload of `mesh-limit`: the mesh is larger than what is connected or carried well. */
export interface MeshLimitWarning {
  /** `max-direct-peers`: `peerId` is not connected. `uplink`: many peers receive your video. */
  reason: 'max-direct-peers' | 'uplink';
  /** Peers with a connection now. */
  connectedPeers: number;
  limit: number;
  /** The peer left unconnected (`max-direct-peers`). */
  peerId?: string;
  message: string;
}

/**
 * The one EventMap of {@link MeshPeerManager}.
 *
 * @example
 * mesh.on('remote-stream', (peerId, stream) => attach(peerId, stream));
 * mesh.on('data', (peerId, data, channel) => console.log(peerId, channel, data));
 * mesh.on('peer-failed', (peerId, error) => console.warn(peerId, error.code));
 */
export type MeshPeerEvents = {
  /** The peer's connection reached `connected` (again after a recovery, too). */
  'peer-connected': [peerId: string];
  /** The peer's connection ended (it left, failed, was rebuilt, or the manager closed). */
  'peer-disconnected': [peerId: string, reason: PeerDisconnectReason];
  /** Every state change of a peer. */
  'peer-state': [peerId: string, state: PeerState];
  /** A remote track arrived. */
  'remote-track': [peerId: string, track: MediaStreamTrack, streams: readonly MediaStream[]];
  /** A remote stream was seen for the first time. */
  'remote-stream': [peerId: string, stream: MediaStream];
  /** A data-channel message. */
  data: [peerId: string, data: ReceivedData, channel: DataChannelKind];
  /** A data channel opened. */
  'channel-open': [peerId: string, channel: DataChannelKind];
  /** A data channel closed. */
  'channel-close': [peerId: string, channel: DataChannelKind];
  /** ICE restarts ran out for this peer (`PEER_CONNECTION_FAILED`); other peers are not affected. */
  'peer-failed': [peerId: string, error: SmaRTCError];
  /** An ICE restart began for this peer. */
  'ice-restart': [peerId: string, attempt: number];
  /** The mesh is larger than `maxDirectPeers`, or than what uplinks carry well. */
  'mesh-limit': [warning: MeshLimitWarning];
  /** A negotiation step failed, or a signal could not be sent. */
  error: [error: SmaRTCError, peerId?: string];
};
