import { loadConfig } from '../config/config.ts';
import { loadContent } from './load-content.ts';

/**
 * What `node dist/main.js --check` does: reads the configuration and loads the locale texts, the
 * plan bundles and their forms exactly as start-up would, without connecting to Redis or any platform.
 * Throws the same errors as start-up; resolves with a one-line summary.
 */
export function checkSetup(env: Record<string, string | undefined>): string {
  const config = loadConfig(env);
  const { bundles } = loadContent(config);
  const channels = [config.telegram && `telegram (${config.telegram.mode.kind})`, config.zalo && `zalo (${config.zalo.mode.kind})`].filter(
    Boolean,
  );
  const http = config.http ? `HTTP on ${config.http.host ?? '0.0.0.0'}:${config.http.port}` : 'no HTTP server';
  return [
    `doanbot setup OK: plans ${bundles.map((b) => `${b.id} (${b.periods.length} periods, form ${b.form.id} with ${b.form.questions.length} questions)`).join(', ')}`,
    `channels: ${channels.length ? channels.join(', ') : 'terminal only'}`,
    http,
  ].join('; ');
}
