/**
 * The baseline of `npm run bench -- inbound`: the same report form written the way a hand-written
 * telegraf bot usually is, a WizardScene with its session in Redis (ioredis), served by telegraf's
 * own webhook callback. Run as a child process by inbound.bench.ts; reads its settings from the
 * environment (BOT_TOKEN, API_ROOT, PORT, SECRET, REDIS_URL, PREFIX).
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { Markup, Scenes, Telegraf, session, type SessionStore } from 'telegraf';
import { parse } from 'yaml';

interface Question {
  id: string;
  type: 'integer' | 'decimal' | 'multi_choice' | 'yes_no' | 'text';
  prompt: string;
  min?: number;
  max?: number;
  options?: { id: string; label: string }[];
  when?: { field: string; op: 'gt'; value: number };
}
type Answer = number | string | string[] | boolean | null;
interface ReportState {
  periodId?: string;
  index: number;
  answers: Record<string, Answer>;
}

const env = process.env;
const prefix = env.PREFIX ?? 'wizard:';
const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const texts = flatten(JSON.parse(readFileSync('locales/vi/form.json', 'utf8')) as Record<string, unknown>, 'form');
const say = (key: string) => texts.get(key) ?? key;
const form = parse(readFileSync('flows/_forms/qttn-report.yaml', 'utf8')) as { questions: Question[] };
const questions = form.questions.map((q) => ({
  ...q,
  prompt: say(q.prompt),
  options: q.options?.map((o) => ({ id: o.id, label: say(o.label) })),
}));
const periods = [
  { id: '6thang-2027', title: 'Báo cáo công tác quốc tế thanh niên 6 tháng đầu năm 2027' },
  { id: 'canam-2027', title: 'Báo cáo công tác quốc tế thanh niên năm 2027' },
];

/** The session in Redis, as telegraf's session middleware wants it. */
const store: SessionStore<object> = {
  async get(key) {
    const raw = await redis.get(`${prefix}session:${key}`);
    return raw ? (JSON.parse(raw) as object) : undefined;
  },
  async set(key, value) {
    await redis.set(`${prefix}session:${key}`, JSON.stringify(value), 'EX', 60 * 60 * 24 * 60);
  },
  async delete(key) {
    await redis.del(`${prefix}session:${key}`);
  },
};

function asks(q: Question, answers: Record<string, Answer>): boolean {
  if (!q.when) return true;
  const value = answers[q.when.field];
  return typeof value === 'number' && value > q.when.value;
}

function prompt(index: number, answers: Record<string, Answer>): string {
  const q = questions[index]!;
  const total = questions.filter((x) => asks(x, answers)).length;
  const options = q.options ? `\n${q.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}` : '';
  return `Câu ${index + 1}/${total}\n${q.prompt}${options}`;
}

/** The answer to a question, or an error text. */
function read(q: Question, text: string): { value: Answer } | { error: string } {
  const t = text.trim().toLowerCase();
  switch (q.type) {
    case 'integer':
    case 'decimal': {
      const n = Number(q.type === 'integer' ? t.replace(/\./g, '') : t.replace(/\./g, '').replace(',', '.'));
      if (!Number.isFinite(n) || (q.type === 'integer' && !Number.isInteger(n))) return { error: 'Câu trả lời không phải là một số.' };
      if (n < (q.min ?? 0) || n > (q.max ?? Infinity)) return { error: `Số phải từ ${q.min ?? 0} đến ${q.max}.` };
      return { value: n };
    }
    case 'multi_choice': {
      const picked = t
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number);
      if (!picked.length || picked.some((i) => !q.options?.[i - 1])) return { error: 'Hãy gõ số thứ tự các lựa chọn.' };
      return { value: picked.map((i) => q.options![i - 1]!.id) };
    }
    case 'yes_no':
      return t === 'có' ? { value: true } : t === 'không' ? { value: false } : { error: 'Gõ có hoặc không.' };
    case 'text':
      return { value: t === 'bỏ qua' ? null : text.trim() };
  }
}

