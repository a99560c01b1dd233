import { attachStream, setAudioOutput, supportsOutputSelection } from '@smartc/mesh';
import { type RefObject, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useMaybeDeviceStore } from '../context.js';

const noSubscription = () => () => {};

/** The speaker chosen with `useDevices` under the same provider (`null`: the default one). */
export function useAudioOutput(): string | null {
  const store = useMaybeDeviceStore();
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => store?.getSnapshot().selected.audiooutput ?? null,
    () => null,
  );
}

/** Options of {@link usePlayback}. */
export interface PlaybackOptions {
  muted: boolean;
  mirror: boolean;
  /** The speaker to play to (ignored where it cannot be chosen). */
  outputDeviceId: string | null;
}

/**
 * Plays `stream` in the element of `ref` with mesh's `attachStream` and reports whether the autoplay policy
 * blocked it; `play()` (from a click) retries. The element is emptied when the stream goes or the component unmounts.
 */
export function usePlayback(
  ref: RefObject<HTMLVideoElement | null>,
  stream: MediaStream | null,
  { muted, mirror, outputDeviceId }: PlaybackOptions,
): { blocked: boolean; play: () => void } {
  // The stream the autoplay policy blocked; a new stream starts unblocked without a state update of its own.
  const [blockedStream, setBlockedStream] = useState<MediaStream | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!stream) {
      element.srcObject = null;
      return;
    }
    let current = true;
    attachStream(element, stream, { muted, mirror }).then(
      (result) => {
        if (current && result.blocked) setBlockedStream(stream);
      },
      () => {}, // not an autoplay block: nothing a click would fix
    );
    return () => {
      current = false;
    };
  }, [ref, stream, muted, mirror]);

  useEffect(() => {
    const element = ref.current;
    if (!element || muted || !outputDeviceId || !supportsOutputSelection(element)) return;
    void setAudioOutput(element, outputDeviceId).catch(() => {});
  }, [ref, muted, outputDeviceId]);

  useEffect(() => {
    const element = ref.current;
    return () => {
      if (element) element.srcObject = null;
    };
  }, [ref]);

  const play = useCallback(() => {
    ref.current?.play().then(
      () => setBlockedStream(null),
      () => {},
    );
  }, [ref]);

  const blocked = stream !== null && blockedStream === stream;
  return { blocked, play };
}
