import { loadConfig } from '../config/config.ts';
import { loadContent } from './create-app.ts';

/**
 * What `node dist/main.js --check` does: reads the configuration and loads the locale texts, the
 * plan bundle and its form exactly as start-up would, without connecting to Redis or any platform.
 * Throws the same errors as start-up; resolves with a one-line summary.
 */
export function checkSetup(env: Record<string, string | undefined>): string {
  const config = loadConfig(env);
  const { bundle } = loadContent(config);
  const channels = [config.telegram && `telegram (${config.telegram.mode.kind})`, config.zalo && `zalo (${config.zalo.mode.kind})`].filter(
    Boolean,
  );
  const http = config.http ? `HTTP on ${config.http.host ?? '0.0.0.0'}:${config.http.port}` : 'no HTTP server';
  return [
    `doanbot setup OK: plan ${bundle.id} (${bundle.periods.length} periods, form ${bundle.form.id} with ${bundle.form.questions.length} questions)`,
    `channels: ${channels.length ? channels.join(', ') : 'terminal only'}`,
    http,
  ].join('; ');
}
