import type { DutyFact, Section } from '../plan-document.ts';
import { levelsIn } from '../levels.ts';
import { DUTY_PARENTS } from '../vocabulary.ts';
import { findPhrase, words } from '../vietnamese-text.ts';

const MAX_UNIT_WORDS = 14;
/** "Trên đây là kế hoạch …": the closing paragraph, which the last section holds but is no task. */
const CLOSING_REMARK = /^Trên đây/iu;

function ancestors(section: Section, byId: ReadonlyMap<string, Section>): Section[] {
  const out: Section[] = [];
  for (let p = section.parentId ? byId.get(section.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) out.push(p);
  return out;
}

/**
 * What each level or unit must do: sections named after a unit ("Cấp tỉnh", "Đoàn cấp huyện",
 * "Phòng Kinh tế") under a heading such as "TỔ CHỨC THỰC HIỆN", or short headings naming a level.
 */
export function extractDuties(sections: readonly Section[]): DutyFact[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const duties: DutyFact[] = [];
  for (const section of sections) {
    const unit = section.heading.replace(/[:.]+$/u, '').trim();
    const unitWords = words(unit);
    if (unitWords.length === 0 || unitWords.length > MAX_UNIT_WORDS || section.depth < 2) continue;
    const underDuties = ancestors(section, byId).some((a) => DUTY_PARENTS.some((p) => findPhrase(words(a.heading), p.words) >= 0));
    const levels = levelsIn(unitWords);
    if (!underDuties && (levels.length === 0 || unitWords.length > 6)) continue;
    const own = [section, ...sections.filter((s) => ancestors(s, byId).includes(section))];
    const tasks = own
      .flatMap((s) => [...(s === section ? [] : [s.heading]), ...s.blocks.map((b) => b.text)])
      .filter((t) => !CLOSING_REMARK.test(t));
    if (tasks.length) duties.push({ unit, levels, section: section.id, tasks });
  }
  return duties;
}
