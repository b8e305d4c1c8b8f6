import { describe, expect, it } from 'vitest';
import { PartProgress } from '../../../src/channels/shared/part-progress.ts';

describe('PartProgress', () => {
  it('resumes a retried message after the last part that went out, per chat', async () => {
    const progress = new PartProgress();
    const message = { type: 'text' };
    const sent: string[] = [];
    let failOnce = true;
    const parts = (chat: string) =>
      ['1', '2', '3'].map((n) => async () => {
        if (n === '2' && failOnce) {
          failOnce = false;
          throw new Error('429');
        }
        sent.push(`${chat}:${n}`);
      });
    await expect(progress.send(message, 'a', parts('a'))).rejects.toThrow('429');
    await progress.send(message, 'a', parts('a'));
    await progress.send(message, 'b', parts('b'));
    expect(sent).toEqual(['a:1', 'a:2', 'a:3', 'b:1', 'b:2', 'b:3']);
  });
});
