/**
 * An enum's values with a description each, for `builder.enumType(name, { values })`. The record
 * must name every value, so a value added later without a description does not compile.
 */
export function describedValues<const V extends string>(values: readonly V[], descriptions: Record<V, string>) {
  return Object.fromEntries(values.map((value) => [value, { value, description: descriptions[value] }])) as {
    [K in V]: { value: K; description: string };
  };
}
