import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpServer } from './http-server.ts';
import type { PromMetrics } from './prom-metrics.ts';

/**
 * `GET /metrics` (Prometheus text format), only with `Authorization: Bearer <METRICS_TOKEN>`
 * (compared in constant time; 401 otherwise). Not added at all without a token: the webhooks' public
 * address then has no /metrics (404).
 */
export function addMetricsRoute(http: HttpServer, metrics: PromMetrics, token: string): void {
  const expected = digest(`Bearer ${token}`);
  http.route({
    method: 'GET',
    url: '/metrics',
    handler: async (request, reply) => {
      const given = request.headers.authorization;
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ ok: false, status: 401 });
      }
      const { contentType, body } = await metrics.render();
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
    },
  });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
