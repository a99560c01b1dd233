import {
  type Call,
  type CallParticipant,
  type DeepReadonly,
  type PeerStats,
  participantOf,
  type QualityReport,
} from '@smartc/mesh';
import { type ComputedRef, computed, type MaybeRefOrGetter, toValue } from 'vue';
import { resolveCall } from './callContext.js';
import { snapshotRef } from './snapshotRef.js';

/** One field of one participant, as a computed ref that triggers only when that field changes. */
function peerField<T>(
  composable: string,
  peerId: MaybeRefOrGetter<string | null | undefined>,
  call: Call | undefined,
  read: (participant: CallParticipant) => T,
): ComputedRef<T | null> {
  const snapshot = snapshotRef(resolveCall(call, composable));
  return computed(() => {
    const participant = participantOf(snapshot.value, toValue(peerId));
    return participant ? read(participant) : null;
  });
}

/**
 * The remote stream of `peerId` (`null` until its first track arrives, or when the peer is not in the call).
 * `peerId` may be a string, a ref or a getter.
 *
 * @example
 * <script setup lang="ts">
 * import { useRemoteStream } from '@smartc/vue';
 * const props = defineProps<{ peerId: string }>();
 * const stream = useRemoteStream(() => props.peerId);
 * </script>
 * <template><video autoplay playsinline :srcObject="stream" /></template>
 */
export function useRemoteStream(
  peerId: MaybeRefOrGetter<string | null | undefined>,
  call?: Call,
): ComputedRef<MediaStream | null> {
  return peerField('useRemoteStream', peerId, call, (p) => p.stream);
}

/**
 * The stats of the connection with `peerId`, as rates over the last interval: `rttMs`, `inbound.videoKbps`,
 * `outbound.videoKbps`, `inbound.packetLossPercent`, `inbound.jitterMs`… (`null` before the first sample).
 *
 * @example
 * <script setup lang="ts">
 * import { usePeerStats } from '@smartc/vue';
 * const props = defineProps<{ peerId: string }>();
 * const stats = usePeerStats(() => props.peerId);
 * </script>
 * <template>
 *   <span v-if="stats">{{ stats.rttMs ?? '–' }} ms · {{ stats.inbound.videoKbps ?? '–' }} kbps</span>
 * </template>
 */
export function usePeerStats(
  peerId: MaybeRefOrGetter<string | null | undefined>,
  call?: Call,
): ComputedRef<DeepReadonly<PeerStats> | null> {
  return peerField('usePeerStats', peerId, call, (p) => p.stats);
}

/**
 * The connection quality with `peerId`: `{ level: 'good' | 'warning' | 'bad', reasons }` (`null` before it is
 * known). It changes with hysteresis, so it does not flap.
 *
 * @example
 * <script setup lang="ts">
 * import { useConnectionQuality } from '@smartc/vue';
 * const props = defineProps<{ peerId: string }>();
 * const quality = useConnectionQuality(() => props.peerId);
 * </script>
 * <template><span :title="quality?.reasons.join(', ')">{{ quality?.level ?? '…' }}</span></template>
 */
export function useConnectionQuality(
  peerId: MaybeRefOrGetter<string | null | undefined>,
  call?: Call,
): ComputedRef<DeepReadonly<QualityReport> | null> {
  return peerField('useConnectionQuality', peerId, call, (p) => p.quality);
}
