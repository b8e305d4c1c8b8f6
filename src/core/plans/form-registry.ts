import type { FormSpec } from '../../flow/form-spec.ts';

/**
 * The report forms the bot knows, by id. A plan refers to its form by id, so a form can be shared by
 * plans, chosen for a plan created in chat, or (later) uploaded by the office.
 */
export interface FormRegistry {
  get(id: string): FormSpec | undefined;
  /** Every form, in a stable order (for a leader to choose from). */
  list(): FormSpec[];
  /** The form used when a plan's form is missing: the default plan's. */
  readonly defaultId: string;
  /** Adds or replaces a form (an uploaded form, or a new revision of one). */
  put(form: FormSpec): void;
}

/** A registry over forms held in memory (the shipped ones, read from flows/ at start-up). */
export class InMemoryFormRegistry implements FormRegistry {
  private readonly forms = new Map<string, FormSpec>();

  constructor(
    forms: Iterable<FormSpec>,
    readonly defaultId: string,
  ) {
    for (const form of forms) if (!this.forms.has(form.id)) this.forms.set(form.id, form);
    if (!this.forms.has(defaultId)) throw new Error(`default form "${defaultId}" is not among the forms`);
  }

  get(id: string): FormSpec | undefined {
    return this.forms.get(id);
  }

  list(): FormSpec[] {
    return [...this.forms.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Adds or replaces a form (a form registered while the bot runs). */
  put(form: FormSpec): void {
    this.forms.set(form.id, form);
  }
}
