/**
 * Prometheus metrics of the signaling hub (prom-client 15). Without a registry every
 * recording is a no-op, so hub code records unconditionally.
 */
import { Counter, Gauge, type Registry } from 'prom-client';

/** How a `JoinSession` call ended. */
export type JoinOutcome = 'joined' | 'resumed' | 'restored' | 'rejected';

/** What the hub records. */
export interface SignalingMetrics {
  join(outcome: JoinOutcome): void;
  participantLeft(reason: string): void;
  /** A signal was delivered (`queued: false`) or queued for a peer waiting for a resume. */
  signalRelayed(queued: boolean): void;
  signalRejected(code: string): void;
  message(): void;
}

/** Live values the gauges read at scrape time. */
export interface SignalingGaugeSources {
  connections(): number;
  participants(): number;
}

const NOOP: SignalingMetrics = {
  join() {},
  participantLeft() {},
  signalRelayed() {},
  signalRejected() {},
  message() {},
};

/** Metric names, all prefixed `smartc_signaling_`. */
export const SignalingMetricName = {
  connections: 'smartc_signaling_connections',
  participants: 'smartc_signaling_participants',
  joins: 'smartc_signaling_joins_total',
  leaves: 'smartc_signaling_leaves_total',
  signalsRelayed: 'smartc_signaling_signals_relayed_total',
  signalsRejected: 'smartc_signaling_signals_rejected_total',
  messages: 'smartc_signaling_messages_total',
} as const;

/**
 * Registers the signaling metrics on `registry` (replacing those of an earlier hub on the same
 * registry, e.g. after an in-process restart) and returns the recorder.
 */
export function createSignalingMetrics(
  registry: Registry | undefined,
  sources: SignalingGaugeSources,
): SignalingMetrics {
  if (!registry) return NOOP;
  for (const name of Object.values(SignalingMetricName)) registry.removeSingleMetric(name);
  const registers = [registry];

  new Gauge({
    name: SignalingMetricName.connections,
    help: 'Open SignalR connections to the signaling hub',
    registers,
    collect() {
      this.set(sources.connections());
    },
  });
  new Gauge({
    name: SignalingMetricName.participants,
    help: 'Participants present in sessions, including those waiting for a resume',
    registers,
    collect() {
      this.set(sources.participants());
    },
  });
  const joins = new Counter({
    name: SignalingMetricName.joins,
    help: 'JoinSession calls by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const leaves = new Counter({
    name: SignalingMetricName.leaves,
    help: 'Participants that left a session, by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  const relayed = new Counter({
    name: SignalingMetricName.signalsRelayed,
    help: 'Signals relayed between peers (queued: for a peer waiting for a resume)',
    labelNames: ['queued'] as const,
    registers,
  });
  const rejected = new Counter({
    name: SignalingMetricName.signalsRejected,
    help: 'SendSignal calls refused, by error code',
    labelNames: ['code'] as const,
    registers,
  });
  const messages = new Counter({
    name: SignalingMetricName.messages,
    help: 'Chat messages sent through the hub',
    registers,
  });

  return {
    join: (outcome) => joins.inc({ outcome }),
    participantLeft: (reason) => leaves.inc({ reason }),
    signalRelayed: (queued) => relayed.inc({ queued: String(queued) }),
    signalRejected: (code) => rejected.inc({ code }),
    message: () => messages.inc(),
  };
}
