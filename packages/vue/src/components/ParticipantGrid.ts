import type { Call, CallParticipant } from '@smartc/mesh';
import { computed, defineComponent, Fragment, h, type PropType, type SlotsType, type VNodeChild } from 'vue';
import { resolveCall } from '../callContext.js';
import { snapshotRef } from '../snapshotRef.js';
import { VideoTile } from './VideoTile.js';

/** What the `tile` slot of {@link ParticipantGrid} receives for each tile. */
export interface ParticipantGridTileProps {
  /** Your peerId for the self tile (`null` before joining). */
  peerId: string | null;
  /** True for your own tile. */
  local: boolean;
  /** The remote participant (undefined for your own tile). */
  participant: CallParticipant | undefined;
  /** The call, to pass on to `VideoTile` or composables. */
  call: Call;
}

/**
 * How many columns at most: as square as possible (2 tiles side by side, 4 in 2×2, 5–6 in 3 columns…). The CSS
 * lets tiles wrap onto more rows when the grid is narrower than `columns × minTileWidth`.
 *
 * @example
 * gridColumns(4); // 2 (2×2)
 * gridColumns(5); // 3
 */
export function gridColumns(tiles: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(tiles)));
}

/**
 * Every participant's {@link VideoTile}, yours first, in a responsive CSS grid: as square as the count allows, and
 * one column per `minTileWidth` on narrow screens. Remote tiles come and go with the participants (keyed by peerId).
 * The `tile` slot replaces each tile, e.g. to add stats under the video.
 *
 * @example
 * <script setup lang="ts">
 * import { ParticipantGrid, VideoTile } from '@smartc/vue';
 * </script>
 * <template>
 *   <ParticipantGrid :min-tile-width="280" />
 *   <!-- or with your own tiles -->
 *   <ParticipantGrid v-slot:tile="{ peerId, local, call }">
 *     <VideoTile :local="local" :peer-id="local ? undefined : peerId ?? undefined" :call="call" />
 *   </ParticipantGrid>
 * </template>
 */
export const ParticipantGrid = defineComponent({
  name: 'ParticipantGrid',
  props: {
    /** Show your own tile (first). */
    includeSelf: { type: Boolean, default: true },
    /** Narrowest a tile gets before the grid wraps onto another row, in CSS pixels. */
    minTileWidth: { type: Number, default: 240 },
    /** Space between tiles, in CSS pixels. */
    gap: { type: Number, default: 8 },
    /** A call of yours; default: the provided one. */
    call: { type: Object as PropType<Call>, default: undefined },
  },
  slots: Object as SlotsType<{ tile: (props: ParticipantGridTileProps) => VNodeChild }>,
  setup(props, { slots }) {
    const call = resolveCall(props.call, 'ParticipantGrid');
    const snapshot = snapshotRef(call);
    const tiles = computed<ParticipantGridTileProps[]>(() => {
      const { self, participants } = snapshot.value;
      const remote = participants.map((p) => ({ peerId: p.peerId, local: false, participant: p, call }));
      return props.includeSelf
        ? [{ peerId: self.peerId, local: true, participant: undefined, call }, ...remote]
        : remote;
    });
    return () => {
      const count = tiles.value.length;
      const columns = gridColumns(count);
      const gap = `${props.gap}px`;
      const share = `calc((100% - ${columns - 1} * ${gap}) / ${columns})`;
      return h(
        'div',
        {
          class: 'smartc-grid',
          'data-count': count,
          style: {
            display: 'grid',
            gap,
            gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, max(${props.minTileWidth}px, ${share})), 1fr))`,
          },
        },
        tiles.value.map((tile) =>
          h(Fragment, { key: tile.local ? 'self' : (tile.peerId ?? undefined) }, [
            slots.tile
              ? slots.tile(tile)
              : h(VideoTile, tile.local ? { local: true, call } : { peerId: tile.peerId ?? undefined, call }),
          ]),
        ),
      );
    };
  },
});
