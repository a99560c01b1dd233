import wrtc from '@roamhq/wrtc';

/** Two real @roamhq/wrtc peer connections connected in-process, one sending video and audio to the other. */
export interface MediaPair {
  sender: RTCPeerConnection;
  receiver: RTCPeerConnection;
  videoSender: RTCRtpSender;
  audioSender: RTCRtpSender;
  /** Stops the sources and closes both connections. Idempotent. */
  close(): void;
}

const WIDTH = 320;
const HEIGHT = 240;
const FPS = 30;
const AUDIO_RATE = 48_000;
const AUDIO_CHUNK_MS = 10;

/** Pushes changing I420 frames (so the encoder has something to encode) and a sine tone. */
function startSources() {
  const video = new wrtc.nonstandard.RTCVideoSource();
  const audio = new wrtc.nonstandard.RTCAudioSource();
  const frame = new Uint8Array(WIDTH * HEIGHT * 1.5);
  let n = 0;
  const videoTimer = setInterval(() => {
    n += 1;
    for (let i = n % 61; i < frame.length; i += 61) frame[i] = (i + n * 13) & 0xff;
    video.onFrame({ width: WIDTH, height: HEIGHT, data: frame });
  }, 1000 / FPS);
  const samples = new Int16Array((AUDIO_RATE * AUDIO_CHUNK_MS) / 1000);
  let phase = 0;
  const audioTimer = setInterval(() => {
    for (let i = 0; i < samples.length; i++) {
      phase += 0.06;
      samples[i] = Math.round(Math.sin(phase) * 8000);
    }
    audio.onData({ samples, sampleRate: AUDIO_RATE });
  }, AUDIO_CHUNK_MS);
  const videoTrack = video.createTrack();
  const audioTrack = audio.createTrack();
  return {
    videoTrack,
    audioTrack,
    stop() {
      clearInterval(videoTimer);
      clearInterval(audioTimer);
      videoTrack.stop();
      audioTrack.stop();
    },
  };
}

function waitConnected(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not connected: ${pc.connectionState}`)), timeoutMs);
    const check = () => {
      if (pc.connectionState === 'connected') {
        clearTimeout(timer);
        resolve();
      }
    };
    pc.addEventListener('connectionstatechange', check);
    check();
  });
}

/** Connects a sender (video 320x240 at 30 fps + audio) to a receiver: offer/answer/candidates exchanged directly. */
export async function connectMediaPair(): Promise<MediaPair> {
  const sender = new wrtc.RTCPeerConnection({ iceServers: [] }) as unknown as RTCPeerConnection;
  const receiver = new wrtc.RTCPeerConnection({ iceServers: [] }) as unknown as RTCPeerConnection;
  const sources = startSources();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    sources.stop();
    sender.close();
    receiver.close();
  };
  try {
    sender.onicecandidate = (e) => {
      if (e.candidate && receiver.signalingState !== 'closed')
        void receiver.addIceCandidate(e.candidate).catch(() => {});
    };
    receiver.onicecandidate = (e) => {
      if (e.candidate && sender.signalingState !== 'closed')
        void sender.addIceCandidate(e.candidate).catch(() => {});
    };
    const videoStream = new wrtc.MediaStream([sources.videoTrack]) as unknown as MediaStream;
    const audioStream = new wrtc.MediaStream([sources.audioTrack]) as unknown as MediaStream;
    const videoSender = sender.addTrack(sources.videoTrack as unknown as MediaStreamTrack, videoStream);
    const audioSender = sender.addTrack(sources.audioTrack as unknown as MediaStreamTrack, audioStream);
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(sender.localDescription!);
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(receiver.localDescription!);
    await Promise.all([waitConnected(sender, 10_000), waitConnected(receiver, 10_000)]);
    return { sender, receiver, videoSender, audioSender, close };
  } catch (error) {
    close();
    throw error;
  }
}
