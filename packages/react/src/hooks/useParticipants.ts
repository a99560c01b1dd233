import { type CallParticipant, type CallSnapshot, participantOf } from '@smartc/mesh';
import { useCallback } from 'react';
import type { CallStore } from '../callStore.js';
import { useCallSelector } from './useCallSelector.js';

const selectParticipants = (s: CallSnapshot) => s.participants;

/**
 * The remote participants, in join order (you are `useCall().self`). The array is the snapshot's own: the same
 * object until a participant joins, leaves or changes (stats included; for one tile, prefer `useParticipant`).
 *
 * @example
 * function Roster() {
 *   const participants = useParticipants();
 *   return <ul>{participants.map((p) => <li key={p.peerId}>{p.username} ({p.connectionState})</li>)}</ul>;
 * }
 */
export function useParticipants(call?: CallStore): ReadonlyArray<CallParticipant> {
  return useCallSelector(selectParticipants, Object.is, call);
}

/**
 * One remote participant by peerId (`null` when unknown or gone). Re-renders only when that participant changes.
 *
 * @example
 * function Name({ peerId }: { peerId: string }) {
 *   const participant = useParticipant(peerId);
 *   return <span>{participant?.username ?? 'left'}</span>;
 * }
 */
export function useParticipant(peerId: string | null | undefined, call?: CallStore): CallParticipant | null {
  const select = useCallback((s: CallSnapshot) => participantOf(s, peerId) ?? null, [peerId]);
  return useCallSelector(select, Object.is, call);
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
const selectIds = (s: CallSnapshot): readonly string[] => s.participants.map((p) => p.peerId);

/**
 * The peerIds of the remote participants, in join order: the same array until someone joins or leaves (not when
 * their stats or media change). What a grid needs to lay out its tiles.
 *
 * @example
 * function Tiles() {
 *   const peerIds = useParticipantIds();
 *   return peerIds.map((peerId) => <VideoTile key={peerId} peerId={peerId} />);
 * }
 */
export function useParticipantIds(call?: CallStore): readonly string[] {
  return useCallSelector(selectIds, sameIds, call);
}
