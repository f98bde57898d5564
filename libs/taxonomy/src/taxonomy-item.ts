/** One entry of a controlled vocabulary: a stable lower_snake English code and its Chinese name. */
export interface TaxonomyItem {
  code: string;
  name: string;
}

/** A non-empty tuple of codes, the shape `z.enum` accepts. */
export type CodeTuple = readonly [string, ...string[]];

/** The Chinese name of `code` in `list`, or `undefined` for an unknown code. */
export function nameOf(list: readonly TaxonomyItem[], code: string): string | undefined {
  return list.find((item) => item.code === code)?.name;
}

export function codesOf(list: readonly TaxonomyItem[]): CodeTuple {
  const [first, ...rest] = list.map((item) => item.code);
  if (first === undefined) throw new Error('a taxonomy must not be empty');
  return Object.freeze([first, ...rest]) as CodeTuple;
}

export function memberTest(codes: CodeTuple): (code: string) => boolean {
  const known = new Set<string>(codes);
  return (code) => known.has(code);
}
