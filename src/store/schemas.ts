import { z } from 'zod';
import { answerValueSchema } from '../flow/answer-value-schema.ts';

const channel = z.enum(['telegram', 'zalo', 'console']);
const role = z.enum(['officer', 'leader', 'admin']);

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  createdAt: z.string(),
});

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  role,
  unitCode: z.string(),
  identities: z.array(z.object({ channel, userId: z.string(), chatId: z.string() })),
  createdAt: z.string(),
  unreachable: z.object({ channel, reason: z.string(), at: z.string() }).optional(),
});

export const inviteSchema = z.object({
  code: z.string(),
  unitCode: z.string(),
  role,
  personId: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const revisionSchema = z.object({
  periodId: z.string(),
  unitCode: z.string(),
  revision: z.number().int(),
  answers: z.record(answerValueSchema),
  submittedBy: z.object({ personId: z.string(), name: z.string(), channel }),
  submittedAt: z.string(),
  late: z.boolean(),
  onBehalfOf: z.string().optional(),
  review: z
    .object({
      state: z.enum(['accepted', 'returned']),
      by: z.object({ personId: z.string(), name: z.string() }),
      at: z.string(),
      comment: z.string().optional(),
    })
    .optional(),
});

export const reviewEntrySchema = z.object({
  revision: z.number().int(),
  state: z.enum(['accepted', 'returned']),
  by: z.object({ personId: z.string(), name: z.string(), unitCode: z.string() }),
  at: z.string(),
  comment: z.string().optional(),
});

export const chatRefSchema = z.object({ channel, chatId: z.string(), kind: z.enum(['private', 'group']) });
