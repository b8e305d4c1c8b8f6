/**
 * The reply to a question about the plan. `text` is ready to send: at most 500 characters, the
 * citation included ("… — Mục III.2"). An uncertain reply says so and names the closest sections.
 */
export type Answer =
  { kind: 'answer'; text: string; section: string | null; confidence: number } | { kind: 'uncertain'; text: string; suggestions: string[] };
