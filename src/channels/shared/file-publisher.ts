/**
 * Puts a file the bot made (a chart, a workbook, a Word draft) at a public, unguessable, expiring
 * address, for a platform that takes photos by URL and cannot upload files (Zalo). Undefined when
 * there is no public address (polling mode) or the kind of file is not served.
 */
export interface FilePublisher {
  publish(content: Buffer, fileName: string): Promise<string | undefined>;
  /** How long a published address stays valid, in hours (told to the person with a link). */
  readonly ttlHours: number;
}
