import type { Command } from '../bot/command.ts';
import type { BotContext } from '../bot/bot-context.ts';
import type { Period, ReportRevision, Review } from '../domain/types.ts';
import { commandChoice, offerChoices, awaitText } from '../bot/offered-choices.ts';
import { formatAnswers } from '../../flow/form-engine.ts';
import { foldText as fold } from '../../flow/fold.ts';
import { covers, loadTree, scopeOf } from '../org/scope.ts';
import type { UnitTree } from '../org/unit-tree.ts';
import { currentPeriod, findPeriod } from '../report/periods.ts';
import { formatDateTime, titleIn } from '../text/dates.ts';
import { sendToPerson } from './reach.ts';
import { mayReview } from './reviewers.ts';
import { formOf } from '../plans/plan-of.ts';

const ACCEPT = new Set(['ok', 'duyet', 'dat', 'accept', 'chapnhan']);
const RETURN = new Set(['tralai', 'return', 'tra']);
const VIEW = new Set(['xem', 'view']);
const HISTORY = new Set(['lichsu', 'history', 'nhatky']);
/** At most this many waiting reports are listed by a bare /duyet. */
const MAX_LISTED = 30;

interface Parsed {
  unitCode?: string;
  period?: Period;
  revision?: number;
  action: 'view' | 'accept' | 'return' | 'history' | 'list';
  comment: string;
}

function parse(words: string[], tree: UnitTree, periods: readonly Period[]): Parsed | null {
  const parsed: Parsed = { action: 'list', comment: '' };
  for (const [i, word] of words.entries()) {
    const folded = fold(word);
    if (RETURN.has(folded)) {
      parsed.action = 'return';
      parsed.comment = words
        .slice(i + 1)
        .join(' ')
        .trim();
      break;
    }
    if (ACCEPT.has(folded)) parsed.action = 'accept';
    else if (VIEW.has(folded)) parsed.action = 'view';
    else if (HISTORY.has(folded)) parsed.action = 'history';
    else if (/^\d+$/.test(word)) parsed.revision = Number(word);
    else if (!parsed.unitCode && tree.get(word)) parsed.unitCode = tree.get(word)!.code;
    else {
      const period = findPeriod(periods, word);
      if (!period) return null;
      parsed.period = period;
    }
  }
  if (parsed.unitCode && parsed.action === 'list') parsed.action = 'view';
  return parsed;
}

async function list(ctx: BotContext, period: Period, tree: UnitTree): Promise<void> {
  const { stores, province } = ctx.services;
  const units = tree.reportingWithin(scopeOf(ctx.person, province.code)).filter((u) => mayReview(tree, ctx.person, u.code));
  const latest = await stores.reports.latestOf(
    period.id,
    units.map((u) => u.code),
  );
  const waiting = units.filter((u) => latest.has(u.code) && !latest.get(u.code)!.review);
  if (waiting.length === 0) return ctx.replyText('review.none_waiting', { period: titleIn(period.title, ctx.lang) });
  const shown = waiting.slice(0, MAX_LISTED);
  const choices = shown.map((u) => ({
    id: commandChoice('duyet', u.code, period.id, 'xem'),
    label: ctx.t('review.waiting_line', { code: u.code, name: u.name, revision: latest.get(u.code)!.revision }),
  }));
  await offerChoices(ctx, ctx.t('review.waiting_heading', { count: waiting.length, period: titleIn(period.title, ctx.lang) }), choices);
}

function reviewState(rev: ReportRevision, t: BotContext['t'], zone: string): string {
  if (!rev.review) return t('review.state_waiting');
  const params = { by: rev.review.by.name, at: formatDateTime(rev.review.at, zone), comment: rev.review.comment ?? '' };
  return t(rev.review.state === 'accepted' ? 'review.state_accepted' : 'review.state_returned', params);
}

async function view(ctx: BotContext, period: Period, unitCode: string, rev: ReportRevision, tree: UnitTree): Promise<void> {
  const { timezone } = ctx.services;
  const form = await formOf(ctx.services, period);
  const unit = tree.get(unitCode);
  const text = [
    ctx.t('review.view_heading', {
      code: unitCode,
      name: unit?.name ?? unitCode,
      period: titleIn(period.title, ctx.lang),
      revision: rev.revision,
    }),
    ctx.t('review.view_sent', { by: rev.submittedBy.name, at: formatDateTime(rev.submittedAt, timezone) }),
    ...(rev.onBehalfOf ? [ctx.t('behalf.marked', { unit: rev.onBehalfOf })] : []),
    reviewState(rev, ctx.t, timezone),
    '',
    formatAnswers(form, rev.answers, ctx.t),
  ].join('\n');
  await offerChoices(ctx, text, [
    { id: commandChoice('duyet', unitCode, period.id, rev.revision, 'ok'), label: ctx.t('review.choice_accept') },
    { id: commandChoice('duyet', unitCode, period.id, rev.revision, 'tralai'), label: ctx.t('review.choice_return') },
  ]);
}

