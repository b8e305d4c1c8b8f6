import type { TextFn } from '../../flow/text-fn.ts';
import type { LocalizedText } from '../../plan-bundle/bundle-types.ts';
import type { ReportData } from './report-data.ts';
import type { ChartModel } from './chart-model.ts';

/** Builds the files the exports send (src/exports behind it: exceljs, docx, ECharts + resvg). */
export interface ExportRenderers {
  /** The period workbook (.xlsx). */
  workbook(data: ReportData, t: TextFn): Promise<Buffer>;
  /** The province's report draft (.docx). */
  provinceReport(data: ReportData, t: TextFn): Promise<Buffer>;
  /** The summary chart (.png). */
  chart(model: ChartModel): Promise<Buffer>;
}

/** What the exports need besides the stores: the renderers, the plan's title and who signs the province's report. */
export interface ExportServices {
  renderers: ExportRenderers;
  planTitle: LocalizedText;
  /** From the configuration, else the plan's own signer, when known. */
  signer?: { title?: string; name?: string };
}
