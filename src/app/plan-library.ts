import type { Plan } from '../core/domain/plan.ts';
import type { Lang, Translator } from '../i18n/translator.ts';
import type { PlanBundle } from '../plan-bundle/bundle-types.ts';
import { PlanIndex, readPlanDocument, type Answer, type PlanDocument } from '../qa/index.ts';
import { routeQuestion } from '../qa/route-question.ts';
import type { PlanStore } from '../store/plan-store.ts';

/** A plan's document ready for questions, and how an answer names the plan. */
interface Indexed {
  index: PlanIndex;
  /** "KH 101-KH/TĐTN", or the plan's title when the document has no number. */
  label: string;
}

interface Entry extends Indexed {
  plan: Plan;
}

/** Where a question may be answered from, best first: what it names, else the asker's plans, else every plan. */
export interface AskContext {
  /** Plans with periods open for the asker now. */
  openPlanIds: readonly string[];
}

const DOC_TYPE_SHORT: Record<string, string> = {
  'KẾ HOẠCH': 'KH',
  'HƯỚNG DẪN': 'HD',
  'CÔNG VĂN': 'CV',
  'THÔNG BÁO': 'TB',
  'QUYẾT ĐỊNH': 'QĐ',
  'CHƯƠNG TRÌNH': 'CTr',
  'BÁO CÁO': 'BC',
};

/**
 * The documents of every plan, indexed for questions: the bundles' at start-up, the chat plans' read
 * from Redis the first time they are needed (at once after creation, and after a restart). Routes each
 * question to the plan it names, else to the plans of the asker's open periods, else to the best
 * answer across plans, and names the plan in the citation when there are several.
 */
export class PlanLibrary {
  private readonly indexed = new Map<string, Indexed>();

  constructor(
    private readonly plans: Pick<PlanStore, 'list' | 'document'>,
    private readonly translator: Translator,
    bundles: readonly PlanBundle[],
  ) {
    for (const bundle of bundles) {
      const index = PlanIndex.build(readPlanDocument(bundle.documentText, bundle.documentPath));
      this.indexed.set(bundle.id, { index, label: labelOf(index, bundle.title.vi) });
    }
  }

  /** The read document of a plan already indexed (every bundle's). */
  documentOf(planId: string): PlanDocument | undefined {
    return this.indexed.get(planId)?.index.doc;
  }

  /** Indexes a plan's document now (a plan just created in chat). */
  add(plan: Plan, documentText: string, fileName?: string): void {
    const index = PlanIndex.build(readPlanDocument(documentText, fileName));
    this.indexed.set(plan.id, { index, label: labelOf(index, plan.title.vi) });
  }

  /** Every plan with its index; archived plans only when asked by name. */
  private async all(): Promise<{ active: Entry[]; archived: Entry[] }> {
    const plans = await this.plans.list();
    const active: Entry[] = [];
    const archived: Entry[] = [];
    for (const plan of plans) {
      let indexed = this.indexed.get(plan.id);
      if (!indexed) {
        const text = await this.plans.document(plan.id);
        if (text === null) continue;
        this.add(plan, text);
        indexed = this.indexed.get(plan.id)!;
      }
      (plan.state === 'archived' ? archived : active).push({ ...indexed, plan });
    }
    return { active, archived };
  }

  async answer(asked: string, lang: Lang, context: AskContext): Promise<{ text: string; uncertain: boolean; planId: string | null }> {
    const { active, archived } = await this.all();
    const everyPlan = [...active, ...archived];
    if (everyPlan.length === 0) return { text: this.translator.t(lang, 'qa_host.unavailable'), uncertain: true, planId: null };
    const { named, question } = routeQuestion(
      asked,
      everyPlan.map((e) => ({ id: e.plan.id, title: e.plan.title.vi, number: e.plan.number ?? e.index.doc.header.number })),
    );
    const open = active.filter((e) => context.openPlanIds.includes(e.plan.id));
    // Several plans named alike: the asker's own among them, if any.
    const namedOpen = open.filter((e) => named.includes(e.plan.id));
    const candidates = namedOpen.length
      ? namedOpen
      : named.length
        ? everyPlan.filter((e) => named.includes(e.plan.id))
        : open.length
          ? open
          : active;
    const cite = everyPlan.length > 1;
    const answers = candidates.map((entry) => ({ entry, answer: this.answerFrom(entry, question, lang, cite) }));
    const found = answers
      .filter((a): a is { entry: Entry; answer: Extract<Answer, { kind: 'answer' }> } => a.answer.kind === 'answer')
      .sort((a, b) => b.answer.confidence - a.answer.confidence)[0];
    if (found) return { text: found.answer.text, uncertain: false, planId: found.entry.plan.id };
    // No plan among those asked answers: the first one's "not clear" reply, or, when neither the question
    // nor the asker pointed at a plan, the best answer of any other plan.
    if (named.length === 0 && open.length > 0) {
      const rest = active.filter((e) => !open.includes(e));
      const other = rest
        .map((entry) => ({ entry, answer: this.answerFrom(entry, question, lang, cite) }))
        .filter((a): a is { entry: Entry; answer: Extract<Answer, { kind: 'answer' }> } => a.answer.kind === 'answer')
        .sort((a, b) => b.answer.confidence - a.answer.confidence)[0];
      if (other) return { text: other.answer.text, uncertain: false, planId: other.entry.plan.id };
    }
    const first = answers[0] ?? { entry: everyPlan[0]!, answer: this.answerFrom(everyPlan[0]!, question, lang, cite) };
    const text = cite
      ? `${this.translator.t(lang, 'plans.plan_line', { plan: first.entry.label })}\n${first.answer.text}`
      : first.answer.text;
    return { text, uncertain: true, planId: first.entry.plan.id };
  }

  /** One plan's answer; with several plans the citation names the plan ("— KH 101-KH/TĐTN, Mục III.2"). */
  private answerFrom(entry: Entry, question: string, lang: Lang, cite: boolean): Answer {
    const t = (key: string, params?: Record<string, string | number>) => {
      if (cite && key === 'qa.answer.withSource' && params) {
        const source = String(params.source ?? '');
        return this.translator.t(lang, key, { ...params, source: source ? `${entry.label}, ${source}` : entry.label });
      }
      return this.translator.t(lang, key, params);
    };
    return entry.index.answer(question, lang, t);
  }
}

/** How an answer names its plan: "KH 101-KH/TĐTN" from the document's header, else the plan's title. */
function labelOf(index: PlanIndex, title: string): string {
  const { docType, number } = index.doc.header;
  if (!number) return title;
  const short = docType ? DOC_TYPE_SHORT[docType.toUpperCase()] : undefined;
  return short ? `${short} ${number}` : number;
}
