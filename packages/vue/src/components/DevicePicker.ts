import type { SmaRTCError } from '@smartc/core';
import {
  type Call,
  type InputDeviceKind,
  type LocalMediaDevicesLike,
  normalizeMediaError,
} from '@smartc/mesh';
import { defineComponent, h, type PropType } from 'vue';
import { useDevices } from '../useDevices.js';

/** The default field labels (pass `labels` to translate them). */
export const DEVICE_LABELS: Readonly<Record<InputDeviceKind, string>> = Object.freeze({
  audioinput: 'Microphone',
  videoinput: 'Camera',
});

/**
 * A `<select>` per input kind (microphone, camera) listing the devices, showing the one in use and switching the
 * call to the one chosen (every peer gets the new track, no renegotiation). The lists follow `devicechange`.
 * Switching needs media the call captured itself (`call.join(id, { media: { audio: true, video: true } })`); the
 * selects are disabled otherwise. A failed switch emits `error` and shows the device in use again.
 *
 * @example
 * <script setup lang="ts">
 * import { DevicePicker } from '@smartc/vue';
 * const onError = (e: SmaRTCError) => alert(e.message);
 * </script>
 * <template>
 *   <DevicePicker :labels="{ audioinput: 'Micro', videoinput: 'Caméra' }" @error="onError" />
 * </template>
 */
export const DevicePicker = defineComponent({
  name: 'DevicePicker',
  props: {
    /** Which inputs to offer, in order. */
    kinds: {
      type: Array as PropType<ReadonlyArray<InputDeviceKind>>,
      default: () => ['audioinput', 'videoinput'],
    },
    labels: {
      type: Object as PropType<Readonly<Record<InputDeviceKind, string>>>,
      default: () => DEVICE_LABELS,
    },
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
    const { devices, active, canSwitch, select } = useDevices(
      props.call,
      props.mediaDevices ? { mediaDevices: props.mediaDevices } : {},
    );
    const onChange = async (kind: InputDeviceKind, element: HTMLSelectElement): Promise<void> => {
      try {
        await select(kind, element.value);
      } catch (error) {
        element.value = active.value[kind] ?? '';
        emit('error', normalizeMediaError(error));
      }
    };
    return () =>
      h(
        'div',
        { class: 'smartc-device-picker', style: { display: 'flex', gap: '12px', flexWrap: 'wrap' } },
        props.kinds.map((kind) =>
          h('label', { key: kind, class: 'smartc-device-picker__field', 'data-kind': kind }, [
            h('span', { class: 'smartc-device-picker__label' }, `${props.labels[kind]} `),
            h(
              'select',
              {
                disabled: !canSwitch.value,
                onChange: (event: Event) => onChange(kind, event.target as HTMLSelectElement),
              },
              devices.value[kind].map((device, i) =>
                h(
                  'option',
                  {
                    key: device.deviceId,
                    value: device.deviceId,
                    selected: device.deviceId === active.value[kind],
                  },
                  device.label || `${props.labels[kind]} ${i + 1}`,
                ),
              ),
            ),
          ]),
        ),
      );
  },
});
