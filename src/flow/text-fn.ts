/** Looks up user-facing text by locale key and fills `{param}` placeholders (a Translator bound to a language). */
export type TextFn = ((key: string, params?: Record<string, string | number>) => string) & {
  /** True where choices are typed rather than pressed (Zalo, the terminal): no button-only choices such as «Xong». */
  readonly typed?: boolean;
};
