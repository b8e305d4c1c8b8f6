import { describe, expect, it } from 'vitest';
import { PlanIndex, readPlanDocument } from '../../src/qa/index.ts';
import { readQuestion } from '../../src/qa/question.ts';
import { norm, textFn } from './helpers.ts';

// Classes of miss found when the first frozen part was run (test/qa/corpus/README.md); the documents here are new.
const REGULATION = PlanIndex.build(
  readPlanDocument(
    `QUYẾT ĐỊNH
Ban hành Quy định về quỹ khuyến học của Đoàn
-----
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định về quỹ khuyến học.
Điều 2. Quyết định có hiệu lực kể từ ngày 01/3/2031.
Điều 3. Văn phòng, các quận, huyện Đoàn và chi đoàn chịu trách nhiệm thi hành Quyết định này.

QUY ĐỊNH
Về quỹ khuyến học
Điều 1. Thời hạn nộp quỹ
1. Chi đoàn nộp quỹ về Đoàn cơ sở chậm nhất sau 10 ngày kể từ ngày kết thúc học kỳ.
2. Đoàn cơ sở nộp quỹ về quận, huyện Đoàn trước ngày 20 của tháng đầu học kỳ sau.
3. Quận, huyện Đoàn nộp về Thành Đoàn mỗi năm 2 lần: trước ngày 15/7 và trước ngày 15/1.
Điều 2. Sử dụng quỹ
Quỹ dùng để trao học bổng cho đoàn viên; không được dùng quỹ để mua quà lưu niệm.
`,
    'qd.txt',
  ),
);
const SCHEDULE = PlanIndex.build(
  readPlanDocument(
    `CHƯƠNG TRÌNH
Hội nghị giao ban Đoàn năm 2031
-----
I. THỜI GIAN, ĐỊA ĐIỂM
- Thời gian: từ 07h30 đến 11h30 ngày 12/9/2031.
- Địa điểm: Hội trường Thành Đoàn, số 9 đường Lê Duẩn.
II. CHƯƠNG TRÌNH
- 08h00: Khai mạc hội nghị.
- 10h45: Bế mạc.
III. GIAO BAN CÁC QUÝ
1. Giao ban quý III họp ngày 12/9/2031.
2. Giao ban quý IV dự kiến họp ngày 10/12/2031.
3. Các đơn vị gửi báo cáo giao ban trước ngày 5 của tháng cuối quý.
`,
    'ctr.txt',
  ),
);
const ask = (index: PlanIndex, q: string): string => norm(index.answer(q, 'vi', textFn('vi')).text);

describe('classes of question that the first frozen part showed', () => {
  // "gửi kế hoạch về <nơi>": "kế hoạch về" names where the plan goes, not what it is about.
  it.each(['Huyện đoàn gửi kế hoạch về Tỉnh Đoàn trước ngày nào?', 'nop ke hoach ve thanh doan khi nao'])(
    '"%s" is not a question about the document itself',
    (q) => {
      expect(readQuestion(q).kinds).not.toContain('header');
    },
  );
  it.each(['Kế hoạch về việc gì?', 'Kế hoạch này về vấn đề gì?'])('"%s" still is', (q) => {
    expect(readQuestion(q).kinds).toContain('header');
  });

  // Dates written without a year ("trước ngày 15/7", "ngày 20 của tháng đầu học kỳ sau") answer when no full date fits.
  it('a yearless recurring date answers instead of an unrelated full date', () => {
    const answer = ask(REGULATION, 'Quận huyện đoàn nộp quỹ về Thành Đoàn khi nào?');
    expect(answer).toContain('15/7');
    expect(answer).toContain('15/1');
  });

  // "về quận, huyện Đoàn" written in lower case still names a level; a time limit ("chậm nhất sau 10 ngày") says when.
  it('"chi đoàn nộp … về đoàn cơ sở trong thời hạn nào" gets the branch\'s time limit, not the next level\'s deadline', () => {
    const answer = ask(REGULATION, 'Chi đoàn nộp quỹ về Đoàn cơ sở trong thời hạn nào?');
    expect(answer).toContain('10 ngày');
    expect(answer).not.toContain('ngày 20 của tháng đầu');
  });

  // "vào việc gì", "việc gì" only ask.
  it('"… không được dùng vào việc gì" is answered', () => {
    expect(ask(REGULATION, 'Quỹ không được dùng vào việc gì?')).toContain('mua quà lưu niệm');
  });

  // "tổ chức", "diễn ra", "họp" only say that something takes place in a question of where or when.
  it('"Hội nghị tổ chức ở đâu" gets the place, not the heading holding "tổ chức"', () => {
    expect(ask(SCHEDULE, 'Hội nghị tổ chức ở đâu?')).toContain('hội trường thành đoàn');
  });

  // An hour in a schedule ("08h00: Khai mạc") beats a date whose paragraph has another hour.
  it('"Khai mạc lúc mấy giờ" gets the schedule line', () => {
    expect(ask(SCHEDULE, 'Khai mạc hội nghị lúc mấy giờ?')).toContain('08h00');
  });

  // Numbered items told apart: "quý III" is not "quý IV", "đợt 1" not "đợt 2".
  it('"giao ban quý III" gets quarter III\'s date, "quý IV" quarter IV\'s', () => {
    expect(ask(SCHEDULE, 'Giao ban quý III họp ngày nào?')).toContain('12/9/2031');
    expect(ask(SCHEDULE, 'Giao ban quý IV họp ngày nào?')).toContain('10/12/2031');
  });

  it('a recurring deadline without a year ("trước ngày 5 của tháng cuối quý") answers "trước ngày nào hằng quý"', () => {
    expect(ask(SCHEDULE, 'Báo cáo giao ban gửi trước ngày nào hằng quý?')).toContain('ngày 5 của tháng cuối quý');
  });
});

describe('classes of question that the second frozen part showed', () => {
  const GUIDE = PlanIndex.build(
    readPlanDocument(
      `HƯỚNG DẪN
Tổ chức Ngày hội đọc sách năm 2031
-----
Căn cứ Quy định số 05-QĐi/TW ngày 01/3/2030 của Ban Chấp hành Trung ương; căn cứ Hướng dẫn số 40-HD/TWĐTN ngày 02/01/2031 của Ban Bí thư Trung ương Đoàn, Ban Thường vụ Tỉnh Đoàn hướng dẫn như sau:
I. NỘI DUNG
Mỗi chi đoàn tổ chức ít nhất 01 buổi đọc sách.
II. KIẾN NGHỊ
Đề nghị Sở Văn hóa tặng sách cho các thư viện xã.
`,
      'hd.txt',
    ),
  );
  // "<own type> căn cứ <other type> nào": the other type is the one asked ("Hướng dẫn căn cứ quy định nào" → the Quy định).
  it.each(['Hướng dẫn căn cứ quy định nào của Trung ương?', 'huong dan nay can cu quy dinh nao'])('"%s"', (q) => {
    expect(ask(GUIDE, q)).toContain('05-qđi/tw');
  });

  // "<own type> … điều gì": the document's own type names the document, and "điều gì" only asks.
  it('"Hướng dẫn kiến nghị điều gì?" reads the section named "Kiến nghị"', () => {
    expect(ask(GUIDE, 'Hướng dẫn kiến nghị điều gì?')).toContain('tặng sách');
  });
});
