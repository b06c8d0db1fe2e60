import fc from 'fast-check';

/**
 * Random damage to a content file, for the property tests of the check and of
 * the build: deleted spans, inserted text (some of it Markdown, YAML and
 * directive syntax), stray bytes and replaced lines.
 */
export const MUTATION = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string(),
      fc.constantFrom(
        ':',
        '-',
        '---',
        '\n',
        '  ',
        '"',
        '[',
        '{',
        '万',
        '::withheld{reason=classified}',
        '<b>',
        '\t',
        '\uFEFF',
        '0',
        '-1',
        '1.5',
      ),
    ),
  }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), text: fc.string() }),
);
export type Mutation = typeof MUTATION extends fc.Arbitrary<infer T> ? T : never;

/** Applies one mutation to a file's bytes. */
export function mutate(original: Buffer, change: Mutation): Buffer {
  const at = change.at % (original.length + 1);
  if (change.kind === 'delete')
    return Buffer.concat([original.subarray(0, at), original.subarray(at + change.length)]);
  if (change.kind === 'bytes')
    return Buffer.concat([
      original.subarray(0, at),
      Buffer.from(change.bytes),
      original.subarray(at),
    ]);
  if (change.kind === 'insert')
    return Buffer.concat([
      original.subarray(0, at),
      Buffer.from(change.text),
      original.subarray(at),
    ]);
  const lines = original.toString('utf8').split('\n');
  lines[change.at % lines.length] = change.text;
  return Buffer.from(lines.join('\n'));
}
