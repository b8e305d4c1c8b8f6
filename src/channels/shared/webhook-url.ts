/**
 * The URL to register with setWebhook. `publicUrl` may be the base address
 * ("https://bot.example.org", then `path` is appended) or already the full address ending
 * with `path` ("https://bot.example.org/telegram", used as is). The same for Telegram and Zalo.
 */
export function webhookUrl(publicUrl: string, path: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return new URL(base).pathname === path ? base : `${base}${path}`;
}
