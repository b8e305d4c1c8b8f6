import type { BotServices } from '../bot/bot-services.ts';
import type { ReportRevision, Unit } from '../domain/types.ts';
import { commandChoice } from '../bot/offered-choices.ts';
import { loadTree } from '../org/scope.ts';
import { formatDateTime } from '../text/dates.ts';
import { sendToPerson } from './reach.ts';
import { reviewersOf } from './reviewers.ts';

/** "HD01 vừa gửi báo cáo": tells the reviewers of the unit, with Duyệt / Trả lại / Xem as choices. */
export async function notifyReviewers(services: BotServices, revision: ReportRevision): Promise<void> {
  const tree = await loadTree(services.stores, services.province.code);
  const unit: Unit | { code: string; name: string } = tree.get(revision.unitCode) ?? { code: revision.unitCode, name: revision.unitCode };
  const reviewers = await reviewersOf(services.stores, tree, revision.unitCode);
  const args = [revision.unitCode, revision.periodId] as const;
  for (const reviewer of reviewers) {
    await sendToPerson(services, reviewer, (t) => ({
      type: 'choices',
      text: t('review.notify', {
        code: unit.code,
        name: unit.name,
        period: revision.periodId,
        revision: revision.revision,
        by: revision.submittedBy.name,
        at: formatDateTime(revision.submittedAt, services.timezone),
      }),
      choices: [
        { id: commandChoice('duyet', ...args, 'xem'), label: t('review.choice_view') },
        { id: commandChoice('duyet', ...args, 'ok'), label: t('review.choice_accept') },
        { id: commandChoice('duyet', ...args, 'tralai'), label: t('review.choice_return') },
      ],
    }));
  }
}
