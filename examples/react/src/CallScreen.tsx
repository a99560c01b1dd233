import {
  DevicePicker,
  ParticipantGrid,
  SmaRTCStyles,
  useCall,
  useLocalMedia,
  useParticipants,
  usePeerStats,
  VideoTile,
} from '@smartc/react';

/** The call: invitation link, everyone's video with live stats, controls and devices. */
export function CallScreen({ callId, onLeave }: { callId: string; onLeave: () => void }) {
  const { status, error, leave } = useCall();
  const participants = useParticipants();
  const invite = `${location.origin}${location.pathname}?call=${encodeURIComponent(callId)}`;
  return (
    <main>
      <SmaRTCStyles />
      <p className="bar">
        <strong data-status={status}>{status}</strong> · {participants.length + 1} in the call · invite:{' '}
        <a href={invite}>{invite}</a>
      </p>
      {error && <p role="alert">{error.message}</p>}
      <ParticipantGrid
        renderTile={(tile) =>
          tile.self ? (
            <VideoTile self />
          ) : (
            <VideoTile peerId={tile.peerId}>
              <PeerStats peerId={tile.peerId} />
            </VideoTile>
          )
        }
      />
      <Controls onLeave={() => void leave().finally(onLeave)} />
      <DevicePicker />
    </main>
  );
}

function Controls({ onLeave }: { onLeave: () => void }) {
  const media = useLocalMedia();
  return (
    <div className="bar">
      <button type="button" onClick={media.toggleMicrophone}>
        {media.microphoneEnabled ? 'Mute' : 'Unmute'}
      </button>
      <button type="button" onClick={() => media.toggleCamera({ release: true })}>
        {media.cameraEnabled ? 'Camera off' : 'Camera on'}
      </button>
      <button
        type="button"
        onClick={() => void (media.screenSharing ? media.stopScreenShare() : media.startScreenShare())}
      >
        {media.screenSharing ? 'Stop sharing' : 'Share screen'}
      </button>
      <button type="button" onClick={onLeave}>
        Leave
      </button>
    </div>
  );
}

/** RTT and received bitrate of one peer, refreshed every stats interval (2 s); the tile shows the quality badge. */
function PeerStats({ peerId }: { peerId: string }) {
  const stats = usePeerStats(peerId);
  if (!stats) return null;
  const kbps = (stats.inbound.videoKbps ?? 0) + (stats.inbound.audioKbps ?? 0);
  return (
    <span className="stats" data-rtt={stats.rttMs ?? ''} data-kbps={Math.round(kbps)}>
      RTT {stats.rttMs === null ? '–' : Math.round(stats.rttMs)} ms · ↓ {Math.round(kbps)} kbps
    </span>
  );
}
