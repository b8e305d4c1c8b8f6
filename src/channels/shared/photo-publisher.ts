/**
 * Puts a picture at a public, unguessable, expiring address, for platforms that take photos by URL
 * (Zalo's sendPhoto). Undefined when there is no public address (polling mode).
 */
export interface PhotoPublisher {
  publish(content: Buffer, fileName: string): Promise<string | undefined>;
}
