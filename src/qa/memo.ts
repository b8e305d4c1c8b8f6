/**
 * Remembers the results of a function of a text (a plan's passages are read again for every
 * question); forgets everything when `limit` texts are remembered. Callers must not change a result.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 5_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      if (seen.size >= limit) seen.clear();
      value = fn(text);
      seen.set(text, value);
    }
    return value;
  };
}
