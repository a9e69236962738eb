/** For `@Transform(trim)`: surrounding blanks are not part of a name, street or address. */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
