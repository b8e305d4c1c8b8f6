/** Sending limits of one platform, enforced by the outbound path. */
export interface RateLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}
