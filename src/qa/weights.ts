/**
 * Every weight and threshold of plan Q&A in one place, grouped by the step that uses it. Scores are
 * relative (the best search match of a question is 1), so a bonus of 0.5 is worth half a perfect
 * word match. `npm run -s ask -- --explain` prints how these add up for one question.
 */
export const WEIGHTS = {
  /** Answers in general. */
  answer: {
    /** The least share of a question's meaningful words an answer must contain to be given without doubt. */
    minCoverage: 0.5,
    /** A question word found alone when the question writes it in a compound the text lacks ("chủ" of "chủ tịch"). */
    halfWordCredit: 0.5,
    /** A search term that comes from a synonym rather than the question itself. */
    synonymTerm: 0.5,
  },
  /** Scoping by the item a question names (a sub-item's heading, a report kind): structure before words. */
  scope: {
    /** A candidate outside the item the question names, when some candidate is inside it. */
    outside: 0.25,
    /** A candidate naming another report kind ("6 tháng" when "báo cáo tháng" is asked). */
    otherReportKind: 0.2,
    /** The most words a heading may have to name an item ("Báo cáo quý", "Tiêu chuẩn tặng Bằng khen"). */
    maxHeadingWords: 10,
  },
  /** Which date answers "khi nào", "trước ngày nào". */
  date: {
    /** Weights of the fields searched: what is due, the sentence, its headings, its paragraph. */
    fields: { what: 2, sentence: 1, heading: 0.5, block: 0.5 },
    /** The date's sender is the level the question names as sender. */
    sender: 0.5,
    /** The date goes where the question says the report goes. */
    recipient: 0.5,
    /** The date goes to another level than the one the question names as recipient (or comes from another sender). */
    otherLevel: -0.75,
    /** A deadline, for a question about a deadline. */
    deadline: 0.25,
    /** The issue date of a cited document, for a question not about documents. */
    issued: -0.5,
    /** An hour or weekday written with the date, when the question asks for one. */
    time: 0.5,
    /** The start or end of a range, when the question asks for it. */
    part: 0.25,
    /** A passage saying when, without a full date, that covers this much more of the question than the best date's paragraph answers instead. */
    passageLead: 0.2,
    /** The date's own label ("Thời gian triển khai: …", "Hạn đăng ký: …") is named whole by the question. */
    label: 1,
    /** The most words a label before ":" may have. */
    maxLabelWords: 6,
    /** A paragraph this short is shown whole. */
    wholeSentence: 260,
    /** A second date is shown when it scores at least this share of the first. */
    secondShare: 0.9,
  },
  /** Passages (clauses of the plan) answering any other question. */
  passage: {
    /** A sentence this short is shown whole. */
    wholeSentence: 320,
    /** A second passage is shown when it scores at least this share of the first. */
    secondShare: 0.8,
    /** A passage holding what the question asks for (a number, a date, a place) weighs this much more. */
    shapeBoost: 1.3,
    /** A passage among another level's duties than the one asked about. */
    otherLevel: 0.7,
    /** How many of the best search matches are weighed again by coverage. */
    reranked: 12,
    /** Search score against coverage when reranking. */
    searchWeight: 0.5,
    /** Field weights of the search: the clause itself, its headings. */
    fields: { text: 1, context: 0.35 },
  },
  /** Cited documents ("căn cứ … nào", "thay thế … nào"). */
  reference: {
    /** A reference of the type the question asks for ("chỉ thị nào"). */
    typeMatch: 1,
    /** A reference of the preamble, where the basis of the document is written. */
    basis: 0.25,
    /** A reference in the relation the question asks for (basis, replaced). */
    relation: 1.5,
    /** A reference in another relation than the one asked ("thay thế" when "căn cứ" is asked). */
    otherRelation: -1.5,
    /** The document whose number the question writes. */
    codeMatch: 2,
    secondShare: 0.9,
  },
  /** E-mail addresses, phones, postal addresses. */
  contact: {
    /** One contact is given when its owner leads all others by this share. */
    clearLead: 0.75,
    maxListed: 3,
    /** The least share of the question a contact's owner and sentence must cover. */
    minOwnerCoverage: 0.25,
    /** Confidence kept when several contacts are listed. */
    listedConfidence: 0.6,
  },
  /** What a level or unit must do. */
  duty: {
    levelMatch: 1,
    maxTask: 160,
    /** Share of a unit's name the question must use to mean that unit. */
    nameShare: 0.6,
  },
  /** Sections named by their heading. */
  heading: {
    /** The fewest first words of a heading that name it. */
    minPrefix: 2,
    maxOrdinal: 20,
    /** The longest heading shown before a numbered clause it holds ("Các trường hợp không xét khen thưởng: …"). */
    maxLeadHeading: 80,
    /** The most words a heading may have to be named by a question; a longer one is a numbered sentence. */
    maxNameWords: 20,
  },
  /** The "not sure" reply. */
  uncertain: { maxSuggestions: 3, maxHeading: 70 },
} as const;
