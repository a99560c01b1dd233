import { errorFromCode } from '@smartc/core';
import type { CallParticipant, CallSnapshot, CallWarning } from '@smartc/mesh';

/** A participant as SmaRTCSimple's subscriptions see it. */
export interface SimpleParticipant {
  peerId: string;
  username: string;
}

/** A remote stream, with whose it is. */
export interface SimpleRemoteStream extends SimpleParticipant {
  stream: MediaStream;
}

/** Something that went wrong during a call, before it is translated. */
export interface CallProblem {
  kind: 'peer-failed' | 'media-fallback' | 'media-error';
  error: unknown;
}

/** What {@link diffSnapshots} reports. */
export interface CallChanges {
  localStream(stream: MediaStream): void;
  remoteStream(event: SimpleRemoteStream): void;
  userJoined(participant: SimpleParticipant): void;
  userLeft(participant: SimpleParticipant): void;
  problem(problem: CallProblem): void;
  /** The call ended without `leave()`: the session was deleted (no error) or the connection was lost for good. */
  ended(error: unknown): void;
}

const who = (p: CallParticipant): SimpleParticipant => ({ peerId: p.peerId, username: p.username });

function newWarnings(prev: readonly CallWarning[], next: readonly CallWarning[]): CallWarning[] {
  if (prev === next) return [];
  const seen = new Set(prev);
  return next.filter((w) => !seen.has(w));
}

/**
 * Compares two snapshots of a call and reports what the original wrapper's subscriptions announce: the local
 * stream, remote streams, participants joining and leaving, problems during the call, and its end.
 */
export function diffSnapshots(prev: CallSnapshot, next: CallSnapshot, report: CallChanges): void {
  if (next.self.stream && next.self.stream !== prev.self.stream) report.localStream(next.self.stream);
  if (prev.participants !== next.participants) {
    const before = new Map(prev.participants.map((p) => [p.peerId, p]));
    const after = new Set(next.participants.map((p) => p.peerId));
    for (const p of next.participants) {
      const old = before.get(p.peerId);
      if (!old) report.userJoined(who(p));
      if (p.stream && p.stream !== old?.stream) report.remoteStream({ ...who(p), stream: p.stream });
      if (p.connectionState === 'failed' && old?.connectionState !== 'failed')
        report.problem({
          kind: 'peer-failed',
          error: errorFromCode('PEER_CONNECTION_FAILED', `The connection to ${p.username} failed.`),
        });
    }
    for (const p of prev.participants) if (!after.has(p.peerId)) report.userLeft(who(p));
  }
  const wasInCall = prev.status === 'joined' || prev.status === 'reconnecting';
  if (wasInCall && (next.status === 'failed' || next.status === 'left'))
    report.ended(next.status === 'failed' ? next.error : undefined);
  for (const warning of newWarnings(prev.warnings, next.warnings)) {
    if ('error' in warning && (warning.reason === 'media-fallback' || warning.reason === 'media-error'))
      report.problem({ kind: warning.reason, error: warning.error });
  }
}
