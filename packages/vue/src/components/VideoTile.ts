import type { SmaRTCError } from '@smartc/core';
import {
  attachStream,
  type Call,
  type CallParticipant,
  type CallSelf,
  normalizeMediaError,
  participantOf,
  setAudioOutput,
  supportsOutputSelection,
} from '@smartc/mesh';
import { computed, defineComponent, h, onBeforeUnmount, type PropType, shallowRef, watch } from 'vue';
import { audioOutputOf } from '../audioOutput.js';
import { injectCall, resolveCall } from '../callContext.js';
import { snapshotRef } from '../snapshotRef.js';
import { MicOffIcon } from './MicOffIcon.js';
import { QUALITY_LABELS, QualityBadge } from './QualityBadge.js';

const TILE_STYLE = {
  position: 'relative',
  margin: '0',
  overflow: 'hidden',
  aspectRatio: 'var(--smartc-tile-aspect-ratio, 16 / 9)',
  background: 'var(--smartc-tile-background, #111)',
  borderRadius: 'var(--smartc-tile-radius, 8px)',
  color: '#fff',
};
const VIDEO_STYLE = {
  display: 'block',
  width: '100%',
  height: '100%',
  objectFit: 'var(--smartc-tile-fit, cover)',
};
const COVER = {
  position: 'absolute',
  inset: '0',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
};
const LABEL_STYLE = {
  position: 'absolute',
  left: '8px',
  bottom: '8px',
  display: 'flex',
  gap: '6px',
  alignItems: 'center',
  padding: '2px 6px',
  borderRadius: '4px',
  background: 'rgba(0, 0, 0, 0.55)',
  fontSize: '13px',
};

/**
 * One participant's video: attaches the stream to a `<video>` (autoplay, inline; your own is muted and mirrored),
 * detects a browser's autoplay block and then shows a click-to-play button, and overlays the name, a muted-microphone
 * icon, the connection-quality badge and, while the camera is off, the name's initial.
 *
 * Give it `peerId` (a remote participant of the call) or `local` (you); `stream` and `name` override what the call
 * says, so it also plays any stream without a call. Style it with the `smartc-tile*` classes and the
 * `--smartc-tile-*` custom properties (aspect ratio, background, radius, object fit).
 *
 * @example
 * <script setup lang="ts">
 * import { useParticipants, VideoTile } from '@smartc/vue';
 * const participants = useParticipants();
 * </script>
 * <template>
 *   <VideoTile local />
 *   <VideoTile v-for="p in participants" :key="p.peerId" :peer-id="p.peerId" />
 * </template>
 */
