import type { Lang } from '../i18n/translator.ts';
import type { Answer } from './answer.ts';
import type { PlanDocument } from './plan-document.ts';
import { answerHeader, answerRecipients, answerSigner, answerSignerByRole } from './answering/closing-answer.ts';
import { withSource, type Draft } from './answering/compose.ts';
import { contentWords, coverage, wordRarity } from './answering/coverage.ts';
import { answerContact } from './answering/contact-answer.ts';
import { MIN_COVERAGE, type AnswerContext, type PlanRankers } from './answering/context.ts';
import { questionScope } from './answering/scope.ts';
import { ANSWER_SHAPES, type ShapedKind } from './answering/shapes.ts';
import { explainNote } from './answering/explain.ts';
import { answerWhen } from './answering/date-answer.ts';
import { answerDuties } from './answering/duty-answer.ts';
import { answerOutline } from './answering/outline-answer.ts';
import { answerFromPassages, answerPlace, answerShaped, saysWhen } from './answering/passage-answer.ts';
import { answerHeading } from './answering/heading-answer.ts';
import { answerReference } from './answering/reference-answer.ts';
import { answerSection } from './answering/section-answer.ts';
import { uncertainAnswer } from './answering/uncertain.ts';
import { readQuestion, type QuestionKind } from './question.ts';
import { expandQuery } from './search/expand-query.ts';
import { headingChain, planPassages } from './search/passages.ts';
import { Ranker } from './search/ranker.ts';
import { isStopword } from './search/terms.ts';
import type { TextFn } from './text-fn.ts';
import { KIND_CUES, META_WORDS, QUESTION_WORDS } from './vocabulary.ts';

/** Words that only make a sentence a question ("làm gì", "thế nào", "được nhắc đến"): no answer has to contain them. */
const QUESTION_FILLERS = [...QUESTION_WORDS, ...META_WORDS, ...(KIND_CUES.get('duties') ?? [])];

/** One answerer per kind of question; null: nothing fits, try the next kind. An Answer is final. */
const ANSWERERS: Record<QuestionKind, (ctx: AnswerContext) => Draft | Answer | null> = {
  email: (ctx) => answerContact('email', ctx),
  phone: (ctx) => answerContact('phone', ctx),
  address: (ctx) => answerContact('address', ctx),
  signer: answerSigner,
  recipients: answerRecipients,
  header: answerHeader,
  outline: answerOutline,
  section: answerSection,
  // "Đoàn xã Phúc Thịnh ở đâu": the address of a unit the plan gives, else where an event takes place.
  place: (ctx) => answerContact('address', ctx, true) ?? answerPlace(ctx),
  reference: answerReference,
  duration: (ctx) => answerShaped(ctx, 'duration'),
  cutoff: (ctx) => answerShaped(ctx, 'cutoff'),
  sanction: (ctx) => answerShaped(ctx, 'sanction'),
  rating: (ctx) => answerShaped(ctx, 'rating'),
  form: (ctx) => answerShaped(ctx, 'form'),
  applies: (ctx) => answerShaped(ctx, 'applies'),
  when: answerWhen,
  duties: answerDuties,
  general: (ctx) => withShape(ctx, headingSayingWhen(ctx) ?? answerSignerByRole(ctx, QUESTION_FILLERS) ?? answerFromPassages(ctx)),
};

/** Kinds whose answer has a shape no other answer stands in for: "mẫu nào" is not answered without a form named. */
const STRICT_SHAPES: readonly ShapedKind[] = ['form', 'duration', 'cutoff', 'applies'];

/** A general answer to a question of a strict shape holds that shape, or is no answer (the closest sections are offered). */
function withShape(ctx: AnswerContext, draft: Draft | null): Draft | null {
  const kind = STRICT_SHAPES.find((k) => ctx.question.kinds.includes(k));
  if (!draft || !kind || ANSWER_SHAPES[kind].test(draft.body)) return draft;
  explainNote(ctx, `the answer found holds no ${kind}: not given`);
  return null;
}

/** A section named by its heading; for a question of when, only if what it holds says when. */
function headingSayingWhen(ctx: AnswerContext): Draft | null {
  const draft = answerHeading(ctx, QUESTION_FILLERS);
  return draft && (!ctx.question.kinds.includes('when') || saysWhen(draft.body)) ? draft : null;
}

/**
 * Answers questions about one plan document, offline: the question's kind picks the facts to look
 * at (dates, contacts, references, signer, recipients, duties), MiniSearch ranks them and the
 * plan's passages, and the answer cites the section it comes from.
 */