function nextIndex(from: number, answers: Record<string, Answer>): number {
  let i = from;
  while (i < questions.length && !asks(questions[i]!, answers)) i++;
  return i;
}

function review(answers: Record<string, Answer>): string {
  const lines = questions.filter((q) => q.id in answers).map((q) => `• ${q.id}: ${JSON.stringify(answers[q.id])}`);
  return `Vui lòng kiểm tra lại các câu trả lời:\n${lines.join('\n')}\nNếu đã đúng, gõ «gửi».`;
}

type Ctx = Scenes.WizardContext;
const state = (ctx: Ctx) => ctx.wizard.state as ReportState;

const report = new Scenes.WizardScene<Ctx>(
  'report',
  async (ctx) => {
    const unit = await redis.get(`${prefix}officer:${ctx.from!.id}`);
    if (!unit) {
      await ctx.reply('Bạn chưa là thành viên.');
      return ctx.scene.leave();
    }
    Object.assign(state(ctx), { index: 0, answers: {} });
    await ctx.reply(
      'Bạn báo cáo cho kỳ nào?',
      Markup.inlineKeyboard(periods.map((p) => [Markup.button.callback(p.title, `period:${p.id}`)])),
    );
    return ctx.wizard.next();
  },
  async (ctx) => {
    const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    if (!data?.startsWith('period:')) return ctx.reply('Hãy bấm một kỳ báo cáo.');
    await ctx.answerCbQuery();
    await ctx.editMessageReplyMarkup(undefined);
    const s = state(ctx);
    s.periodId = data.slice('period:'.length);
    await ctx.reply(`Báo cáo: ${periods.find((p) => p.id === s.periodId)?.title}\n\n${prompt(0, s.answers)}`);
    return ctx.wizard.next();
  },
  async (ctx) => {
    const s = state(ctx);
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    const q = questions[s.index]!;
    const result = read(q, text);
    if ('error' in result) return ctx.reply(`${result.error}\n${prompt(s.index, s.answers)}`);
    s.answers[q.id] = result.value;
    s.index = nextIndex(s.index + 1, s.answers);
    if (s.index < questions.length) return ctx.reply(prompt(s.index, s.answers));
    await ctx.reply(review(s.answers));
    return ctx.wizard.next();
  },
  async (ctx) => {
    const s = state(ctx);
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text.trim().toLowerCase() : '';
    if (text !== 'gửi') return ctx.reply('Gõ «gửi» để gửi báo cáo.');
    const unit = (await redis.get(`${prefix}officer:${ctx.from!.id}`)) ?? '';
    const revision = JSON.stringify({ periodId: s.periodId, unitCode: unit, answers: s.answers, at: new Date().toISOString() });
    const [[, count]] = (await redis
      .multi()
      .rpush(`${prefix}report:${s.periodId}:${unit}`, revision)
      .hset(`${prefix}report-latest:${s.periodId}`, unit, revision)
      .exec()) as [[null, number]];
    await ctx.reply(`Đã lưu báo cáo (lần ${count}) lúc ${new Date().toLocaleString('vi-VN')}.`);
    return ctx.scene.leave();
  },
);

const bot = new Telegraf<Ctx>(env.BOT_TOKEN ?? '1:bench', { telegram: { apiRoot: env.API_ROOT ?? '', webhookReply: false } });
bot.use(session({ store }));
bot.use(new Scenes.Stage<Ctx>([report]).middleware());
bot.command('baocao', (ctx) => ctx.scene.enter('report'));
bot.catch((err) => console.error('wizard bot error', err));

const callback = bot.webhookCallback('/telegram', { secretToken: env.SECRET ?? 'bench-secret' });
const server = createServer((req, res) => void callback(req, res));
server.keepAliveTimeout = 60_000;
bot.botInfo = await bot.telegram.getMe();
server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => process.stdout.write('ready\n'));

function flatten(node: Record<string, unknown>, path: string, out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string') out.set(`${path}.${key}`, value);
    else if (value && typeof value === 'object') flatten(value as Record<string, unknown>, `${path}.${key}`, out);
  }
  return out;
}
