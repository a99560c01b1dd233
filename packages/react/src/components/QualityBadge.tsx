import type { QualityLevel } from '@smartc/mesh';
import type { ReactElement } from 'react';

/** The text of each level (override with `labels`). */
export const QUALITY_LABELS: Readonly<Record<QualityLevel, string>> = {
  good: 'good',
  warning: 'fair',
  bad: 'poor',
};

/** Props of {@link QualityBadge}. */
export interface QualityBadgeProps {
  level: QualityLevel;
  /** Why it is not good (shown as a tooltip). */
  reasons?: readonly string[];
  labels?: Readonly<Record<QualityLevel, string>>;
}

/**
 * A connection quality badge (`smartc-quality smartc-quality--<level>`), as `VideoTile` shows it.
 *
 * @example
 * const quality = useConnectionQuality(peerId);
 * return quality ? <QualityBadge level={quality.level} reasons={quality.reasons} /> : null;
 */
export function QualityBadge({ level, reasons, labels = QUALITY_LABELS }: QualityBadgeProps): ReactElement {
  const why = reasons?.length ? `: ${reasons.join(', ')}` : '';
  return (
    <span
      className={`smartc-quality smartc-quality--${level}`}
      data-quality={level}
      title={`Connection ${labels[level]}${why}`}
    >
      {labels[level]}
    </span>
  );
}