export class PlanIndex {
  private constructor(
    readonly doc: PlanDocument,
    private readonly rankers: PlanRankers,
  ) {}

  static build(doc: PlanDocument): PlanIndex {
    const byId = new Map(doc.sections.map((s) => [s.id, s]));
    const headings = new Map(doc.sections.map((s) => [s.id, headingChain(s, byId)]));
    const heading = (section: string | null): string => (section ? (headings.get(section) ?? '') : '');
    const passages = planPassages(doc);
    // The paragraph or item a date is in: "Đợt 1: Nhân dịp tết Dương lịch. Đúng 07h00 ngày 13/12/2025 …".
    const blocks = [...doc.preamble, ...doc.sections.flatMap((s) => s.blocks)];
    const dateBlocks = doc.facts.dates.map((d) => blocks.find((b) => b.sentences.includes(d.sentence))?.text ?? d.sentence);
    return new PlanIndex(doc, {
      passages: new Ranker(passages, { text: (p) => p.text, context: (p) => p.context }),
      dates: new Ranker(doc.facts.dates, {
        what: (d) => d.what,
        sentence: (d) => d.sentence,
        heading: (d) => heading(d.section),
        to: (d) => d.to.join(' | '),
        block: (d) => dateBlocks[doc.facts.dates.indexOf(d)] ?? '',
      }),
      dateBlocks,
      contacts: new Ranker(doc.facts.contacts, { owner: (c) => c.owner ?? '', context: (c) => c.context }),
      references: new Ranker(doc.facts.references, { text: (r) => r.text, type: (r) => r.type ?? '' }),
      duties: new Ranker(doc.facts.duties, { unit: (d) => d.unit }),
      headings,
      rarity: wordRarity(passages.map((p) => p.text)),
    });
  }

  answer(question: string, lang: Lang, t: TextFn): Answer {
    return this.answerWith(question, lang, t);
  }

  /** The answer and how it was chosen: the kind tried, the candidates with their scores, why the winner won. */
  explain(question: string, lang: Lang, t: TextFn): { answer: Answer; lines: string[] } {
    const lines: string[] = [];
    return { answer: this.answerWith(question, lang, t, lines), lines };
  }

  private answerWith(question: string, lang: Lang, t: TextFn, explain?: string[]): Answer {
    const q = readQuestion(question.trim());
    const query = expandQuery(q.text);
    const rarity = this.rankers.rarity;
    const ctx: AnswerContext = {
      doc: this.doc,
      rankers: this.rankers,
      question: q,
      query,
      lang,
      t,
      // The title is what the whole plan is about, so every passage answers the words of the title.
      scope: questionScope(this.doc, q, query),
      ...(explain ? { explain } : {}),
      coverage: (text, ignore = []) =>
        coverage(q, query, `${text} ${this.doc.header.title ?? ''}`, rarity, [...QUESTION_FILLERS, ...ignore]),
      hasContent: (ignore) => contentWords(q, [...QUESTION_FILLERS, ...ignore]).content.length > 0,
    };
    if (!q.words.some((w) => !isStopword(w))) return uncertainAnswer(ctx, 'empty');
    explain?.push(`kinds: ${q.kinds.join(' → ')}`);
    explain?.push(
      `scope: ${ctx.scope.named.length ? ctx.scope.named.join(' | ') : 'no heading named'}; report kind: ${ctx.scope.reportKind ?? '-'}; numbered: ${[...ctx.scope.qualifiers].map(([k, v]) => `${k} ${v}`).join(', ') || '-'}; sender levels: ${q.senderLevels.join(', ') || '-'}; recipient levels: ${q.recipientLevels.join(', ') || '-'}`,
    );
    for (const kind of q.kinds) {
      explain?.push(`— trying "${kind}"`);
      const draft = ANSWERERS[kind](ctx);
      if (draft && 'kind' in draft) {
        explain?.push(`"${kind}" gives a final reply (${draft.kind})`);
        return draft;
      }
      if (draft) {
        explain?.push(`"${kind}" answers, confidence ${draft.confidence.toFixed(2)} (≥ ${MIN_COVERAGE} needed)`);
        return { kind: 'answer', text: withSource(draft.body, draft.source, t), section: draft.section, confidence: draft.confidence };
      }
      explain?.push(`"${kind}": no answer`);
    }
    explain?.push('no kind answered: not sure, closest sections listed');
    return uncertainAnswer(ctx, 'unclear');
  }
}
