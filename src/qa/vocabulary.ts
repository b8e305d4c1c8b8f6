/**
 * The data files of `lexicon/` (synonyms, levels, document types, question cues), loaded once and
 * turned into words ready for matching.
 */
import synonymData from './lexicon/synonyms.json' with { type: 'json' };
import levelData from './lexicon/levels.json' with { type: 'json' };
import documentTypeData from './lexicon/document-types.json' with { type: 'json' };
import cueData from './lexicon/question-cues.json' with { type: 'json' };
import type { Level } from './plan-document.ts';
import { canonical, foldText, words, type Word } from './vietnamese-text.ts';

/** A phrase in both its written and matching forms. */
export interface Phrase {
  text: string;
  words: Word[];
}

function phrases(list: readonly string[]): Phrase[] {
  return list.map((text) => ({ text, words: words(text) })).sort((a, b) => b.words.length - a.words.length);
}

/** Groups of equivalent phrases for query expansion, longest phrases first in each group. */
export const SYNONYM_GROUPS: readonly Phrase[][] = synonymData.groups.map((group) => phrases(group));

/** Phrases naming each level, longest first overall so that "huyện thành đoàn" beats "thành đoàn". */
export const LEVEL_PHRASES: readonly { level: Level; phrase: Phrase }[] = (Object.entries(levelData.levels) as [Level, string[]][])
  .flatMap(([level, list]) => phrases(list).map((phrase) => ({ level, phrase })))
  .sort((a, b) => b.phrase.words.length - a.phrase.words.length);

/** The usual name of each level: the first phrase listed for it. */
export const LEVEL_NAMES: ReadonlyMap<Level, string> = new Map(
  (Object.entries(levelData.levels) as [Level, string[]][]).map(([level, list]) => [level, list[0] ?? '']),
);

/** Document type name by number code ("CT" → "Chỉ thị"). */
export const DOCUMENT_TYPE_BY_CODE: ReadonlyMap<string, string> = new Map(Object.entries(documentTypeData.types));

/** Names of document types as written in text ("Chỉ thị", "Hướng dẫn"…), distinct. */
export const DOCUMENT_TYPE_NAMES: readonly string[] = [...new Set(Object.values(documentTypeData.types))];

/** Title lines that open a document ("KẾ HOẠCH"), folded. */
export const DOCUMENT_TITLES: ReadonlySet<string> = new Set(documentTypeData.titles.map((t) => foldText(t)));

/** Words that carry no meaning in a search, in canonical form (typed with diacritics). */
export const STOPWORDS: ReadonlySet<string> = new Set(cueData.stopwords.map((w) => canonical(w)));
/** Stop words recognized when typed without diacritics (only unambiguous ones). */
export const PLAIN_STOPWORDS: ReadonlySet<string> = new Set(cueData.plainStopwords);

/** What a question asks for, by cue phrases. */
export type CueKind = keyof typeof cueData.kinds;
export const KIND_CUES: ReadonlyMap<CueKind, Phrase[]> = new Map(
  (Object.entries(cueData.kinds) as [CueKind, string[]][]).map(([kind, list]) => [kind, phrases(list)]),
);

