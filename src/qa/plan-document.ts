/**
 * What reading a plan document produces: its header, its numbered sections with their paragraphs
 * and "-" items split into sentences, the closing (recipients, signer) and the facts found in the
 * text. Plain data (JSON-serializable), printed as is by `npm run plan:inspect`.
 */

/** A level of the Youth Union, or a unit directly under the issuing committee. */
export type Level = 'central' | 'province' | 'district' | 'commune' | 'affiliated';

/** The document header (above the title). Missing parts are null. */
export interface PlanHeader {
  /** "KẾ HOẠCH", "HƯỚNG DẪN"… */
  docType: string | null;
  /** Issuing body, one line each ("THÀNH ĐOÀN HÀ NỘI", "BCH ĐOÀN XÃ PHÚC THỊNH"). */
  issuer: string[];
  /** The document number as written after "Số:" ("01-KH/TĐTN"). */
  number: string | null;
  place: string | null;
  /** Date of issue, YYYY-MM-DD. */
  date: string | null;
  title: string | null;
  /** Whom a công văn is addressed to ("Kính gửi: …"), when it says. */
  addressees?: string[];
}

/** A paragraph or a "-"/"+" item of a section. */
export interface Block {
  kind: 'paragraph' | 'item';
  text: string;
  sentences: string[];
}

/** A numbered part of the document: "III." → id "III", "2." under it → "III.2", "a)" → "III.2.a". */
export interface Section {
  id: string;
  parentId: string | null;
  depth: number;
  /** The heading text after the number, as written. */
  heading: string;
  blocks: Block[];
}

/** A date written in the text, with what it is about. */
export interface DateFact {
  /** YYYY-MM-DD. */
  date: string;
  /** As written ("10/6/2013", "ngày 24 tháng 01 năm 2026"). */
  raw: string;
  /** deadline: "trước ngày …"; start/end: a range; issued: the date of a cited document; event: any other. */
  role: 'deadline' | 'start' | 'end' | 'issued' | 'event';
  /** The part of the sentence the date belongs to (what is due, what happens). */
  what: string;
  sentence: string;
  section: string | null;
  /** Who must act: the heading of the level section the date is in ("Huyện thành Đoàn, Đoàn trực thuộc"). */
  who: string | null;
  whoLevels: Level[];
  /** Where things go: phrases after "gửi về", "lên", "qua"… in the same sentence. */
  to: string[];
}

/** An e-mail address, phone number or postal address, with whom it belongs to when the text says. */
export interface ContactFact {
  kind: 'email' | 'phone' | 'address';
  value: string;
  owner: string | null;
  context: string;
  section: string | null;
}

/** A reference to another document ("Chỉ thị 04-CT/TW ngày 06/7/2011 của Ban Bí thư …"). */
export interface ReferenceFact {
  /** "04-CT/TW". */
  code: string;
  /** "Chỉ thị", from the words before the number or from the code. */
  type: string | null;
  /** The reference as written, with its date, issuer and subject. */
  text: string;
  /** What the document is to this one, from the words before it: what it is based on ("Căn cứ", "Thực hiện") or what it replaces ("thay thế", "bãi bỏ"). */
  relation?: 'basis' | 'replaced';
  section: string | null;
}

/** What one level or unit must do (a section under "TỔ CHỨC THỰC HIỆN" named after it). */
export interface DutyFact {
  unit: string;
  levels: Level[];
  section: string;
  tasks: string[];
}

export interface Signer {
  name: string;
  /** "TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"… as written above the name. */
  roles: string[];
}

export interface PlanFacts {
  dates: DateFact[];
  contacts: ContactFact[];
  references: ReferenceFact[];
  duties: DutyFact[];
}

export interface PlanDocument {
  fileName: string | null;
  header: PlanHeader;
  /** Paragraphs between the title and the first numbered section ("Căn cứ …", "Thực hiện …"). */
  preamble: Block[];
  /** Sections in document order (a tree through `parentId`). */
  sections: Section[];
  /** The lines under "Nơi nhận". */
  recipients: string[];
  signer: Signer | null;
  facts: PlanFacts;
}
