/** No Redis could be used: none configured or running locally, and `redis-server` cannot be started. */
export class RedisUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `${detail}\nDoanbot needs Redis. Install it (Debian/Ubuntu: \`apt-get install redis-server\`, ` +
        'macOS: `brew install redis`) so that it can start a private one, or set REDIS_URL to a running Redis.',
    );
    this.name = 'RedisUnavailableError';
  }
}
