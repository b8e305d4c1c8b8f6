import type { z } from 'zod';

/** Parses a stored JSON value with a schema; a value that no longer fits is treated as absent. */
export function parseStored<T>(raw: string | null | undefined, schema: z.ZodType<T>): T | null {
  if (raw == null) return null;
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
