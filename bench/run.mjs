#!/usr/bin/env node
// `pnpm bench`: the SmaRTC benchmarks, measured side by side in one run, printed as Markdown tables.
// `pnpm bench --quick` runs a short version (smaller counts) for a smoke check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchCallSetupNode } from './callSetup.mjs';
import { benchCallSetupChromium } from './callSetupBrowser.mjs';
import { printTable } from './lib/stats.mjs';
import { benchMemory } from './memory.mjs';
import { benchRelay } from './relay.mjs';

const quick = process.argv.includes('--quick');
// Saturated: many pairs with signals queued (throughput). Light: one signal in flight per pair, so
// nothing queues and latency is the per-message cost (no batching of writes can help either side).
const relayLoads = quick
  ? [{ pairs: 10, windowSize: 4, warmupMs: 500, durationMs: 1500 }]
  : [
      { pairs: 50, windowSize: 8, warmupMs: 2000, durationMs: 8000 },
      { pairs: 10, windowSize: 1, warmupMs: 1000, durationMs: 5000 },
    ];
const memoryOptions = quick
  ? { levels: [200, 500], roomSize: 8 }
  : { levels: [1000, 5000, 10000], roomSize: 8 };
// Call setup: runs per room size, each run a fresh room where every peer joins at the same instant.
const callSetupPlans = quick
  ? [
      { peers: 2, runs: 3 },
      { peers: 6, runs: 1 },
    ]
  : [
      { peers: 2, runs: 10 },
      { peers: 6, runs: 5 },
    ];

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
console.log(`SmaRTC benchmarks${quick ? ' (quick)' : ''} — ${machine}\n`);

const relayRows = [];
for (const load of relayLoads) relayRows.push(...(await benchRelay(load))); // one at a time: they share the CPU

const sections = [
  printTable('Signal relay through the server (closed loop, loopback)', relayRows),
  printTable('Server memory per 1,000 connected-and-joined clients', await benchMemory(memoryOptions)),
];

const nodeSetup = await benchCallSetupNode(callSetupPlans);
const chromiumSetup = await benchCallSetupChromium(callSetupPlans);
if (chromiumSetup.skipped) console.log(`Call setup in Chromium skipped: ${chromiumSetup.skipped}\n`);
sections.push(
  printTable('Call setup (loopback)', [...nodeSetup.rows, ...chromiumSetup.rows]),
  printTable('Call setup breakdown (medians per peer pair, ms since join())', [
    ...nodeSetup.breakdown,
    ...chromiumSetup.breakdown,
  ]),
);

const out = new URL('./results/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
writeFileSync(`${out}latest.md`, [`Machine: ${machine}`, '', ...sections].join('\n'));
console.log(`Tables saved to bench/results/latest.md`);
process.exit(0);