export const REFERENCE_WORDS: readonly Phrase[] = phrases(cueData.referenceWords);
export const REFERENCE_ASKS: readonly Phrase[] = phrases(cueData.referenceAsks);
export const QUESTION_WORDS: readonly Phrase[] = phrases(cueData.questionWords);
/** Words about the document rather than its content ("được nhắc đến", "kế hoạch này"). */
export const META_WORDS: readonly Phrase[] = phrases(cueData.metaWords);
/** Words of a question about a place ("ở đâu", "địa điểm"). */
export const PLACE_ASKS: readonly Phrase[] = phrases(cueData.placeAsks);
export const QUESTION_STARTS: readonly Phrase[] = phrases(cueData.questionStarts);
export const SEND_VERBS: readonly Phrase[] = phrases(cueData.sendVerbs);
export const TO_MARKERS: readonly Phrase[] = phrases(cueData.toMarkers);
/** Words of a question about a deadline rather than any date ("hạn", "trước ngày", "nộp"). */
export const DEADLINE_CUES: readonly Phrase[] = phrases(cueData.deadlineMarkers);
export const DUTY_PARENTS: readonly Phrase[] = phrases(cueData.levelDutyParents);
/** What a question about the recipients asks after the sending verb ("gửi tới những nơi nào"). */
export const RECIPIENT_ASKS: readonly Phrase[] = phrases(cueData.recipientAsks);
/** Words naming the plan itself ("kế hoạch", "văn bản này"): the plan is what is sent in a recipients question. */
export const DOCUMENT_SELF: readonly Phrase[] = phrases(cueData.documentSelf);
/** Questions about the parts of the plan: cue phrases, and "gồm những phần nào" built from its pieces. */
export const OUTLINE_CUES: readonly Phrase[] = phrases(cueData.outlineCues);
export const OUTLINE_NOUNS: readonly Phrase[] = phrases(cueData.outlineNouns);
export const OUTLINE_BEFORE: readonly Phrase[] = phrases(cueData.outlineBefore);
export const OUTLINE_AFTER: readonly Phrase[] = phrases(cueData.outlineAfter);
/** Words of a question about the day of the week ("thứ mấy"). */
export const WEEKDAY_ASKS: readonly Phrase[] = phrases(cueData.weekdayAsks);
/** Words of a question about the hour ("mấy giờ") rather than the day. */
export const TIME_OF_DAY: readonly Phrase[] = phrases(cueData.timeOfDay);
/** Words of a question about when something starts or ends. */
export const START_CUES: readonly Phrase[] = phrases(cueData.startCues);
export const END_CUES: readonly Phrase[] = phrases(cueData.endCues);
/** "liên hệ … số nào": a phone number asked without the word "điện thoại". */
export const CONTACT_VERBS: readonly Phrase[] = phrases(cueData.contactVerbs);
export const NUMBER_ASKS: readonly Phrase[] = phrases(cueData.numberAsks);
/** Words of a question about a section named by its heading that no heading has to contain ("gồm", "nhằm"). */
export const HEADING_FILLERS: readonly Phrase[] = phrases(cueData.headingFillers);
/** Ordinal numbers written in words after "thứ" ("thứ ba" = 3), folded, in order from 1. */
export const ORDINAL_WORDS: readonly string[] = cueData.ordinalWords.map((w) => foldText(w));
/** Words asking for a person's name ("tên gì", "họ tên"): a title is what such a question names. */
export const NAME_ASKS: readonly Phrase[] = phrases(cueData.nameAsks);
/** A word that, right before a cue ("ngoài email còn …"), sets that kind of answer aside. */
export const EXCEPT_WORDS: readonly Phrase[] = phrases(cueData.exceptWords);
/** Words after a number that make it a quantity ("6 tháng", "3 đợt") rather than a document number. */
export const QUANTITY_UNITS: readonly Phrase[] = phrases(cueData.quantityUnits);

/** Kinds of periodic report ("báo cáo tháng", "quý", "6 tháng", "năm", "đột xuất") and the phrases naming each. */
export const REPORT_KINDS: readonly { kind: string; phrases: Phrase[] }[] = Object.entries(cueData.reportKinds)
  .filter(([kind]) => !kind.startsWith('$'))
  .map(([kind, list]) => ({ kind, phrases: phrases(list as string[]) }));
/** Verbs that only say something takes place ("tổ chức", "diễn ra"): a question of where or when needs no text to contain them. */
export const OCCURRENCE_VERBS: readonly Phrase[] = phrases(cueData.occurrenceVerbs);
/** Nouns told apart by the number after them ("quý III", "đợt 2", "lần thứ VII"). */
export const QUALIFIED_NOUNS: readonly Phrase[] = phrases(cueData.qualifiedNouns);
/** Words asking for what a document is based on ("căn cứ", "dựa trên") and for what it replaces ("thay thế", "bãi bỏ"). */
export const BASIS_CUES: readonly Phrase[] = phrases(cueData.basisCues);
export const REPLACED_CUES: readonly Phrase[] = phrases(cueData.replacedCues);