export const VideoTile = defineComponent({
  name: 'VideoTile',
  props: {
    /** A remote participant of the call. */
    peerId: { type: String, default: undefined },
    /** Your own tile: muted playback, mirrored camera. */
    local: { type: Boolean, default: false },
    /** Plays this stream instead of the participant's (`null`: none). */
    stream: { type: Object as PropType<MediaStream | null>, default: undefined },
    /** Shown instead of the participant's username. */
    name: { type: String, default: undefined },
    /** Mirror the picture (default: for your camera, not for your screen share). */
    mirror: { type: Boolean, default: undefined },
    /** Silence a remote tile (your own is always muted). */
    muted: { type: Boolean, default: false },
    /** The speaker (where the browser can choose one, `setSinkId`); default: the one chosen for the call. */
    audioOutputId: { type: String, default: undefined },
    /** A call of yours; default: the provided one. */
    call: { type: Object as PropType<Call>, default: undefined },
    playLabel: { type: String, default: 'Click to play' },
    localSuffix: { type: String, default: ' (you)' },
    qualityLabels: { type: Object as PropType<typeof QUALITY_LABELS>, default: () => QUALITY_LABELS },
  },
  emits: {
    /** Playback or output selection failed (normalised `MEDIA_*` error). */
    error: (_error: SmaRTCError) => true,
  },
  setup(props, { emit }) {
    const call =
      props.peerId !== undefined || props.local
        ? resolveCall(props.call, 'VideoTile')
        : injectCall(props.call);
    const snapshot = call ? snapshotRef(call) : undefined;
    const self = computed<CallSelf | undefined>(() => (props.local ? snapshot?.value.self : undefined));
    const participant = computed<CallParticipant | undefined>(() =>
      snapshot ? participantOf(snapshot.value, props.peerId) : undefined,
    );
    const person = computed(() => self.value ?? participant.value);
    const stream = computed(() =>
      props.stream !== undefined ? props.stream : (person.value?.stream ?? null),
    );
    const name = computed(
      () =>
        props.name ?? (person.value ? person.value.username + (props.local ? props.localSuffix : '') : ''),
    );
    const mirror = computed(() => props.mirror ?? (props.local && !self.value?.screenSharing));
    const audioOff = computed(() => person.value !== undefined && !person.value.media.audio);
    const videoOff = computed(
      () =>
        !stream.value ||
        (person.value !== undefined && !person.value.media.video && !person.value.media.screen),
    );

    const video = shallowRef<HTMLVideoElement | null>(null);
    const blocked = shallowRef(false);
    let attempt = 0;
    const fail = (error: unknown) => emit('error', normalizeMediaError(error));

    watch(
      [video, stream],
      async ([element, current]) => {
        const mine = ++attempt;
        blocked.value = false;
        if (!element) return;
        if (!current) {
          element.srcObject = null;
          return;
        }
        try {
          const result = await attachStream(element, current, {
            muted: props.local || props.muted,
            mirror: mirror.value,
          });
          if (mine === attempt) blocked.value = result.blocked;
        } catch (error) {
          if (mine === attempt) fail(error);
        }
      },
      { immediate: true, flush: 'post' },
    );

    watch(
      [video, () => props.audioOutputId ?? (call ? audioOutputOf(call).value : null)],
      ([element, deviceId]) => {
        if (element && deviceId && supportsOutputSelection(element))
          setAudioOutput(element, deviceId).catch(fail);
      },
      { immediate: true, flush: 'post' },
    );

    const play = (): void => {
      video.value?.play().then(
        () => {
          blocked.value = false;
        },
        (error: unknown) => {
          if ((error as { name?: string }).name !== 'NotAllowedError') fail(error);
        },
      );
    };

    onBeforeUnmount(() => {
      attempt += 1;
      if (video.value) video.value.srcObject = null;
    });

    return () => {
      const quality = participant.value?.quality;
      return h(
        'figure',
        {
          class: 'smartc-tile',
          style: TILE_STYLE,
          'data-peer-id': props.peerId,
          'data-local': props.local || undefined,
          'data-video-off': videoOff.value || undefined,
          'data-blocked': blocked.value || undefined,
        },
        [
          h('video', {
            ref: video,
            class: 'smartc-tile__video',
            autoplay: true,
            playsinline: true,
            muted: props.local || props.muted,
            style: { ...VIDEO_STYLE, transform: mirror.value ? 'scaleX(-1)' : '' },
          }),
          videoOff.value
            ? h(
                'div',
                {
                  class: 'smartc-tile__placeholder',
                  style: { ...COVER, fontSize: '40px', background: 'inherit' },
                },
                name.value.trim().charAt(0).toUpperCase(),
              )
            : null,
          blocked.value
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'smartc-tile__play',
                  style: { ...COVER, width: '100%' },
                  onClick: play,
                },
                props.playLabel,
              )
            : null,
          h('figcaption', { class: 'smartc-tile__label', style: LABEL_STYLE }, [
            h('span', { class: 'smartc-tile__name' }, name.value),
            audioOff.value ? h(MicOffIcon, { class: 'smartc-tile__muted' }) : null,
            h(QualityBadge, {
              level: quality?.level,
              reasons: quality?.reasons,
              labels: props.qualityLabels,
            }),
          ]),
        ],
      );
    };
  },
});