async function history(ctx: BotContext, period: Period, unitCode: string): Promise<void> {
  const entries = await ctx.services.stores.reports.reviewAudit(period.id, unitCode);
  if (entries.length === 0) return ctx.replyText('review.no_history', { code: unitCode });
  const lines = entries.map((e) =>
    ctx.t(e.state === 'accepted' ? 'review.history_accepted' : 'review.history_returned', {
      revision: e.revision,
      by: e.by.name,
      unit: e.by.unitCode,
      at: formatDateTime(e.at, ctx.services.timezone),
      comment: e.comment ?? '',
    }),
  );
  await ctx.reply({ type: 'text', text: [ctx.t('review.history_heading', { code: unitCode }), ...lines].join('\n') });
}

async function decide(ctx: BotContext, period: Period, unitCode: string, rev: ReportRevision, parsed: Parsed): Promise<void> {
  const { stores, clock, timezone } = ctx.services;
  const person = ctx.person!;
  if (parsed.action === 'return' && !parsed.comment) {
    await awaitText(ctx, commandChoice('duyet', unitCode, period.id, rev.revision, 'tralai'));
    return ctx.replyText('review.ask_comment', { code: unitCode });
  }
  const review: Review = {
    state: parsed.action === 'accept' ? 'accepted' : 'returned',
    by: { personId: person.id, name: person.name },
    at: clock().toISOString(),
    ...(parsed.comment ? { comment: parsed.comment } : {}),
  };
  const result = await stores.reports.review(period.id, unitCode, rev.revision, review, person.unitCode);
  if (result === 'outdated') return ctx.replyText('review.outdated', { code: unitCode });
  if (result === 'none') return ctx.replyText('review.not_reported', { code: unitCode });
  await stores.offers.clear(ctx.from.channel, ctx.from.userId);
  const params = { code: unitCode, period: titleIn(period.title, ctx.lang), revision: rev.revision, comment: review.comment ?? '' };
  await ctx.replyText(review.state === 'accepted' ? 'review.accepted_done' : 'review.returned_done', params);
  // The unit's officers learn it in their own language; a returned report is reopened by /baocao.
  const officers = (await stores.people.listByUnit(unitCode)).filter((p) => p.role === 'officer');
  const submitter = rev.submittedBy.personId;
  const others = submitter && !officers.some((p) => p.id === submitter) ? await stores.people.get(submitter) : null;
  for (const officer of others ? [...officers, others] : officers) {
    await sendToPerson(ctx.services, officer, (t, lang) => ({
      type: 'text',
      text: t(review.state === 'accepted' ? 'review.told_accepted' : 'review.told_returned', {
        code: unitCode,
        period: titleIn(period.title, lang),
        revision: rev.revision,
        by: person.name,
        at: formatDateTime(review.at, timezone),
        comment: review.comment ?? '',
        id: period.id,
      }),
    }));
  }
}

/**
 * /duyet: reports waiting for review in the leader's subtree; "/duyet HD01" shows one with Duyệt /
 * Trả lại; "/duyet HD01 ok" accepts; "/duyet HD01 tralai <lý do>" returns it to its officers with
 * the comment; "/duyet HD01 lichsu" shows who accepted or returned what, when, with which comment.
 */
export const reviewCommand: Command = {
  names: ['duyet', 'review'],
  words: ['duyệt'],
  access: ['leader', 'admin'],
  descriptionKey: 'review.command',
  menu: true,
  async run(ctx, args) {
    const { stores, province, clock } = ctx.services;
    const tree = await loadTree(stores, province.code);
    const periods = await stores.periods.list();
    const parsed = parse(args.split(/\s+/).filter(Boolean), tree, periods);
    if (!parsed) return ctx.replyText('review.usage');
    const period = parsed.period ?? currentPeriod(periods, clock());
    if (!period) return ctx.replyText('report.no_periods');
    if (!parsed.unitCode) return list(ctx, period, tree);
    const unitCode = parsed.unitCode;
    if (!covers(tree, ctx.person, unitCode) || !mayReview(tree, ctx.person, unitCode)) {
      return ctx.replyText('review.not_yours', { code: unitCode });
    }
    if (parsed.action === 'history') return history(ctx, period, unitCode);
    const rev = await stores.reports.latest(period.id, unitCode);
    if (!rev) return ctx.replyText('review.not_reported', { code: unitCode });
    if (parsed.revision !== undefined && parsed.revision !== rev.revision) return ctx.replyText('review.outdated', { code: unitCode });
    if (parsed.action === 'view') return view(ctx, period, unitCode, rev, tree);
    return decide(ctx, period, unitCode, rev, parsed);
  },
};
