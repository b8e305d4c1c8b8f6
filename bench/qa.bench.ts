/**
 * Plan Q&A benchmark: milliseconds per answer (questions on both seed plans and on the development
 * corpus of every genre, goal ≤ 5 ms), the slowest question, and, measured in the same run, the ratio
 * of an answer to one bare MiniSearch search of the question over the plan's passages (the least any
 * answer costs), so that a loaded machine shows in both figures. Also milliseconds per plan read and
 * indexed; extra plans in ../shared/plans-extra are indexed too when present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Translator } from '../src/i18n/translator.ts';
import MiniSearch from 'minisearch';
import { PlanIndex, readPlanDocument } from '../src/qa/index.ts';
import { planPassages } from '../src/qa/search/passages.ts';
import { indexTerm, searchTerm, tokenize } from '../src/qa/search/terms.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = ['seed-2013-ninh-thuan.txt', 'seed-2021-kien-giang.txt'].map((f) => join(root, 'test/qa/fixtures', f));
const EXTRA_DIR = join(root, '../shared/plans-extra');
const ROUNDS = 20;
const CORPUS = join(root, 'test/qa/corpus/dev');

/** The development corpus: each document with the questions asked about it. */
function corpusCases(): { path: string; questions: string[] }[] {
  const byPlan = new Map<string, string[]>();
  for (const line of readFileSync(join(CORPUS, 'questions.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { plan: string; question: string };
    byPlan.set(c.plan, [...(byPlan.get(c.plan) ?? []), c.question]);
  }
  return [...byPlan].map(([plan, questions]) => ({ path: join(CORPUS, plan), questions }));
}

/** One bare search of the question over the plan's passages: the baseline an answer is compared with. */
function bareSearch(text: string, path: string): (q: string) => void {
  const passages = planPassages(readPlanDocument(text, path));
  const search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize,
    processTerm: indexTerm,
    searchOptions: { tokenize, processTerm: searchTerm },
  });
  search.addAll(passages.map((p, id) => ({ id, text: p.text })));
  return (q) => void search.search(q);
}

const QUESTIONS = [
  'hạn nộp báo cáo 6 tháng của huyện đoàn',
  'han chot bao cao ca nam',
  'tỉnh đoàn gửi báo cáo lên trung ương trước ngày nào',
  'email liên hệ là gì',
  'số điện thoại ban quốc tế',
  'địa chỉ gửi báo cáo ở đâu',
  'ai ký kế hoạch',
  'kế hoạch gửi tới những nơi nào',
  'đoàn cấp huyện có nhiệm vụ gì',
  'kế hoạch căn cứ hướng dẫn số mấy',
  'chỉ thị nào về công tác đối ngoại',
  'câu lạc bộ tiếng anh',
  'tổ chức hoạt động giao lưu với nước nào',
  'thanh niên học tập ở nước ngoài',
  'cơ quan thường trực là ai',
  'hoat dong doi ngoai theo tinh than nao',
  'kế hoạch này về việc gì',
  'giá vàng hôm nay',
];

export async function runQaBench(): Promise<string[]> {
  const translator = Translator.fromDirectory(join(root, 'locales'));
  const t = (key: string, params?: Record<string, string | number>): string => translator.t('vi', key, params);
  const extras = existsSync(EXTRA_DIR)
    ? readdirSync(EXTRA_DIR)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => join(EXTRA_DIR, f))
    : [];
  const texts = [...SEEDS, ...extras].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  const buildStart = performance.now();
  for (let r = 0; r < ROUNDS; r++) for (const { text, path } of texts) PlanIndex.build(readPlanDocument(text, path));
  const msPerPlan = (performance.now() - buildStart) / (ROUNDS * texts.length);

  const cases = [
    ...texts.slice(0, SEEDS.length).map(({ text, path }) => ({ text, path, questions: QUESTIONS })),
    ...corpusCases().map(({ path, questions }) => ({ text: readFileSync(path, 'utf8'), path, questions })),
  ].map((c) => ({ ...c, index: PlanIndex.build(readPlanDocument(c.text, c.path)), search: bareSearch(c.text, c.path) }));
  for (const c of cases) for (const q of c.questions) c.index.answer(q, 'vi', t); // warm-up
  let answers = 0;
  let answerMs = 0;
  let searchMs = 0;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cases) {
      for (const q of c.questions) {
        const started = performance.now();
        c.index.answer(q, 'vi', t);
        const middle = performance.now();
        c.search(q);
        const ms = middle - started;
        answerMs += ms;
        searchMs += performance.now() - middle;
        answers++;
        times.push(ms);
      }
    }
  }
  const msPerAnswer = answerMs / answers;
  const questions = cases.reduce((n, c) => n + c.questions.length, 0);
  return [
    `qa: ${msPerAnswer.toFixed(2)} ms per answer (${answers} answers: ${questions} questions on ${cases.length} documents × ${ROUNDS}; goal ≤ 5 ms)`,
    `qa: an answer costs ${(answerMs / searchMs).toFixed(1)}× one bare passage search of the question, measured in the same run (${(searchMs / answers).toFixed(3)} ms)`,
    `qa: 95% of answers within ${times.sort((a, b) => a - b)[Math.floor(times.length * 0.95)]?.toFixed(2)} ms (a loaded machine stretches single answers)`,
    `qa: ${msPerPlan.toFixed(2)} ms per plan read and indexed (${texts.length} plans × ${ROUNDS})`,
  ];
}
