import type { Call, CallParticipant } from '@smartc/mesh';
import { type ComputedRef, computed } from 'vue';
import { resolveCall } from './callContext.js';
import { snapshotRef } from './snapshotRef.js';

/**
 * The remote participants, in join order (you are not in it: see `useCall().self` or `useLocalMedia()`). The array
 * and each participant keep their identity until they change, so `v-for` keyed by `peerId` re-renders only what
 * changed.
 *
 * @param call - a call of yours; default: the provided one.
 * @example
 * <script setup lang="ts">
 * import { useParticipants, VideoTile } from '@smartc/vue';
 * const participants = useParticipants();
 * </script>
 * <template>
 *   <VideoTile v-for="p in participants" :key="p.peerId" :peer-id="p.peerId" />
 * </template>
 */
export function useParticipants(call?: Call): ComputedRef<ReadonlyArray<CallParticipant>> {
  const snapshot = snapshotRef(resolveCall(call, 'useParticipants'));
  return computed(() => snapshot.value.participants);
}
