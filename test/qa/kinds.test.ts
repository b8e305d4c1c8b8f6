import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldText, PlanIndex, readPlanDocument } from '../../src/qa/index.ts';
import { readQuestion } from '../../src/qa/question.ts';
import { norm, textFn } from './helpers.ts';

// A small regulation written for these tests: every kind of question below has one passage that answers it.
const RULES = PlanIndex.build(
  readPlanDocument(
    `QUYẾT ĐỊNH
Ban hành Quy định về hoạt động của câu lạc bộ
-----
Căn cứ Hướng dẫn số 07-HD/TWĐTN ngày 01/02/2030 của Ban Bí thư Trung ương Đoàn;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định về hoạt động của câu lạc bộ.
Điều 2. Quyết định có hiệu lực kể từ ngày ký và thay thế Quyết định số 31-QĐ/TĐTN ngày 05/5/2025 của Ban Thường vụ Tỉnh Đoàn.

QUY ĐỊNH
Về hoạt động của câu lạc bộ
Điều 1. Đối tượng áp dụng
Quy định này áp dụng đối với các câu lạc bộ, đội, nhóm do Đoàn cơ sở thành lập.
Điều 2. Đăng ký hoạt động
1. Câu lạc bộ gửi hồ sơ đăng ký theo Mẫu số 03 kèm theo Quy định này.
2. Đoàn cơ sở xem xét hồ sơ trong vòng 07 ngày làm việc kể từ ngày nhận hồ sơ.
3. Số liệu thành viên câu lạc bộ chốt đến ngày 31/10 hằng năm.
Điều 3. Đánh giá và xử lý
1. Câu lạc bộ không sinh hoạt 06 tháng liên tục bị giải thể và không được xét khen thưởng trong năm.
2. Câu lạc bộ hoạt động hiệu quả được xếp loại "Vững mạnh".
`,
    'qd.txt',
  ),
);
const ask = (q: string): string => norm(RULES.answer(q, 'vi', textFn('vi')).text);

describe('kinds of question beyond dates and contacts, each a family of phrasings', () => {
  // Durations and time limits: "bao lâu", "trong vòng bao lâu", "bao nhiêu ngày", "sau mấy ngày".
  it.each([
    'Hồ sơ được xem xét trong bao lâu?',
    'xem xet ho so trong may ngay',
    'Xem xét hồ sơ mất bao nhiêu ngày?',
    'Chậm nhất sau bao nhiêu ngày thì có kết quả xem xét hồ sơ?',
  ])('duration: "%s"', (q) => {
    expect(readQuestion(q).kinds).toContain('duration');
    expect(ask(q)).toContain('07 ngày làm việc');
  });

  // Cut-off periods: "chốt số liệu", "số liệu tính đến", "chốt đến ngày nào".
  it.each([
    'Số liệu thành viên chốt đến ngày nào?',
    'Thời điểm chốt số liệu thành viên câu lạc bộ?',
    'so lieu thanh vien tinh den ngay nao',
  ])('cut-off: "%s"', (q) => {
    expect(readQuestion(q).kinds.some((k) => k === 'cutoff' || k === 'when')).toBe(true);
    expect(ask(q)).toContain('31/10 hằng năm');
  });

  // Sanctions: "thì sao", "bị xử lý thế nào", "bị gì", "có bị … không".
  it.each(['Câu lạc bộ không sinh hoạt 6 tháng thì sao?', 'Câu lạc bộ không sinh hoạt bị xử lý thế nào?', 'clb khong sinh hoat thi bi gi'])(
    'sanction: "%s"',
    (q) => {
      expect(readQuestion(q).kinds).toContain('sanction');
      expect(ask(q)).toContain('không được xét khen thưởng');
    },
  );

  // Ratings: "xếp loại gì", "được xếp loại thế nào".
  it.each(['Câu lạc bộ hoạt động hiệu quả được xếp loại gì?', 'clb hoat dong hieu qua xep loai the nao'])('rating: "%s"', (q) => {
    expect(readQuestion(q).kinds).toContain('rating');
    expect(ask(q)).toContain('vững mạnh');
  });

  // Forms and annexes: "mẫu nào", "mẫu số mấy", "phụ lục nào", "biểu mẫu".
  it.each(['Hồ sơ đăng ký theo mẫu nào?', 'Hồ sơ đăng ký câu lạc bộ theo mẫu số mấy?', 'ho so dang ky dung bieu mau gi'])(
    'form: "%s"',
    (q) => {
      expect(readQuestion(q).kinds).toContain('form');
      expect(ask(q)).toContain('mẫu số 03');
    },
  );

  // Scope of application: "áp dụng đối với", "đối tượng áp dụng", "áp dụng cho".
  it.each(['Quy định áp dụng đối với ai?', 'Đối tượng áp dụng của quy định?', 'quy dinh ap dung cho nhung ai'])(
    'scope of application: "%s"',
    (q) => {
      expect(readQuestion(q).kinds).toContain('applies');
      expect(ask(q)).toContain('câu lạc bộ, đội, nhóm');
    },
  );
});

