import type { Redis } from 'ioredis';
import { z } from 'zod';
import { safeParseFormSpec, type FormSpec } from '../flow/form-spec.ts';
import type { Keys } from './keys.ts';

/** Who put a form in and when. */
export interface UploadedForm {
  spec: FormSpec;
  uploadedBy: string;
  uploadedAt: string;
}

const storedSchema = z.object({ spec: z.unknown(), uploadedBy: z.string(), uploadedAt: z.string() });

/**
 * Report forms uploaded in chat (an office's XLSForm workbook, confirmed by a leader), by form id; a new
 * revision of a form replaces the previous one. Read back through the form spec's own checks, so a value
 * that no longer validates is left out rather than trusted.
 */
export class FormStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async put(form: UploadedForm): Promise<void> {
    await this.redis.hset(this.keys.uploadedForms(), form.spec.id, JSON.stringify(form));
  }

  async list(): Promise<UploadedForm[]> {
    const all = await this.redis.hgetall(this.keys.uploadedForms());
    return Object.values(all).flatMap((raw) => {
      const form = parse(raw);
      return form ? [form] : [];
    });
  }

  async get(id: string): Promise<UploadedForm | null> {
    const raw = await this.redis.hget(this.keys.uploadedForms(), id);
    return raw === null ? null : parse(raw);
  }
}

function parse(raw: string): UploadedForm | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const stored = storedSchema.safeParse(json);
  if (!stored.success) return null;
  const spec = safeParseFormSpec(stored.data.spec, () => false);
  return spec.ok ? { spec: spec.spec, uploadedBy: stored.data.uploadedBy, uploadedAt: stored.data.uploadedAt } : null;
}
