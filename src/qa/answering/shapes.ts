/**
 * What a passage answering each kind of question looks like. A question of such a kind is answered only
 * by a passage of that shape (the words of the question decide among them).
 */
export const ANSWER_SHAPES = {
  /** "trong vòng 24 giờ", "02 ngày", "chậm nhất sau 05 ngày làm việc", "01 ngày rưỡi"; how often: "hằng quý", "mỗi tháng". */
  duration:
    /(?<![\d/.])\d{1,3}\s*(?:ngày|giờ|tiếng|tháng|tuần|năm|phút|buổi)(?![\p{L}\d/])|ngày rưỡi|nửa ngày|(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm)|định kỳ/iu,
  /** "chốt đến ngày 14", "số liệu tính từ ngày 15 tháng trước", "tính trong khoảng thời gian từ …". */
  cutoff: /chốt|(?:tính|số liệu)\s+(?:từ|đến|tới|trong|tại)|thời điểm/iu,
  /** "không được xét tặng", "bị trừ điểm", "bị nhắc nhở", "xếp loại Không hoàn thành nhiệm vụ". */
  sanction:
    /không được\s+(?:xét|cấp|tham gia|công nhận|biểu quyết|khen|xếp loại|sử dụng|bình xét)|không xét|bị\s+(?:trừ|nhắc nhở|kỷ luật|xử lý|khiển trách|cảnh cáo|đình chỉ|thu hồi|phê bình)|trừ điểm|Không hoàn thành nhiệm vụ/iu,
  /** "xếp loại …", "Hoàn thành tốt nhiệm vụ". */
  rating: /xếp loại|hoàn thành (?:xuất sắc |tốt )?nhiệm vụ|đánh giá/iu,
  /** "Phụ lục 2", "Mẫu số 01", "Biểu 03", "biểu mẫu". */
  form: /phụ lục|mẫu|biểu/iu,
  /** "áp dụng đối với …", "Đối tượng: …", "Phạm vi: …". */
  applies: /áp dụng|đối tượng|phạm vi/iu,
} as const;

export type ShapedKind = keyof typeof ANSWER_SHAPES;
export const SHAPED_KINDS = Object.keys(ANSWER_SHAPES) as ShapedKind[];