describe('legal basis and replaced documents are told apart', () => {
  // Legal basis: "căn cứ … nào", "dựa trên văn bản nào".
  it.each(['Quyết định căn cứ văn bản nào?', 'Quyết định này dựa trên văn bản nào?', 'quyet dinh can cu huong dan nao'])(
    'basis: "%s"',
    (q) => {
      const answer = ask(q);
      expect(answer).toContain('07-hd/twđtn');
      expect(answer).not.toContain('31-qđ/tđtn');
    },
  );

  // Replaced documents: "thay thế … nào", "bãi bỏ văn bản nào".
  it.each(['Quyết định này thay thế văn bản nào?', 'Quyết định này bãi bỏ quyết định nào?', 'quyet dinh thay the quyet dinh nao'])(
    'replaced: "%s"',
    (q) => {
      const answer = ask(q);
      expect(answer).toContain('31-qđ/tđtn');
      expect(answer).not.toContain('07-hd/twđtn');
    },
  );
});

describe('a question about when an activity takes place gets its dates, not its description', () => {
  const PLAN = PlanIndex.build(
    readPlanDocument(
      `KẾ HOẠCH
Tổ chức các hoạt động hè năm 2030
-----
I. NỘI DUNG HOẠT ĐỘNG
1. Chương trình "Mùa hè xanh"
- Thành lập các đội hình tình nguyện giúp đỡ người dân vùng sâu sửa đường, làm nhà.
2. Hội trại thiếu nhi
- Tổ chức hội trại cho thiếu nhi tại các xã.
II. THỜI GIAN
1. Chương trình "Mùa hè xanh" triển khai từ ngày 01/7/2030 đến ngày 31/7/2030.
2. Hội trại thiếu nhi tổ chức vào ngày 15/8/2030.
`,
      'kh.txt',
    ),
  );
  // Family: "thời gian triển khai X", "X diễn ra khi nào", typed with or without diacritics; X's own section says no date.
  it.each([
    ['Thời gian triển khai chương trình Mùa hè xanh?', '01/7/2030'],
    ['thoi gian trien khai mua he xanh', '31/7/2030'],
    ['Hội trại thiếu nhi tổ chức khi nào?', '15/8/2030'],
  ])('"%s"', (q, date) => {
    const answer = norm(PLAN.answer(q, 'vi', textFn('vi')).text);
    expect(answer).toContain(date);
    expect(answer).not.toContain('sửa đường');
  });
});

describe('who may take part, where to hand in, and a clause read under its heading', () => {
  const NOTICE = PlanIndex.build(
    readPlanDocument(
      `THÔNG BÁO
Tiếp nhận hồ sơ Giải thưởng Sao Tháng Giêng năm 2030
-----
1. Đối tượng: sinh viên từ 18 đến 25 tuổi đang học tại các trường trong tỉnh.
2. Nơi nhận hồ sơ: Văn phòng Hội Sinh viên tỉnh, tầng 2, số 8 đường Hùng Vương.
3. Các trường hợp không xét giải thưởng
3.1. Sinh viên bị kỷ luật trong năm học.
3.2. Sinh viên nộp hồ sơ sau ngày 15/12/2030.
`,
      'tb.txt',
    ),
  );
  const answer = (q: string): string => norm(NOTICE.answer(q, 'vi', textFn('vi')).text);

  // Eligibility: "ai được tham gia", "ai được dự thi", "đối tượng nào" — who a notice applies to.
  it.each(['Ai được tham gia giải thưởng?', 'Những ai được đăng ký?', 'doi tuong nao duoc xet giai'])('eligibility: "%s"', (q) => {
    expect(readQuestion(q).kinds).toContain('applies');
    expect(answer(q)).toContain('từ 18 đến 25 tuổi');
  });

  // Where to hand in: "nộp … ở đâu" is answered by "Nơi nhận …: <address>" though it says neither "địa chỉ" nor "tại".
  it('"Nộp hồ sơ ở đâu?" gets the place where files are received', () => {
    expect(answer('Nộp hồ sơ ở đâu?')).toContain('văn phòng hội sinh viên tỉnh');
  });

  // A numbered clause that matches the question is shown under the heading that gives it its meaning.
  it('"Nộp hồ sơ sau ngày 15/12 thì có được xét không?" shows the clause with its heading', () => {
    expect(answer('Sinh viên nộp hồ sơ sau ngày 15/12/2030 thì có được xét giải không?')).toContain('các trường hợp không xét giải thưởng');
  });
});

