// parseTagInput against answers of django-tagging's parse_tag_input (the version graphite-web 1.1.8 uses),
// and splitWords against Python's str.split().
import { expect, test } from 'vitest';
import { parseTagInput, splitWords } from '../../../storage/events/tag-input.js';

// Inputs and the sorted tags /usr/bin/python3 -c 'tagging.utils.parse_tag_input(...)' returned for them.
const CASES: [string, string[]][] = [
  ['a b', ['a', 'b']],
  ['a  b ', ['a', 'b']],
  ['a, b c', ['a', 'b c']],
  ['"cb quoted" cbq2', ['cb quoted', 'cbq2']],
  ['"a,b" c d', ['a,b', 'c', 'd']],
  ['x "unclosed, y', ['unclosed', 'x', 'y']],
  ['x "unclosed y', ['unclosed', 'x', 'y']],
  ['""', []],
  ['a,', ['a']],
  [',', []],
  [' , a b ,c', ['a b', 'c']],
  ['"q1" "q2" r,s', ['q1', 'q2', 'r', 's']],
  ['"q"x,y z', ['q', 'x', 'y z']],
  ['tab\tsep other', ['other', 'tab\tsep']],
  ['cbcomma1, cbcomma2 x', ['cbcomma1', 'cbcomma2 x']],
  ['a "b', ['a', 'b']],
  ['"', []],
  ['a"b"c', ['a', 'b', 'c']],
  ['a"b,c"d e', ['a', 'b,c', 'd', 'e']],
];

test.each(CASES)('parseTagInput(%j) gives the tags django-tagging stores', (input, tags) => {
  expect(parseTagInput(input).sort()).toEqual(tags);
});

test('parseTagInput gives each tag once', () => {
  expect(parseTagInput('a a b a')).toEqual(['a', 'b']);
});

test('splitWords splits on every whitespace Python knows, and only there', () => {
  expect(splitWords(' a\tb\nc\u00a0d\u3000e\x1cf ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  expect(splitWords('a\ufeffb')).toEqual(['a\ufeffb']);
  expect(splitWords('')).toEqual([]);
});
