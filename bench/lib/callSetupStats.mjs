// Shared by the Node and Chromium call-setup benchmarks: one run's per-peer timings → table rows.
import { percentile, round } from './stats.mjs';

/**
 * One peer's timings in one run, in ms since that peer called `join()`:
 * `joined` (join resolved), and per remote peer `connected`, `channel` (reliable channel open), `frame`
 * (first decoded remote video frame). `deferredOffers` counts the polite side's fallback offers.
 * @typedef {{ joined: number, remotes: Record<string, {connected?: number, channel?: number, frame?: number}>,
 *   deferredOffers: number }} PeerTimings
 */

const max = (values) => values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);

/** Collects runs of one (runtime, peers) configuration. */
export class CallSetupSamples {
  frame = []; // per peer per run: until ALL its remote videos decoded a frame
  channel = []; // per peer per run: until ALL its reliable data channels opened
  pair = { joined: [], connected: [], channel: [], frame: [] }; // per peer per remote peer
  deferredOffers = 0;
  completedRuns = 0;
  failedRuns = 0;

  /** Adds one completed run: the timings of each of its `peers` peers. */
  addRun(peerTimings, peers) {
    const complete = peerTimings.every((t) => {
      const remotes = Object.values(t.remotes);
      return remotes.length === peers - 1 && remotes.every((r) => r.frame >= 0 && r.channel >= 0);
    });
    if (!complete) {
      this.failedRuns += 1;
      return;
    }
    this.completedRuns += 1;
    for (const t of peerTimings) {
      const remotes = Object.values(t.remotes);
      this.frame.push(max(remotes.map((r) => r.frame)));
      this.channel.push(max(remotes.map((r) => r.channel)));
      this.deferredOffers += t.deferredOffers;
      for (const r of remotes) {
        this.pair.joined.push(t.joined);
        if (r.connected >= 0) this.pair.connected.push(r.connected);
        this.pair.channel.push(r.channel);
        this.pair.frame.push(r.frame);
      }
    }
  }

  /** The main table's row. */
  row(runtime, peers) {
    return {
      runtime,
      peers,
      runs: this.failedRuns ? `${this.completedRuns} (+${this.failedRuns} timed out)` : this.completedRuns,
      'first frame p50 ms': round(percentile(this.frame, 50)),
      'first frame p95 ms': round(percentile(this.frame, 95)),
      'data channel p50 ms': round(percentile(this.channel, 50)),
      'data channel p95 ms': round(percentile(this.channel, 95)),
    };
  }

  /** Where the time goes: medians per peer pair, in ms since join(). */
  breakdown(runtime, peers) {
    const p50 = (values) => round(percentile(values, 50));
    return {
      runtime,
      peers,
      'join resolved p50': p50(this.pair.joined),
      'pc connected p50': p50(this.pair.connected),
      'data channel p50': p50(this.pair.channel),
      'first frame p50': p50(this.pair.frame),
      'polite fallback offers': this.deferredOffers,
    };
  }
}
