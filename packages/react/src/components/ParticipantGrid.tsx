import type { ReactElement, ReactNode } from 'react';
import type { CallStore } from '../callStore.js';
import { useParticipantIds } from '../hooks/useParticipants.js';
import { VideoTile } from './VideoTile.js';

/** Which tile a grid cell shows: a remote participant, or you. */
export type GridTile = { peerId: string; self?: false } | { self: true; peerId?: undefined };

/** Props of {@link ParticipantGrid}. */
export interface ParticipantGridProps {
  /** The call (default: the provider's). */
  call?: CallStore;
  /** Show your own tile first (default true). */
  includeSelf?: boolean;
  /** At most this many columns (default 4). */
  maxColumns?: number;
  /** Columns narrower than this wrap into fewer columns, in CSS pixels (default 240). */
  minTileWidth?: number;
  /** Space between tiles, in CSS pixels (default 8). */
  gap?: number;
  /** Renders one cell (default `<VideoTile {...tile} call={call} />`), e.g. to add stats to each tile. */
  renderTile?: (tile: GridTile) => ReactNode;
  className?: string;
}

/** Default {@link ParticipantGridProps.maxColumns}. */
export const DEFAULT_MAX_COLUMNS = 4;
/** Default {@link ParticipantGridProps.minTileWidth}. */
export const DEFAULT_MIN_TILE_WIDTH = 240;
/** Default {@link ParticipantGridProps.gap}. */
export const DEFAULT_GRID_GAP = 8;

/**
 * Columns for `count` tiles: the side of the smallest square that holds them (1, 2, 2, 2, 3…), at most `max`.
 *
 * @example
 * gridColumns(5); // 3
 */
export function gridColumns(count: number, max: number = DEFAULT_MAX_COLUMNS): number {
  return Math.max(1, Math.min(max, Math.ceil(Math.sqrt(count))));
}

/**
 * Every participant's `VideoTile` (yours first) in a CSS grid whose column count follows the number of tiles
 * (1 → 1, 2–4 → 2, 5–9 → 3, then 4), wrapping into fewer columns on narrow screens. It re-renders only when someone
 * joins or leaves; each tile follows its own participant. Class name: `smartc-grid`.
 *
 * @example
 * <SmaRTCProvider options={options} sessionId={callId} joinOptions={{ media: { audio: true, video: true } }}>
 *   <ParticipantGrid />
 * </SmaRTCProvider>
 */
export function ParticipantGrid({
  call,
  includeSelf = true,
  maxColumns = DEFAULT_MAX_COLUMNS,
  minTileWidth = DEFAULT_MIN_TILE_WIDTH,
  gap = DEFAULT_GRID_GAP,
  renderTile,
  className,
}: ParticipantGridProps): ReactElement {
  const peerIds = useParticipantIds(call);
  const tiles: GridTile[] = [
    ...(includeSelf ? [{ self: true } as const] : []),
    ...peerIds.map((peerId) => ({ peerId })),
  ];
  const columns = gridColumns(tiles.length, maxColumns);
  // `columns` tracks of at least `minTileWidth`: fewer fit on a narrow screen, and auto-fill wraps them
  const track = `max(${minTileWidth}px, calc((100% - ${(columns - 1) * gap}px) / ${columns}))`;
  return (
    <div
      className={['smartc-grid', className].filter(Boolean).join(' ')}
      style={{
        display: 'grid',
        gap,
        gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${track}), 1fr))`,
      }}
      data-columns={columns}
    >
      {tiles.map((tile) => (
        <div key={tile.self ? 'self' : tile.peerId} style={{ minWidth: 0 }}>
          {renderTile ? renderTile(tile) : <VideoTile {...tile} call={call} />}
        </div>
      ))}
    </div>
  );
}
