/**
 * Placeholders `{{name}}` in template texts: finding them and filling them. Filling is one pass
 * (a value is never scanned for placeholders itself) and strict: a name the text may not use, a
 * name without a value, or a stray `{{` / `}}` is a `LetterRenderError`. Pure.
 */

/** Why a letter cannot be rendered, naming the template or data field at fault. */
export class LetterRenderError extends Error {
  override readonly name = 'LetterRenderError';

  constructor(
    /** `template.intro[2]`, `data.items[0].period.amount` */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The placeholder names in a text, trimmed, in order of appearance (repeats included). */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1].trim());
}

/** A `{{` or `}}` that does not belong to a placeholder, e.g. `{{name}` or `{{ {{x}} }}`. */
export function hasStrayBraces(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

/** If the text is nothing but one placeholder (`{{reasoning}}`), its name. */
export function wholePlaceholder(text: string): string | null {
  const match = /^\s*\{\{([^{}]*)\}\}\s*$/.exec(text);
  return match ? match[1].trim() : null;
}

/**
 * Fills the placeholders of `text`. `allowed` says which names this text may use; `values` holds
 * what the data gives (undefined: the data lacks it). `field` names the text in errors.
 */
export function fillPlaceholders(
  text: string,
  field: string,
  allowed: (name: string) => boolean,
  values: Readonly<Record<string, string | undefined>>,
): string {
  if (hasStrayBraces(text)) {
    throw new LetterRenderError(field, 'has a "{{" or "}}" that is not part of a placeholder');
  }
  return text.replace(PLACEHOLDER, (_match, raw: string) => {
    const name = raw.trim();
    if (!allowed(name)) throw new LetterRenderError(field, `unknown placeholder {{${name}}}`);
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) {
      throw new LetterRenderError(field, `{{${name}}} has no value in the letter’s data`);
    }
    return value;
  });
}
