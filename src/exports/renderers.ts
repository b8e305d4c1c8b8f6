import type { ExportRenderers } from '../core/exports/export-port.ts';
import { workbookBytes } from './workbook.ts';
import { provinceReportBytes } from './province-report.ts';
import { renderChartPng } from './chart.ts';

/** The real builders: exceljs for the workbook, docx for the Word draft, ECharts + resvg for the chart. */
export const exportRenderers: ExportRenderers = {
  workbook: (data, t) => workbookBytes(data, t),
  provinceReport: (data, t) => provinceReportBytes(data, t),
  chart: async (model) => renderChartPng(model),
};
