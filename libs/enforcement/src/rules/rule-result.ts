/**
 * What the deadline rules hand back besides a date: the rules they applied, so that a letter or a
 * screen can say why ("deemed notified on the 4th day after posting, § 41 Abs. 2 Satz 1 VwVfG
 * NRW"), and typed errors for facts a user recorded that do not fit together. The wording of
 * letters stays in the templates the legal office edits; they key on `id`. Browser-safe.
 */

export interface AppliedRule {
  /** Stable key, e.g. `notification.post.fourth_day`; letter templates and i18n key on it. */
  readonly id: string;
  /** The legal basis as cited in German letters, e.g. `§ 41 Abs. 2 Satz 1 VwVfG NRW`. */
  readonly basis: string;
}

/** A recorded fact that the rules cannot use; shaped like the API's field errors. */
export interface RuleFieldError<Code extends string = string> {
  field: string;
  code: Code;
  /** English, like the API's field errors. */
  message: string;
  messageDe: string;
}

export type RuleResult<Value, Code extends string = string> =
  { ok: true; value: Value } | { ok: false; error: RuleFieldError<Code> };
