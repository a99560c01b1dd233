/**
 * Signals relayed between peers through `SendSignal` / `ReceiveSignal`. The hub treats them as
 * opaque (bounded in size); these shapes are what SmaRTC SDKs send. `gen` tags the sender's
 * peer-connection generation so receivers can drop stale signals.
 */
export interface DescriptionSignal {
  type: 'offer' | 'answer';
  sdp: string;
  gen?: number;
}

export interface CandidateSignal {
  type: 'ice-candidate';
  /** `null` marks the end of candidates. */
  candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null } | null;
  gen?: number;
}

export type Signal = DescriptionSignal | CandidateSignal;

/** True when `value` is a well-formed SmaRTC {@link Signal}. */
export function isSignal(value: unknown): value is Signal {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.gen !== undefined && typeof v.gen !== 'number') return false;
  if (v.type === 'offer' || v.type === 'answer') return typeof v.sdp === 'string';
  if (v.type !== 'ice-candidate') return false;
  if (v.candidate === null) return true;
  return (
    typeof v.candidate === 'object' && typeof (v.candidate as { candidate?: unknown }).candidate === 'string'
  );
}
