/**
 * Plan Q&A benchmark: milliseconds per answer (many questions on both seed plans, goal ≤ 5 ms)
 * and per plan read and indexed. Extra plans in ../shared/plans-extra are indexed too when present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Translator } from '../src/i18n/translator.ts';
import { PlanIndex, readPlanDocument } from '../src/qa/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = ['seed-2013-ninh-thuan.txt', 'seed-2021-kien-giang.txt'].map((f) => join(root, 'test/qa/fixtures', f));
const EXTRA_DIR = join(root, '../shared/plans-extra');
const ROUNDS = 20;

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

  const indexes = texts.slice(0, SEEDS.length).map(({ text, path }) => PlanIndex.build(readPlanDocument(text, path)));
  for (const index of indexes) for (const q of QUESTIONS) index.answer(q, 'vi', t); // warm-up
  const answerStart = performance.now();
  let answers = 0;
  for (let r = 0; r < ROUNDS; r++) {
    for (const index of indexes) {
      for (const q of QUESTIONS) {
        index.answer(q, 'vi', t);
        answers++;
      }
    }
  }
  const msPerAnswer = (performance.now() - answerStart) / answers;
  return [
    `qa: ${msPerAnswer.toFixed(2)} ms per answer (${answers} answers, ${QUESTIONS.length} questions × ${indexes.length} seed plans × ${ROUNDS}; goal ≤ 5 ms)`,
    `qa: ${msPerPlan.toFixed(2)} ms per plan read and indexed (${texts.length} plans × ${ROUNDS})`,
  ];
}
