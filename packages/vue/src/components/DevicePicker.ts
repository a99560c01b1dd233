import type { SmaRTCError } from '@smartc/core';
import { type Call, type LocalMediaDevicesLike, normalizeMediaError } from '@smartc/mesh';
import { defineComponent, h, type PropType } from 'vue';
import { type DeviceKind, useDevices } from '../useDevices.js';

/** The default field labels (pass `labels` to translate them). */
export const DEVICE_LABELS: Readonly<Record<DeviceKind, string>> = Object.freeze({
  audioinput: 'Microphone',
  videoinput: 'Camera',
  audiooutput: 'Speaker',
});

/**
 * A `<select>` per device kind listing the devices and showing the one in use. Choosing a microphone or camera
 * switches the call to it (every peer gets the new track, no renegotiation); this needs media the call captured
 * itself (`call.join(id, { media: { audio: true, video: true } })`), the select is disabled otherwise. Choosing a
 * speaker (`kinds` with `'audiooutput'`, where the browser supports `setSinkId`) routes every `VideoTile` of the call
 * to it. The lists follow `devicechange`. A failed choice emits `error` and shows the device in use again.
 *
 * @example
 * <script setup lang="ts">
 * import type { SmaRTCError } from '@smartc/core';
 * import { DevicePicker } from '@smartc/vue';
 * const onError = (e: SmaRTCError) => alert(e.message);
 * </script>
 * <template>
 *   <DevicePicker :kinds="['audioinput', 'videoinput', 'audiooutput']" @error="onError" />
 * </template>
 */
export const DevicePicker = defineComponent({
  name: 'DevicePicker',
  props: {
    /** Which kinds to offer, in order. */
    kinds: {
      type: Array as PropType<ReadonlyArray<DeviceKind>>,
      default: () => ['audioinput', 'videoinput'],
    },
    /** Field labels by kind (the others keep {@link DEVICE_LABELS}). */
    labels: { type: Object as PropType<Readonly<Partial<Record<DeviceKind, string>>>>, default: () => ({}) },
    /** Where devices are listed; default `navigator.mediaDevices`. */
    mediaDevices: { type: Object as PropType<LocalMediaDevicesLike>, default: undefined },
    /** A call of yours; default: the provided one. */
    call: { type: Object as PropType<Call>, default: undefined },
  },
  emits: {
    /** Switching failed (normalised `MEDIA_*` error, or `VALIDATION_FAILED` without call-owned media). */
    error: (_error: SmaRTCError) => true,
  },
  setup(props, { emit }) {
    const devices = useDevices(props.call, props.mediaDevices ? { mediaDevices: props.mediaDevices } : {});
    const onChange = async (kind: DeviceKind, element: HTMLSelectElement): Promise<void> => {
      try {
        await devices.select(kind, element.value);
      } catch (error) {
        element.value = devices.selected.value[kind] ?? '';
        emit('error', normalizeMediaError(error));
      }
    };
    const label = (kind: DeviceKind): string => props.labels[kind] ?? DEVICE_LABELS[kind];
    const enabled = (kind: DeviceKind): boolean =>
      kind === 'audiooutput' ? devices.canSelectOutput.value : devices.canSwitchInputs.value;
    return () =>
      h(
        'div',
        { class: 'smartc-device-picker', style: { display: 'flex', gap: '12px', flexWrap: 'wrap' } },
        props.kinds.map((kind) =>
          h('label', { key: kind, class: 'smartc-device-picker__field', 'data-kind': kind }, [
            h('span', { class: 'smartc-device-picker__label' }, `${label(kind)} `),
            h(
              'select',
              {
                disabled: !enabled(kind),
                onChange: (event: Event) => onChange(kind, event.target as HTMLSelectElement),
              },
              devices[kind].value.map((device, i) =>
                h(
                  'option',
                  {
                    key: device.deviceId,
                    value: device.deviceId,
                    selected: device.deviceId === devices.selected.value[kind],
                  },
                  device.label || `${label(kind)} ${i + 1}`,
                ),
              ),
            ),
          ]),
        ),
      );
  },
});
