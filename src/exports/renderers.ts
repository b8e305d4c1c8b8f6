import type { ExportRenderers } from '../core/exports/export-port.ts';

/**
 * The real builders: exceljs for the workbook, docx for the Word draft, ECharts + resvg for the chart.
 * Each library is loaded on first use (ECharts alone adds ~50 MB to a process), so a bot that is
 * only receiving reports does not carry them.
 */
export const exportRenderers: ExportRenderers = {
  workbook: async (data, t) => (await import('./workbook.ts')).workbookBytes(data, t),
  provinceReport: async (data, t) => (await import('./province-report.ts')).provinceReportBytes(data, t),
  chart: async (model) => (await import('./chart.ts')).renderChartPng(model),
};
