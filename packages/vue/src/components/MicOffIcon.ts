import { defineComponent, h } from 'vue';

/** A crossed-out microphone (16 px, `currentColor`), labelled for screen readers. */
export const MicOffIcon = defineComponent({
  name: 'MicOffIcon',
  props: { label: { type: String, default: 'Microphone off' } },
  setup(props) {
    return () =>
      h('svg', { viewBox: '0 0 24 24', width: 16, height: 16, role: 'img', 'aria-label': props.label }, [
        h('path', {
          fill: 'currentColor',
          d: 'M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2Z',
        }),
        h('path', { stroke: 'currentColor', 'stroke-width': 2, d: 'M4 4l16 16' }),
      ]);
  },
});
