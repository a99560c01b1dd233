// Synthetic media for a bot: a moving test pattern (I420) and a sine tone, as real MediaStreamTracks.

/** Eight colour bars in YUV (BT.601): white, yellow, cyan, green, magenta, red, blue, black. */
const BARS = [
  [235, 128, 128],
  [210, 16, 146],
  [170, 166, 16],
  [145, 54, 34],
  [106, 202, 222],
  [81, 90, 240],
  [41, 240, 110],
  [16, 128, 128],
];

/**
 * Draws one I420 frame: colour bars scrolling to the left, and the frame counter as 16 binary blocks
 * (white = 1) along the bottom, so every frame differs.
 * @param {number} width even
 * @param {number} height even
 * @param {number} frameIndex
 * @param {Uint8ClampedArray} [data] reused buffer of `width * height * 1.5` bytes
 * @returns {Uint8ClampedArray}
 */
export function drawTestPattern(
  width,
  height,
  frameIndex,
  data = new Uint8ClampedArray(width * height * 1.5),
) {
  const ySize = width * height;
  const cw = width / 2;
  const ch = height / 2;
  const uOffset = ySize;
  const vOffset = ySize + cw * ch;
  const barWidth = Math.max(1, Math.floor(width / BARS.length));
  const shift = (frameIndex * 4) % width;
  const counterTop = Math.floor(height * 0.8);
  const blockWidth = Math.max(2, Math.floor(width / 16));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let yuv;
      if (y >= counterTop) {
        const bit = Math.floor(x / blockWidth);
        yuv = bit < 16 && (frameIndex >> (15 - bit)) & 1 ? BARS[0] : BARS[7];
      } else {
        yuv = BARS[Math.floor(((x + shift) % width) / barWidth) % BARS.length];
      }
      data[y * width + x] = yuv[0];
      if ((x & 1) === 0 && (y & 1) === 0) {
        const c = (y / 2) * cw + x / 2;
        data[uOffset + c] = yuv[1];
        data[vOffset + c] = yuv[2];
      }
    }
  }
  return data;
}

/**
 * Fills 16-bit mono samples of a sine wave, continuing at `startSample`.
 * @param {Int16Array} samples
 * @param {number} startSample
 * @param {number} frequency Hz
 * @param {number} sampleRate Hz
 * @param {number} [amplitude] 0..1
 */
export function fillTone(samples, startSample, frequency, sampleRate, amplitude = 0.2) {
  for (let i = 0; i < samples.length; i += 1) {
    samples[i] = Math.round(
      Math.sin((2 * Math.PI * frequency * (startSample + i)) / sampleRate) * amplitude * 32767,
    );
  }
  return samples;
}

/**
 * @typedef {object} SyntheticMediaOptions
 * @property {any} webrtc `@roamhq/wrtc` (needs `nonstandard.RTCVideoSource`/`RTCAudioSource` and `MediaStream`)
 * @property {number} [width] default 320
 * @property {number} [height] default 240
 * @property {number} [fps] default 15
 * @property {boolean} [audio] default true: a tone
 * @property {number} [toneHz] default 440
 * @property {number} [sampleRate] default 48000
 */

/**
 * Starts a synthetic camera (moving test pattern) and microphone (a tone).
 * @param {SyntheticMediaOptions} options
 * @returns {{ stream: MediaStream, videoTrack: MediaStreamTrack, audioTrack: MediaStreamTrack | null,
 *   readonly framesSent: number, stop(): void }}
 */
export function createSyntheticMedia(options) {
  const {
    webrtc,
    width = 320,
    height = 240,
    fps = 15,
    audio = true,
    toneHz = 440,
    sampleRate = 48_000,
  } = options;
  if (width % 2 || height % 2) throw new Error('width and height must be even (I420)');
  const { RTCVideoSource, RTCAudioSource } = webrtc.nonstandard;

  const videoSource = new RTCVideoSource();
  const videoTrack = videoSource.createTrack();
  const frame = new Uint8ClampedArray(width * height * 1.5);
  let framesSent = 0;
  const sendFrame = () => {
    drawTestPattern(width, height, framesSent, frame);
    videoSource.onFrame({ width, height, data: frame });
    framesSent += 1;
  };
  sendFrame();
  const videoTimer = setInterval(sendFrame, Math.round(1000 / fps));

  /** @type {MediaStreamTrack | null} */
  let audioTrack = null;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let audioTimer;
  if (audio) {
    const audioSource = new RTCAudioSource();
    audioTrack = audioSource.createTrack();
    const numberOfFrames = sampleRate / 100; // 10 ms chunks
    const samples = new Int16Array(numberOfFrames);
    let position = 0;
    const sendAudio = () => {
      fillTone(samples, position, toneHz, sampleRate);
      position = (position + numberOfFrames) % sampleRate;
      audioSource.onData({ samples, sampleRate, bitsPerSample: 16, channelCount: 1, numberOfFrames });
    };
    audioTimer = setInterval(sendAudio, 10);
  }

  const stream = new webrtc.MediaStream(audioTrack ? [videoTrack, audioTrack] : [videoTrack]);
  let stopped = false;
  return {
    stream,
    videoTrack,
    audioTrack,
    get framesSent() {
      return framesSent;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(videoTimer);
      if (audioTimer) clearInterval(audioTimer);
      videoTrack.stop();
      audioTrack?.stop();
    },
  };
}
