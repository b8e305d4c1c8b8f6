/** One planned wake-up: `value` is due at `at`. */
export interface Wake<T> {
  at: number;
  value: T;
}

/** A binary min-heap of wake-ups ordered by time, so one timer can serve many waiting chats. */
export class WakeHeap<T> {
  private readonly heap: Wake<T>[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): Wake<T> | undefined {
    return this.heap[0];
  }

  push(at: number, value: T): void {
    const heap = this.heap;
    heap.push({ at, value });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  pop(): Wake<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && heap[left]!.at < heap[smallest]!.at) smallest = left;
      if (right < heap.length && heap[right]!.at < heap[smallest]!.at) smallest = right;
      if (smallest === i) return top;
      [heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!];
      i = smallest;
    }
  }

  clear(): void {
    this.heap.length = 0;
  }
}