describe('a date labelled with what the question names', () => {
  // Family: "thời gian triển khai X", "hạn đăng ký X" — the label before ":" ("Thời gian triển khai: …") beats a
  // sentence that only repeats the activity's name with another period in it.
  it('"Thời gian triển khai chương trình …" gets the "Thời gian triển khai:" dates, not the peak period of a sentence naming the programme', () => {
    const plan = PlanIndex.build(
      readPlanDocument(
        `KẾ HOẠCH
Chương trình "Tết ấm" năm 2031
-----
I. NỘI DUNG
1. Hoạt động cấp xã
- Thời gian triển khai: Từ ngày 05/01/2031 – 10/02/2031.
2. Hoạt động cấp cơ sở
- Triển khai chương trình "Tết ấm" thông qua thăm hỏi, tặng quà, cao điểm từ ngày 01/02/2031 – 08/02/2031.
`,
        'kh.txt',
      ),
    );
    const answer = norm(plan.answer('Thời gian triển khai chương trình Tết ấm?', 'vi', textFn('vi')).text);
    expect(answer).toContain('05/01/2031');
    expect(answer).toContain('10/02/2031');
  });
});

describe('every cue phrase of the new kinds is read, typed with or without diacritics', () => {
  const cues = JSON.parse(readFileSync(new URL('../../src/qa/lexicon/question-cues.json', import.meta.url), 'utf8')) as {
    kinds: Record<string, string[]>;
  };
  // One family each: durations, cut-off periods, sanctions, ratings, forms and annexes, scope of application.
  const families = ['duration', 'cutoff', 'sanction', 'rating', 'form', 'applies'] as const;
  it.each(families.flatMap((kind) => (cues.kinds[kind] ?? []).map((cue) => [kind, cue] as const)))('%s: "%s"', (kind, cue) => {
    expect(readQuestion(`Câu lạc bộ ${cue}?`).kinds).toContain(kind);
    expect(readQuestion(`cau lac bo ${foldText(cue)}?`).kinds).toContain(kind);
  });
});

describe('a question of a strict shape is not answered without it', () => {
  // "… theo mẫu nào" on a plan naming no form: not the section whose heading shares a word, but "not sure".
  it('"Kinh phí theo mẫu nào?" on a plan with a "Kinh phí" section and no form is not sure', () => {
    const plan = PlanIndex.build(
      readPlanDocument(
        `KẾ HOẠCH
Hội thi cắm trại năm 2031
-----
I. KINH PHÍ
1. Tỉnh Đoàn hỗ trợ 5 triệu đồng cho mỗi trại.
II. THỜI GIAN
Hội thi tổ chức ngày 26/3/2031.
`,
        'kh.txt',
      ),
    );
    expect(plan.answer('Kinh phí theo mẫu nào?', 'vi', textFn('vi')).kind).toBe('uncertain');
  });

  // How often: "bao lâu một lần" is answered by "hằng quý", "mỗi tháng", "định kỳ".
  it.each(['Văn phòng thông báo kết quả bao lâu một lần?', 'van phong thong bao ket qua bao lau mot lan'])('"%s"', (q) => {
    const plan = PlanIndex.build(
      readPlanDocument(
        `HƯỚNG DẪN
Chế độ báo cáo
-----
I. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi việc báo cáo của các đơn vị; hằng quý thông báo kết quả trong giao ban.
`,
        'hd.txt',
      ),
    );
    expect(norm(plan.answer(q, 'vi', textFn('vi')).text)).toContain('hằng quý');
  });
});
