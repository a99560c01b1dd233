import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The server's Prometheus registry and its own instruments. Signaling adds its metrics to `registry`. */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly logins: Counter<'result'>;
  readonly registrations: Counter<'result'>;
}

/** A fresh registry (one per server, so several servers can run in one process) with default metrics. */
export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'smartc_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'smartc_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'smartc_http_request_duration_seconds',
      help: 'HTTP request duration by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    logins: new Counter({
      name: 'smartc_logins_total',
      help: 'Login attempts by result (success, failure, rate_limited)',
      labelNames: ['result'],
      registers: [registry],
    }),
    registrations: new Counter({
      name: 'smartc_registrations_total',
      help: 'Registration attempts by result (success, taken, rate_limited)',
      labelNames: ['result'],
      registers: [registry],
    }),
  };
}
