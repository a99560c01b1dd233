import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createSignalingMetrics, SignalingMetricName } from './metrics.js';

describe('signaling metrics', () => {
  it('records counters and reads gauges at scrape time', async () => {
    const registry = new Registry();
    let connections = 3;
    const metrics = createSignalingMetrics(registry, {
      connections: () => connections,
      participants: () => 2,
    });
    metrics.join('joined');
    metrics.join('joined');
    metrics.join('rejected');
    metrics.signalRelayed(false);
    metrics.signalRejected('SIGNALING_PEER_NOT_FOUND');
    metrics.message();
    connections = 5;
    const text = await registry.metrics();
    expect(text).toContain(`${SignalingMetricName.connections} 5`);
    expect(text).toContain(`${SignalingMetricName.participants} 2`);
    expect(text).toContain(`${SignalingMetricName.joins}{outcome="joined"} 2`);
    expect(text).toContain(`${SignalingMetricName.joins}{outcome="rejected"} 1`);
    expect(text).toContain(`${SignalingMetricName.signalsRelayed}{queued="false"} 1`);
    expect(text).toContain(`${SignalingMetricName.signalsRejected}{code="SIGNALING_PEER_NOT_FOUND"} 1`);
    expect(text).toContain(`${SignalingMetricName.messages} 1`);
  });

  it('can be registered again on the same registry (in-process restart)', async () => {
    const registry = new Registry();
    createSignalingMetrics(registry, { connections: () => 1, participants: () => 1 }).message();
    createSignalingMetrics(registry, { connections: () => 0, participants: () => 0 });
    expect(await registry.metrics()).toContain(`${SignalingMetricName.messages} 0`);
  });

  it('is a no-op without a registry', () => {
    const metrics = createSignalingMetrics(undefined, { connections: () => 0, participants: () => 0 });
    expect(() => metrics.join('joined')).not.toThrow();
  });
});
