import type { OutboundPriority } from '../core/bot/outbound-port.ts';
import { Fifo } from './fifo.ts';

/** Order in which ready chats are served: members' replies, then strangers' replies, then bulk sends. */
const RANK: ReadonlyMap<OutboundPriority, number> = new Map([
  ['member', 0],
  ['stranger', 1],
  ['bulk', 2],
]);

/** The rank of a priority; an absent one is a member's reply. */
export function priorityRank(priority: OutboundPriority | undefined): number {
  return RANK.get(priority ?? 'member') ?? 0;
}

/**
 * The chats whose next message may go now, one first-in first-out list per priority: a chat waits in
 * the list of its head message, and the highest non-empty list is served first. Within a list chats
 * take turns, so one busy chat cannot starve the others of its kind.
 */
export class PriorityReady<T> {
  private readonly lists = [...RANK.values()].map(() => new Fifo<T>());

  get size(): number {
    return this.lists.reduce((sum, list) => sum + list.size, 0);
  }

  push(item: T, rank: number): void {
    (this.lists[rank] ?? this.lists[0])?.push(item);
  }

  shift(): T | undefined {
    for (const list of this.lists) if (list.size > 0) return list.shift();
    return undefined;
  }

  drain(): T[] {
    return this.lists.flatMap((list) => list.drain());
  }
}
