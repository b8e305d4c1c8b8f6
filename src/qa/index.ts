/** Plan reading, fact extraction and question answering, offline. The core calls only what is exported here. */
export { readPlanDocument, readPlanFile, readPlanBuffer } from './read-plan.ts';
export { documentFormat, UnsupportedDocumentError, type DocumentFormat } from './reading/document-text.ts';
export { PlanIndex } from './plan-index.ts';
export { looksLikeQuestion } from './looks-like-question.ts';
export { proposePeriods, type ProposedPeriod } from './propose-periods.ts';
export { summarizeImport } from './summarize-import.ts';
export { normalizeToneMarks, foldText } from './vietnamese-text.ts';
export type { Answer } from './answer.ts';
export type { TextFn } from './text-fn.ts';
export type * from './plan-document.ts';
