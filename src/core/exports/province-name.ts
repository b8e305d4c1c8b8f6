/**
 * The parts of the province's name the administrative header uses: "Tỉnh Đoàn Ninh Thuận" →
 * committee "TỈNH NINH THUẬN" (for "BCH ĐOÀN TỈNH NINH THUẬN") and place "Ninh Thuận".
 * A name in another shape is used as it is.
 */
export function provinceParts(name: string): { committee: string; place: string } {
  const trimmed = name.normalize('NFC').trim();
  const match = /^(tỉnh|thành)\s+đoàn\s+(.+)$/iu.exec(trimmed);
  if (match) {
    const kind = (match[1] ?? '').toLowerCase() === 'tỉnh' ? 'TỈNH' : 'THÀNH PHỐ';
    const place = (match[2] ?? '').trim();
    return { committee: `${kind} ${place.toLocaleUpperCase('vi')}`, place };
  }
  if (/^(tỉnh|thành)\s+đoàn$/iu.test(trimmed)) return { committee: 'TỈNH …', place: '…' };
  return { committee: trimmed.toLocaleUpperCase('vi'), place: trimmed };
}

/** "Báo cáo công tác quốc tế thanh niên năm 2027" → "Công tác quốc tế thanh niên năm 2027": the subject under "BÁO CÁO". */
export function reportSubject(periodTitle: string): string {
  const rest = periodTitle.replace(/^\s*(báo cáo|report)\s*[:,-]?\s*/iu, '').trim();
  return rest ? rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1) : periodTitle;
}
