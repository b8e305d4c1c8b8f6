/** Looks up user-facing text by key ("qa.source.section") with `{param}` placeholders, in the reader's language. */
export type TextFn = (key: string, params?: Record<string, string | number>) => string;
