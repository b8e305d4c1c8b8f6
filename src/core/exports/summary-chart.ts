import type { TextFn } from '../../flow/text-fn.ts';
import type { OutboundMessage } from '../messages.ts';
import type { Lang } from '../../i18n/translator.ts';
import type { PeriodStatus } from '../report/period-status.ts';
import type { SubtreeStatus } from '../report/subtree-status.ts';
import type { BotServices } from '../bot/bot-services.ts';
import type { Period } from '../domain/types.ts';
import type { FormSpec } from '../../flow/form-spec.ts';
import { titleIn } from '../text/dates.ts';
import { sayText } from '../../flow/form-text.ts';
import { targetFor } from '../../flow/targets.ts';
import { loadReportData } from './load-report-data.ts';
import { chartModel, subtreeChartModel, type ChartFigure, type ChartModel } from './chart-model.ts';
import { isNumeric } from './figures.ts';
import { numberFormatter } from './number-format.ts';
import { previousPeriod } from './previous-period.ts';

/**
 * The chart that comes with a summary, as a message; null when it cannot be made (logged), so that a
 * chart that fails to render never holds back the text summary it illustrates.
 */
export async function summaryChart(services: BotServices, status: PeriodStatus, lang: Lang): Promise<OutboundMessage | null> {
  if (status.units.length === 0) return null;
  return chartMessage(services, status.period, lang, async (t) =>
    chartModel(await loadReportData(services, status, lang), t, numberFormatter(lang)),
  );
}

/** The chart of a large subtree's summary, from its roll-ups: a bar per child unit, totals against target or previous period. */
export async function subtreeChart(
  services: BotServices,
  subtree: SubtreeStatus,
  form: FormSpec,
  lang: Lang,
): Promise<OutboundMessage | null> {
  if (subtree.whole.total === 0) return null;
  return chartMessage(services, subtree.period, lang, async (t) => {
    const { stores } = services;
    const before = previousPeriod(await stores.periods.list(), subtree.period);
    const previous = before ? (await stores.reports.rollups(before.id, [subtree.scope.code])).get(subtree.scope.code) : undefined;
    const figures: ChartFigure[] = form.questions
      .filter(isNumeric)
      // A share's mean cannot be read from the sums of the roll-ups.
      .filter((q) => q.aggregate !== 'mean')
      .map((q) => {
        const target = targetFor(q, subtree.whole.total, subtree.isRoot);
        const before = previous?.[`s:${q.id}`];
        return {
          label: sayText(q.label ?? q.prompt, t),
          measure: q.unit ? sayText(q.unit, t) : '',
          total: subtree.sums.get(q.id) ?? 0,
          ...(target !== undefined ? { target } : {}),
          ...(before !== undefined ? { previous: before } : {}),
        };
      });
    const children = subtree.children.map((c) => ({ label: c.unit.name, total: c.total, reported: c.reported, late: c.late }));
    return subtreeChartModel(titleIn(subtree.period.title, lang), children, figures, t, numberFormatter(lang));
  });
}

async function chartMessage(
  services: BotServices,
  period: Period,
  lang: Lang,
  model: (t: TextFn) => Promise<ChartModel>,
): Promise<OutboundMessage | null> {
  try {
    const t: TextFn = (key, params) => services.translator.t(lang, key, params);
    const content = await services.exports.renderers.chart(await model(t));
    return {
      type: 'image',
      fileName: t('exports.chart.file_name', { period: period.id }),
      content,
      caption: t('exports.caption.chart', { period: titleIn(period.title, lang) }),
    };
  } catch (error) {
    services.logger.warn({ err: error, period: period.id }, 'summary chart could not be made; the text goes alone');
    return null;
  }
}
