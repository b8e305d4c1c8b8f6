import type { OutboundMessage } from '../messages.ts';
import type { Lang } from '../../i18n/translator.ts';
import type { PeriodStatus } from '../report/period-status.ts';
import type { BotServices } from '../bot/bot-services.ts';
import { titleIn } from '../text/dates.ts';
import { loadReportData } from './load-report-data.ts';

/**
 * The chart that comes with a summary, as a message; null when it cannot be made (logged), so that a
 * chart that fails to render never holds back the text summary it illustrates.
 */
export async function summaryChart(services: BotServices, status: PeriodStatus, lang: Lang): Promise<OutboundMessage | null> {
  if (status.units.length === 0) return null;
  try {
    const t = (key: string, params?: Record<string, string | number>) => services.translator.t(lang, key, params);
    const data = await loadReportData(services, status, lang);
    const content = await services.exports.renderers.chart(data, t);
    return {
      type: 'image',
      fileName: t('exports.chart.file_name', { period: status.period.id }),
      content,
      caption: t('exports.caption.chart', { period: titleIn(status.period.title, lang) }),
    };
  } catch (error) {
    services.logger.warn({ err: error, period: status.period.id }, 'summary chart could not be made; the text goes alone');
    return null;
  }
}
