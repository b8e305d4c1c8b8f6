import { describe, expect, it } from 'vitest';
import { PlanIndex, readPlanDocument } from '../../src/qa/index.ts';
import { readQuestion } from '../../src/qa/question.ts';
import { norm, SEED_2013, seedIndex, textFn } from './helpers.ts';

const ask = (index: PlanIndex, q: string): string => norm(index.answer(q, 'vi', textFn('vi')).text);

// A guideline whose items are report kinds and whose sentences say who sends where, with no level sections.
const GUIDE = PlanIndex.build(
  readPlanDocument(
    `HƯỚNG DẪN
Chế độ báo cáo năm 2030
-----
I. CÁC LOẠI BÁO CÁO
1. Báo cáo tháng
- Số liệu báo cáo tháng tính từ ngày 20 tháng trước đến ngày 19 của tháng báo cáo.
- Các đơn vị gửi báo cáo tháng về Tỉnh Đoàn trước ngày 21 hằng tháng.
2. Báo cáo quý
- Báo cáo quý gửi về Tỉnh Đoàn trước ngày 18 của tháng cuối quý; Tỉnh Đoàn tổng hợp gửi Trung ương Đoàn trước ngày 24 của tháng cuối quý.
3. Báo cáo sơ kết 6 tháng
- Các đơn vị gửi báo cáo 6 tháng về Tỉnh Đoàn trước ngày 12/6/2030.
- Tỉnh Đoàn gửi báo cáo 6 tháng về Trung ương Đoàn trước ngày 22/6/2030.
`,
    'hd.txt',
  ),
);

describe('who sends and where to, read from the question', () => {
  // Family: "<report> gửi <level>", "nộp <level>" — a level right after the verb is the recipient, marker or not.
  it.each([
    ['Báo cáo 6 tháng gửi Tỉnh Đoàn trước ngày nào?', ['province'], []],
    ['bao cao 6 thang gui tinh doan truoc ngay nao', ['province'], []],
    ['báo cáo năm nộp trung ương hạn chót', ['central'], []],
    ['Tỉnh Đoàn báo cáo Trung ương Đoàn hạn chót khi nào?', ['central'], ['province']],
    ['huyện đoàn gửi báo cáo về tỉnh đoàn khi nào', ['province'], ['district']],
  ])('"%s": recipient %j, sender %j', (question, recipient, sender) => {
    const q = readQuestion(question);
    expect(q.recipientLevels).toEqual(recipient);
    expect(q.senderLevels).toEqual(sender);
  });
});

describe('the level a question names decides the deadline', () => {
  it('"gửi Tỉnh Đoàn" gets the units\' date to the province, "gửi Trung ương" the province\'s date to the centre, typed with or without diacritics', () => {
    expect(ask(GUIDE, 'Báo cáo 6 tháng gửi Tỉnh Đoàn trước ngày nào?')).toContain('12/6/2030');
    expect(ask(GUIDE, 'Báo cáo 6 tháng gửi Tỉnh Đoàn trước ngày nào?')).not.toContain('22/6/2030');
    expect(ask(GUIDE, 'bao cao 6 thang gui trung uong doan truoc ngay nao')).toContain('22/6/2030');
    expect(ask(GUIDE, 'Tỉnh Đoàn báo cáo 6 tháng lên Trung ương hạn chót')).toContain('22/6/2030');
  });

  it('within one sentence, the clause of the level asked is shown alone', () => {
    const toProvince = ask(GUIDE, 'bao cao quy gui tinh doan truoc ngay nao');
    expect(toProvince).toContain('ngày 18 của tháng cuối quý');
    expect(toProvince).not.toContain('ngày 24');
    expect(ask(GUIDE, 'Tỉnh Đoàn gửi báo cáo quý lên Trung ương Đoàn trước ngày nào?')).toContain('ngày 24 của tháng cuối quý');
  });

  it('the seed plan: the district\'s date for "gửi Tỉnh Đoàn", the province\'s for "Tỉnh Đoàn nộp"', () => {
    const seed = seedIndex(SEED_2013);
    expect(ask(seed, 'Báo cáo 6 tháng gửi Tỉnh Đoàn trước ngày nào?')).toContain('10/6/2013');
    expect(ask(seed, 'bao cao nam gui trung uong han khi nao')).toContain('15/11/2013');
    expect(ask(seed, 'Tỉnh Đoàn nộp báo cáo năm hạn chót')).toContain('15/11/2013');
  });
});

describe('the item a question names bounds the answer', () => {
  // Family: "<report kind> … ngày nào" where siblings are other report kinds ("báo cáo tháng" vs "báo cáo 6 tháng").
  it('a report kind named by its heading is answered from that item, not from a sibling with a written date', () => {
    expect(ask(GUIDE, 'Báo cáo tháng gửi Tỉnh Đoàn trước ngày nào?')).toContain('ngày 21 hằng tháng');
    expect(ask(GUIDE, 'Số liệu báo cáo tháng chốt từ ngày nào?')).toContain('ngày 20 tháng trước');
  });

  it('the seed plan: "báo cáo năm" is not answered with the 6-month report as well', () => {
    const answer = ask(seedIndex(SEED_2013), 'huyện đoàn nộp báo cáo cả năm hạn chót');
    expect(answer).toContain('10/11/2013');
    expect(answer).not.toContain('10/6/2013');
  });
});
