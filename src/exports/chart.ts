import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { ChartModel } from '../core/exports/chart-model.ts';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from './chart-font.ts';
import { collectYoungGarbage } from '../infra/collect-garbage.ts';

/**
 * ECharts' own minified single-file build, the same library: importing the package loads its
 * hundreds of ES modules, which cost the process about 40 MB (75 MB under tsx) against 12–18 MB for
 * this file, on the first /tonghop of a national tree.
 */
const echarts = createRequire(import.meta.url)('echarts/dist/echarts.min') as typeof import('echarts');

const WIDTH = 1100;
const LABEL_WIDTH = 330;
const COLORS = { on_time: '#2e9e44', late: '#f29d38', missing: '#d64545' } as const;
const STATES = ['on_time', 'late', 'missing'] as const;

/** Pixel layout of the two panels, from how many rows each has. */
function layout(model: ChartModel) {
  const rowHeight = model.rows.length > 1 ? 26 : 44;
  const completenessTop = 110;
  const completenessHeight = Math.max(1, model.rows.length) * rowHeight;
  const figuresTop = completenessTop + completenessHeight + 80;
  const figuresHeight = Math.max(1, model.figures.length) * 38;
  return { completenessTop, completenessHeight, figuresTop, figuresHeight, height: figuresTop + figuresHeight + 30 };
}

/** The summary chart as SVG, drawn by ECharts on the server (no browser, no canvas). */
export function renderChartSvg(model: ChartModel): string {
  const box = layout(model);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: box.height });
  try {
    chart.setOption(option(model, box));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The summary chart as a PNG (resvg, with the bundled DejaVu font only). */
export function renderChartPng(model: ChartModel): Buffer {
  const png = svgToPng(renderChartSvg(model));
  // resvg's pixels and fonts are freed only when its handles are collected (see infra/collect-garbage.ts).
  collectYoungGarbage();
  return png;
}

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: CHART_FONT_FILES, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return Buffer.from(resvg.render().asPng());
}

function option(model: ChartModel, box: ReturnType<typeof layout>): EChartsOption {
  const perUnit = model.rows.every((r) => r.counts.on_time + r.counts.late + r.counts.missing === 1);
  const axisLabel = { width: LABEL_WIDTH - 20, overflow: 'truncate' as const, fontSize: 13, color: '#222' };
  const percent = model.reference !== 'total';
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: [
      { text: model.title, left: 20, top: 14, textStyle: { fontSize: 19, fontWeight: 'bold', width: WIDTH - 40, overflow: 'truncate' } },
      { text: model.subtitle, left: 20, top: 44, textStyle: { fontSize: 14, fontWeight: 'normal', color: '#444' } },
      { text: model.completenessTitle, left: 20, top: box.completenessTop - 32, textStyle: { fontSize: 15 } },
      { text: model.figuresTitle, left: 20, top: box.figuresTop - 40, textStyle: { fontSize: 15 } },
    ],
    graphic: model.figures.length
      ? []
      : [
          {
            type: 'text',
            left: LABEL_WIDTH,
            top: box.figuresTop + 8,
            style: { text: model.noFigures, fontSize: 14, fill: '#666', fontFamily: CHART_FONT_FAMILY },
          },
        ],
    legend: {
      top: box.completenessTop - 34,
      right: 30,
      itemGap: 18,
      textStyle: { fontSize: 13 },
      data: STATES.map((s) => model.stateNames[s]),
    },
    grid: [
      { left: LABEL_WIDTH, right: 60, top: box.completenessTop, height: box.completenessHeight },
      { left: LABEL_WIDTH, right: 230, top: box.figuresTop, height: box.figuresHeight },
    ],
    xAxis: [
      { type: 'value', gridIndex: 0, show: !perUnit, minInterval: 1, max: perUnit ? 1 : undefined, axisLabel: { fontSize: 12 } },
      {
        type: 'value',
        gridIndex: 1,
        axisLabel: { fontSize: 12, formatter: (v: number) => `${model.format(v)}${percent ? '%' : ''}` },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
    ],
    yAxis: [
      { type: 'category', gridIndex: 0, inverse: true, data: model.rows.map((r) => r.label), axisLabel, axisTick: { show: false } },
      {
        type: 'category',
        gridIndex: 1,
        inverse: true,
        data: model.figures.map((f) => f.label),
        axisLabel,
        axisTick: { show: false },
      },
    ],
    series: [
      ...STATES.map((state) => ({
        type: 'bar' as const,
        name: model.stateNames[state],
        stack: 'units',
        xAxisIndex: 0,
        yAxisIndex: 0,
        barWidth: model.rows.length > 1 ? 16 : 28,
        itemStyle: { color: COLORS[state] },
        label: {
          show: true,
          color: '#fff',
          fontSize: 12,
          formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? (perUnit ? model.stateNames[state] : String(p.value)) : ''),
        },
        data: model.rows.map((r) => r.counts[state]),
      })),
      {
        type: 'bar' as const,
        xAxisIndex: 1,
        yAxisIndex: 1,
        barWidth: 18,
        itemStyle: { color: '#2f6db5' },
        label: {
          show: true,
          position: 'right' as const,
          fontSize: 12,
          color: '#222',
          formatter: (p: { dataIndex: number }) => model.figures[p.dataIndex]?.caption ?? '',
        },
        // A figure with no reference gets no bar, only its caption.
        data: model.figures.map((f) => f.value ?? { value: 0, itemStyle: { color: 'transparent' } }),
        ...(percent
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: '#888', type: 'dashed' as const },
                data: [{ xAxis: 100 }],
              },
            }
          : {}),
      },
    ],
  };
}
