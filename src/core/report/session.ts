import { z } from 'zod';
import type { ChannelName } from '../messages.ts';
import type { Stores } from '../../store/stores.ts';

export const SESSION_VERSION = 1;

const choiceSchema = z.object({ id: z.string(), label: z.string() });

/** What a person is in the middle of. Stored per identity; validated on every read. */
export const sessionSchema = z.discriminatedUnion('kind', [
  z.object({
    v: z.literal(SESSION_VERSION),
    kind: z.literal('report'),
    periodId: z.string(),
    unitCode: z.string(),
    /** The form engine's state, validated again by the engine itself. */
    form: z.unknown(),
    paused: z.boolean(),
    /** The unit's latest revision when this draft started (0: none), to notice a colleague's report meanwhile. */
    baseRevision: z.number().int().optional(),
    /** Set when an officer of a unit above writes for this unit: the writer's own unit. */
    onBehalfOf: z.string().optional(),
    /** The unit's earlier figures, read when the report started, for the engine's history checks. */
    history: z.unknown().optional(),
  }),
  z.object({ v: z.literal(SESSION_VERSION), kind: z.literal('pick_period'), choices: z.array(choiceSchema) }),
  z.object({
    v: z.literal(SESSION_VERSION),
    kind: z.literal('pick_command_period'),
    /** The command to run again with the chosen period, and its arguments ("{period}" for the period id). */
    command: z.string(),
    template: z.string(),
    choices: z.array(choiceSchema),
  }),
  z.object({
    v: z.literal(SESSION_VERSION),
    kind: z.literal('confirm_import'),
    periods: z.array(z.unknown()),
    /** The plan the periods will belong to (absent in a proposal made before plans existed). */
    draft: z
      .object({
        title: z.string(),
        number: z.string().optional(),
        issuer: z.string().optional(),
        documentText: z.string(),
        fileName: z.string(),
      })
      .optional(),
    choices: z.array(choiceSchema),
  }),
  z.object({
    v: z.literal(SESSION_VERSION),
    kind: z.literal('confirm_form'),
    /** The uploaded form as read, validated again on confirmation. */
    form: z.unknown(),
    /** The plan a new form is offered to first, if any. */
    planId: z.string().nullable(),
    choices: z.array(choiceSchema),
  }),
]);

export type Session = z.infer<typeof sessionSchema>;
export type ReportSession = Extract<Session, { kind: 'report' }>;

/** Reads a session; one written by another version, or damaged, counts as none. */
export async function readSession(stores: Stores, channel: ChannelName, userId: string): Promise<Session | null> {
  const parsed = sessionSchema.safeParse(await stores.sessions.read(channel, userId));
  return parsed.success ? parsed.data : null;
}

export async function writeSession(stores: Stores, channel: ChannelName, userId: string, session: Session): Promise<void> {
  await stores.sessions.write(channel, userId, session);
}
