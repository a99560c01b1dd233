import { type CallParticipant, type CallSnapshot, participantOf } from '@smartc/mesh';
import { useCallback } from 'react';
import type { CallStore } from '../callStore.js';
import { sameQuality } from '../internal/equality.js';
import { useCallSelector } from './useCallSelector.js';

/** One field of one participant, re-rendering only when that field changes. */
function useParticipantField<K extends keyof CallParticipant>(
  peerId: string | null | undefined,
  key: K,
  call: CallStore | undefined,
  isEqual: (a: CallParticipant[K] | null, b: CallParticipant[K] | null) => boolean = Object.is,
): CallParticipant[K] | null {
  const select = useCallback((s: CallSnapshot) => participantOf(s, peerId)?.[key] ?? null, [peerId, key]);
  return useCallSelector(select, isEqual, call);
}

/**
 * The remote `MediaStream` of a participant (`null` until its first track arrives, or when it left). The same
 * object for the life of the connection: attach it once.
 *
 * @example
 * function RemoteAudio({ peerId }: { peerId: string }) {
 *   const stream = useRemoteStream(peerId);
 *   const ref = useRef<HTMLAudioElement>(null);
 *   useEffect(() => { if (ref.current) ref.current.srcObject = stream; }, [stream]);
 *   return <audio ref={ref} autoPlay />;
 * }
 */
export function useRemoteStream(peerId: string | null | undefined, call?: CallStore): MediaStream | null {
  return useParticipantField(peerId, 'stream', call);
}

/**
 * The stats of the connection with a participant, as rates over the last interval (RTT in ms, bitrates in kbps,
 * loss %, jitter, fps, resolution, candidate types); `null` before the first sample. Changes every stats interval
 * (2 s by default).
 *
 * @example
 * function PeerStatsLine({ peerId }: { peerId: string }) {
 *   const stats = usePeerStats(peerId);
 *   if (!stats) return null;
 *   return <small>RTT {stats.rttMs ?? '–'} ms · {stats.inbound.videoKbps ?? '–'} kbps</small>;
 * }
 */
export function usePeerStats(peerId: string | null | undefined, call?: CallStore): CallParticipant['stats'] {
  return useParticipantField(peerId, 'stats', call);
}

type Quality = CallParticipant['quality'];

/**
 * The quality of the connection with a participant: `{ level: 'good' | 'warning' | 'bad', reasons }`, or `null`
 * before it is known. Re-renders only when the level or the reasons change, not on every stats sample.
 *
 * @example
 * function QualityDot({ peerId }: { peerId: string }) {
 *   const quality = useConnectionQuality(peerId);
 *   return <span title={quality?.reasons.join(', ')}>{quality?.level ?? '…'}</span>;
 * }
 */
export function useConnectionQuality(peerId: string | null | undefined, call?: CallStore): Quality {
  return useParticipantField(peerId, 'quality', call, sameQuality);
}
