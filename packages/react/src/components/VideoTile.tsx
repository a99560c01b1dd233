import { type CallParticipant, type CallSnapshot, type PeerState, participantOf } from '@smartc/mesh';
import { type ReactElement, type ReactNode, useCallback, useRef } from 'react';
import type { CallStore } from '../callStore.js';
import { useCallSelector } from '../hooks/useCallSelector.js';
import { sameQuality, shallowEqual } from '../internal/equality.js';
import { useAudioOutput, usePlayback } from '../internal/usePlayback.js';
import { QualityBadge } from './QualityBadge.js';

/** Props of {@link VideoTile}: a remote participant's `peerId`, or `self` for your own preview. */
export type VideoTileProps = {
  /** The call (default: the provider's). */
  call?: CallStore;
  className?: string;
  /** Shown in the tile's bar instead of the participant's name. */
  label?: ReactNode;
  /** Mute this tile's sound (your own tile is always muted). */
  muted?: boolean;
  /** Drawn over the video, e.g. stats. */
  children?: ReactNode;
} & ({ peerId: string; self?: false } | { self: true; peerId?: undefined });

/** What a tile shows; compared field by field, so stats samples do not re-render it. */
interface TileView {
  username: string;
  stream: MediaStream | null;
  audio: boolean;
  video: boolean;
  screen: boolean;
  quality: CallParticipant['quality'];
  connectionState: PeerState | null;
}

function sameView(a: TileView | null, b: TileView | null): boolean {
  if (a === null || b === null) return a === b;
  const { quality: qa, ...restA } = a;
  const { quality: qb, ...restB } = b;
  return sameQuality(qa, qb) && shallowEqual(restA, restB);
}

function selectView(s: CallSnapshot, peerId: string | undefined): TileView | null {
  if (peerId === undefined) {
    const { username, stream, media, screenSharing } = s.self;
    return {
      username,
      stream,
      audio: media.audio,
      video: media.video || screenSharing,
      screen: screenSharing,
      quality: null,
      connectionState: null,
    };
  }
  const p = participantOf(s, peerId);
  if (!p) return null;
  return {
    username: p.username,
    stream: p.stream,
    audio: p.media.audio,
    video: p.media.video || p.media.screen,
    screen: p.media.screen,
    quality: p.quality,
    connectionState: p.connectionState,
  };
}

const inset = { position: 'absolute', inset: 0, width: '100%', height: '100%' } as const;

/**
 * One participant's video, or your own (`self`: muted, mirrored unless you share your screen), with the name, a
 * muted marker and the connection quality badge. It plays the stream with mesh's `attachStream`; when the
 * browser's autoplay policy blocks it, a "click to play" overlay appears. A camera that is off shows the name's
 * initial. Renders nothing for an unknown peerId. Class names: `smartc-tile` and `smartc-tile__*`.
 *
 * @example
 * <VideoTile self />
 * {useParticipantIds().map((peerId) => <VideoTile key={peerId} peerId={peerId} />)}
 */
export function VideoTile(props: VideoTileProps): ReactElement | null {
  const { call, className, label, children } = props;
  const peerId = props.self ? undefined : props.peerId;
  const isSelf = peerId === undefined;
  const select = useCallback((s: CallSnapshot) => selectView(s, peerId), [peerId]);
  const view = useCallSelector(select, sameView, call);
  const videoRef = useRef<HTMLVideoElement>(null);
  const outputDeviceId = useAudioOutput();
  const { blocked, play } = usePlayback(videoRef, view?.stream ?? null, {
    muted: isSelf || !!props.muted,
    mirror: isSelf && !view?.screen,
    outputDeviceId,
  });
  if (!view) return null;
  const classes = ['smartc-tile', isSelf && 'smartc-tile--self', className].filter(Boolean).join(' ');
  return (
    <figure
      className={classes}
      style={{ position: 'relative', margin: 0 }}
      data-smartc-tile=""
      data-peer-id={peerId}
      data-self={isSelf || undefined}
      data-username={view.username}
      data-connection={view.connectionState ?? undefined}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: a live call has no caption track to offer */}
      <video
        ref={videoRef}
        className="smartc-tile__video"
        style={{ display: 'block', width: '100%' }}
        autoPlay
        playsInline
      />
      {!view.video && (
        <div className="smartc-tile__placeholder" style={inset} aria-hidden="true">
          {view.username.slice(0, 1).toUpperCase()}
        </div>
      )}
      {children}
      <figcaption className="smartc-tile__bar">
        <span className="smartc-tile__name">
          {label ?? (isSelf ? `${view.username} (you)` : view.username)}
        </span>
        {!view.audio && (
          <span className="smartc-tile__muted" role="img" aria-label="Microphone off" title="Microphone off">
            muted
          </span>
        )}
        {view.quality && <QualityBadge level={view.quality.level} reasons={view.quality.reasons} />}
      </figcaption>
      {blocked && (
        <button type="button" className="smartc-tile__play" style={inset} onClick={play}>
          Click to play
        </button>
      )}
    </figure>
  );
}
