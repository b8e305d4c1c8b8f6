import type { Redis } from 'ioredis';
import { z } from 'zod';
import { safeParseFormSpec, type FormSpec } from '../flow/form-spec.ts';
import type { Keys } from './keys.ts';
import { announceChange } from './change-feed.ts';

/** The change-feed topic of uploaded forms. */
export const FORMS_TOPIC = 'forms';

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

  /** Stores a form and tells every process (change feed topic {@link FORMS_TOPIC}). */
  async put(form: UploadedForm): Promise<void> {
    const tx = this.redis.multi().hset(this.keys.uploadedForms(), form.spec.id, JSON.stringify(form));
    await announceChange(tx, this.keys, FORMS_TOPIC).exec();
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
