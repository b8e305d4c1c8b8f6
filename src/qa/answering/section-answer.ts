import { sectionItems } from '../search/passages.ts';
import { joinWithin, MAX_ANSWER, type Draft } from './compose.ts';
import type { AnswerContext } from './context.ts';

/** What a section named by its number says ("Mục II.1 nói về gì?"): its heading and what it holds. */
export function answerSection(ctx: AnswerContext): Draft | null {
  const id = ctx.question.sectionId;
  const section = id ? ctx.doc.sections.find((s) => s.id.toUpperCase() === id.toUpperCase()) : undefined;
  if (!section) return null;
  const lines = [section.heading, ...sectionItems(section, ctx.doc.sections).map((item) => `- ${item}`)];
  return { body: joinWithin(lines, MAX_ANSWER - 40), source: { kind: 'sections', ids: [section.id] }, confidence: 1, section: section.id };
}
