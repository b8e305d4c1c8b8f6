import { describe, expect, it } from 'vitest';
import { DEMO_2027, SEED_2013, SEED_2021, norm, seedIndex, textFn } from './helpers.ts';

/** Our own questions on the seed plans, phrased unlike the evaluation set: [question, plan, every expected, cited section]. */
const CASES: [string, string, (string | string[])[], string][] = [
  ['Hạn chót nộp báo cáo năm của huyện đoàn?', SEED_2013, ['10/11/2013'], 'Mục III.2'],
  ['huyện đoàn nộp báo cáo sáu tháng khi nào', SEED_2013, ['10/6/2013'], 'Mục III.2'],
  ['tinh doan gui bao cao nam len trung uong truoc ngay nao', SEED_2013, ['15/11/2013'], 'Mục III.1'],
  ['Cho hỏi fax của Ban Quốc tế', SEED_2013, ['04.6263 1934'], 'Mục III.1'],
  ['Ban Quốc tế ở địa chỉ nào?', SEED_2013, ['Bà Triệu'], 'Mục III.1'],
  ['mail ban doan ket tinh doan', SEED_2013, ['bandoankettinhdoan@gmail.com'], 'Mục III.2'],
  ['Cấp tỉnh phải làm những gì?', SEED_2013, ['Tham mưu cho Tỉnh uỷ'], 'Mục III.1'],
  ['Văn bản nào của Trung ương Đoàn về thực hiện Chỉ thị 04?', SEED_2013, ['379-KH/TWĐTN'], 'Mục II.1'],
  ['Có hợp tác với Nhật Bản không?', SEED_2013, ['Nhật Bản'], 'Mục II.1'],
  ['Thanh niên ở nước ngoài được biểu dương thế nào?', SEED_2013, ['biểu dương'], 'Mục II.3'],
  ['Tham mưu cho ai về công tác quốc tế thanh niên?', SEED_2013, ['Tỉnh uỷ, UBND tỉnh'], 'Mục III.1'],
  ['Nước láng giềng nào được nhắc đến?', SEED_2013, [['Campuchia', 'Lào', 'Trung Quốc']], 'II.1'],
  ['Kế hoạch này về vấn đề gì?', SEED_2013, ['công tác quốc tế thanh niên năm 2013'], 'Phần đầu văn bản'],
  ['Ban nào làm cơ quan thường trực?', SEED_2021, ['Ban Đoàn kết Tập hợp Thanh niên'], 'Mục III.1'],
  ['Tỉnh đoàn có nhiệm vụ gì?', SEED_2021, ['Ngày Hội giao lưu hữu nghị'], 'Mục III.1'],
  ['Liên hoan CLB tiếng Anh', SEED_2021, ['liên hoan các CLB'], 'Mục II.2'],
  ['hoc sinh Lao Campuchia hoc o truong nao', SEED_2021, ['Trường Đại học Kiên Giang'], 'Mục III.1'],
  ['Kế hoạch căn cứ văn bản nào?', SEED_2021, ['61-HD/TWĐTN-BQT'], 'Phần mở đầu'],
  ['Người ký kế hoạch là ai', SEED_2021, ['Phan Đình Nhân', 'PHÓ BÍ THƯ'], 'Phần ký tên'],
  ['nơi nhận', SEED_2021, ['Sở Ngoại vụ tỉnh'], 'Nơi nhận'],
  // A cited document named by its type and bare number.
  ['Kế hoạch 379 ra ngày nào?', SEED_2013, ['09/3/2012'], 'Mục II.1'],
  // A section named by its heading: what it holds, how many, or its n-th item.
  ['Kế hoạch có bao nhiêu nội dung?', SEED_2021, ['NỘI DUNG (2 mục)', 'truyền thông'], 'Mục II'],
  ['Trọng tâm công tác thứ hai là gì?', SEED_2013, ['Tăng cường tuyên truyền'], 'Mục I.2'],
  ['muc dich yeu cau cua ke hoach', DEMO_2027, ['Nâng cao nhận thức'], 'Mục I'],
  // The signer's title alone.
  ['Phó bí thư là ai?', SEED_2021, ['Phan Đình Nhân'], 'Phần ký tên'],
  // "Ngoài email": another channel, not the e-mail address again.
  ['Ngoài e-mail còn gửi báo cáo qua kênh nào?', DEMO_2027, ['doanbot'], 'Mục III.2'],
  ['Kế hoạch được lưu ở đâu?', SEED_2013, ['Lưu VT, Ban ĐK'], 'Nơi nhận'],
  // Where the level the question names sends its report, not where another level sends.
  ['bao cao nam cua tinh doan gui ve dau', SEED_2013, [['62 Bà Triệu', 'qttntwd@googlegroups.com']], 'Mục III.1'],
  // Sibling sections named alike ("1. Cấp tỉnh", "2. Huyện thành Đoàn …" share no name; "Nội dung thứ 3" picks one).
  ['Nội dung thứ 3 là gì?', DEMO_2027, ['Giao lưu hữu nghị'], 'Mục II.3'],
];

describe('answers on the seed plans', () => {
  it.each(CASES)('%s', (question, plan, expected, source) => {
    const answer = seedIndex(plan).answer(question, 'vi', textFn('vi'));
    expect(answer.kind).toBe('answer');
    expect(answer.text.length).toBeLessThanOrEqual(500);
    for (const item of expected) {
      const options = Array.isArray(item) ? item : [item];
      expect(
        options.some((o) => norm(answer.text).includes(norm(o))),
        `${answer.text} should contain ${options.join(' | ')}`,
      ).toBe(true);
    }
    expect(answer.text.slice(answer.text.lastIndexOf(' — '))).toContain(source);
  });

  it('cites sections in English for English readers', () => {
    const answer = seedIndex(SEED_2013).answer('email Ban Doan ket', 'en', textFn('en'));
    expect(answer.text).toBe('E-mail of Ban Đoàn kết Tỉnh Đoàn: bandoankettinhdoan@gmail.com — Section III.2');
  });

  it('gives both deadlines of a level when the question does not choose', () => {
    const answer = seedIndex(SEED_2013).answer('hạn nộp báo cáo của huyện đoàn', 'vi', textFn('vi'));
    expect(answer.text).toContain('10/6/2013');
    expect(answer.text).toContain('10/11/2013');
  });
});

describe('uncertain answers', () => {
  it.each([
    'Giá vàng hôm nay bao nhiêu?',
    'Ai là chủ tịch nước?',
    'Thời tiết Hà Nội ngày mai',
    'Email của Hội Phụ nữ là gì?',
    'Số điện thoại của công an xã?',
  ])('does not guess: %s', (question) => {
    const answer = seedIndex(SEED_2013).answer(question, 'vi', textFn('vi'));
    expect(answer.kind).toBe('uncertain');
    if (answer.kind !== 'uncertain') return;
    expect(answer.suggestions.length).toBeGreaterThan(0);
    expect(answer.suggestions.every((s) => s.startsWith('Mục '))).toBe(true);
  });

  it('says so when the plan names no signer', () => {
    const answer = seedIndex(SEED_2013).answer('Ai ký kế hoạch này?', 'vi', textFn('vi'));
    expect(answer).toEqual({ kind: 'uncertain', text: 'Kế hoạch không ghi rõ người ký.', suggestions: [] });
  });

  it('asks for a question when there is none', () => {
    expect(seedIndex(SEED_2021).answer('  ?? ', 'vi', textFn('vi')).kind).toBe('uncertain');
  });
});
