import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { chartModel } from '../../src/core/exports/chart-model.ts';
import { renderChartPng, renderChartSvg } from '../../src/exports/chart.ts';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from '../../src/exports/chart-font.ts';
import { numberFormatter } from '../../src/core/exports/number-format.ts';
import { fontCoverage } from '../support/font-cmap.ts';
import { bundle, revision, sampleData, tr, unit, unitReport } from './fixtures.ts';
import type { FormSpec } from '../../src/flow/form-spec.ts';
import type { UnitReport } from '../../src/core/exports/report-data.ts';

const SAMPLE = 'Đoàn phường Ỷ La – Quỳnh Lưu – Nghĩa Đàn: ữ ỹ ặ ộ';
const format = numberFormatter('vi');

/** Renders one line of text with the charts' font and settings; returns its pixels. */
function renderText(text: string): Buffer {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><text x="10" y="40" font-family="${CHART_FONT_FAMILY}" font-size="28">${escaped}</text></svg>`;
  const resvg = new Resvg(svg, {
    background: '#fff',
    font: { loadSystemFonts: false, fontFiles: CHART_FONT_FILES, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return Buffer.from(resvg.render().pixels);
}

function manyUnits(count: number, parents: number): UnitReport[] {
  const period = sampleData().period;
  return Array.from({ length: count }, (_, i) => {
    const code = `X${i}`;
    const revs = i % 4 === 0 ? [] : [revision(period.id, code, { propaganda_sessions: 1 }, { late: i % 4 === 1 })];
    return unitReport(unit(code, `Đoàn xã ${i}`, 'P'), revs, `Huyện Đoàn ${i % parents}`);
  });
}

describe('chart text', () => {
  it('the bundled DejaVu Sans maps every code point of Vietnamese sample text to a glyph', () => {
    for (const file of CHART_FONT_FILES) {
      const covers = fontCoverage(file);
      const missing = [...SAMPLE.normalize('NFC')].filter((ch) => !covers(ch.codePointAt(0)!));
      expect(missing, file).toEqual([]);
    }
    // The check can fail: a private-use code point has no glyph.
    expect(fontCoverage(CHART_FONT_FILES[0]!)(0xe000)).toBe(false);
  });

  it('draws each letter of the sample as itself, not as the missing-glyph box', () => {
    const tofu = renderText('\ue000');
    for (const ch of new Set(SAMPLE.replace(/\s/g, ''))) {
      expect(renderText(ch).equals(tofu), `“${ch}” is drawn as a missing glyph`).toBe(false);
    }
    // Diacritics are drawn: ữ is not u, ặ is not a.
    expect(renderText('ữ').equals(renderText('u'))).toBe(false);
    expect(renderText('ặ').equals(renderText('a'))).toBe(false);
  });

  it('puts the unit names and the figures in the chart, in the DejaVu font', () => {
    const data = sampleData();
    const units = [...data.units, unitReport(unit('HD04', SAMPLE), [])];
    const svg = renderChartSvg(chartModel({ ...data, units }, tr(), format));
    expect(svg).toContain('Đoàn phường Ỷ La');
    expect(svg).toContain(CHART_FONT_FAMILY);
    expect(svg).toContain('Chưa báo cáo');
  });
});

describe('chart content', () => {
  it('shows completeness per unit with few units', () => {
    const model = chartModel(sampleData(), tr(), format);
    expect(model.rows.map((r) => [r.label, r.counts])).toEqual([
      ['Huyện Đoàn Ninh Hải', { on_time: 1, late: 0, missing: 0 }],
      ['Đoàn phường Ỷ La', { on_time: 0, late: 1, missing: 0 }],
      ['Huyện Đoàn Quỳnh Lưu', { on_time: 0, late: 0, missing: 1 }],
    ]);
  });

  it('groups 150 units by their parent, and a flat list into one bar', () => {
    const byParent = chartModel({ ...sampleData(), units: manyUnits(150, 7) }, tr(), format);
    expect(byParent.rows).toHaveLength(7);
    const sum = (state: 'on_time' | 'late' | 'missing') => byParent.rows.reduce((n, r) => n + r.counts[state], 0);
    expect([sum('on_time'), sum('late'), sum('missing')]).toEqual([74, 38, 38]);
    const flat = chartModel({ ...sampleData(), units: manyUnits(150, 1) }, tr(), format);
    expect(flat.rows).toEqual([{ label: 'Toàn tỉnh (150 đơn vị)', counts: { on_time: 74, late: 38, missing: 38 } }]);
  });

  it('draws figures against the previous period, or against target when the form has targets', () => {
    const previous = chartModel(sampleData(), tr(), format);
    expect(previous.reference).toBe('previous');
    // 17 sessions against 12 the period before
    expect(previous.figures[0]).toMatchObject({ value: 141.7, caption: '141,7% · 17 buổi (kỳ trước 12)' });
    const form = {
      ...bundle.form,
      questions: bundle.form.questions.map((q) => (q.id === 'propaganda_sessions' ? { ...q, target: 10 } : q)),
    } as FormSpec;
    const target = chartModel(sampleData(form), tr(), format);
    expect(target.reference).toBe('target');
    expect(target.figures[0]).toMatchObject({ value: 56.7, caption: '56,7% · 17/30 buổi' });
  });

  it('renders PNGs for 5 and for 150 units, taller with more rows', () => {
    const small = renderChartPng(chartModel(sampleData(), tr(), format));
    const large = renderChartPng(chartModel({ ...sampleData(), units: manyUnits(150, 25) }, tr(), format));
    for (const png of [small, large]) expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(large.readUInt32BE(20)).toBeGreaterThan(small.readUInt32BE(20));
  });
});

describe('chart of a large subtree, from roll-ups', () => {
  it('has a bar per child unit and the totals against the previous period', async () => {
    const { subtreeChartModel } = await import('../../src/core/exports/chart-model.ts');
    const children = [
      { label: 'Huyện Đoàn 1', total: 15, reported: 5, late: 1 },
      { label: 'Huyện Đoàn 2', total: 15, reported: 15, late: 0 },
    ];
    const model = subtreeChartModel('Kỳ 6 tháng', children, [{ label: 'Buổi', measure: 'buổi', total: 40, previous: 32 }], tr(), format);
    expect(model.rows).toEqual([
      { label: 'Huyện Đoàn 1', counts: { on_time: 4, late: 1, missing: 10 } },
      { label: 'Huyện Đoàn 2', counts: { on_time: 15, late: 0, missing: 0 } },
    ]);
    expect(model.subtitle).toContain('20/30');
    expect(model.figures).toEqual([{ label: 'Buổi', value: 125, caption: '125% · 40 buổi (kỳ trước 32)' }]);
    expect(renderChartPng(model).subarray(1, 4).toString()).toBe('PNG');
  });
});
