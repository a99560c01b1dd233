import type { QualityLevel, QualityReason } from '@smartc/mesh';
import { defineComponent, h, type PropType } from 'vue';

/** The default words for each level (pass `labels` to translate them). */
export const QUALITY_LABELS: Readonly<Record<QualityLevel, string>> = Object.freeze({
  good: 'Good',
  warning: 'Fair',
  bad: 'Poor',
});

/** Default colours; themable with `--smartc-quality-good`, `--smartc-quality-warning`, `--smartc-quality-bad`. */
const BADGE_COLORS: Readonly<Record<QualityLevel, string>> = {
  good: '#1b873f',
  warning: '#9a6700',
  bad: '#c62828',
};

function badgeStyle(level: QualityLevel): Record<string, string> {
  return {
    background: `var(--smartc-quality-${level}, ${BADGE_COLORS[level]})`,
    color: '#fff',
    borderRadius: '4px',
    padding: '0 4px',
    fontSize: '11px',
  };
}

/**
 * A small connection-quality badge: `<span class="smartc-quality" data-level="good|warning|bad">`, with the
 * reasons in its tooltip. Renders nothing while the level is unknown.
 *
 * @example
 * <script setup lang="ts">
 * import { QualityBadge, useConnectionQuality } from '@smartc/vue';
 * const props = defineProps<{ peerId: string }>();
 * const quality = useConnectionQuality(() => props.peerId);
 * </script>
 * <template><QualityBadge :level="quality?.level" :reasons="quality?.reasons" /></template>
 */
export const QualityBadge = defineComponent({
  name: 'QualityBadge',
  props: {
    level: { type: String as PropType<QualityLevel | null | undefined>, default: null },
    reasons: { type: Array as PropType<ReadonlyArray<QualityReason> | null | undefined>, default: null },
    labels: {
      type: Object as PropType<Readonly<Record<QualityLevel, string>>>,
      default: () => QUALITY_LABELS,
    },
  },
  setup(props) {
    return () =>
      props.level
        ? h(
            'span',
            {
              class: 'smartc-quality',
              'data-level': props.level,
              title: props.reasons?.length ? props.reasons.join(', ') : undefined,
              style: badgeStyle(props.level),
            },
            props.labels[props.level],
          )
        : null;
  },
});
