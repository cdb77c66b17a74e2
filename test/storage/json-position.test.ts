import { describe, expect, it } from 'vitest';
import {
  firstSyntaxError,
  locateInJson,
  positionAt,
  syntaxErrorPosition,
} from '../../src/storage/json-position.ts';

const text = `{
  "a": { "b": [1, {"c": "x\\"y"}, 3] },
  "d": "e"
}`;

describe('positions in JSON text', () => {
  it('place values and keys by their path', () => {
    const locate = locateInJson(text);
    expect(locate(['a', 'b', 1, 'c'])).toEqual({ line: 2, col: 25 });
    expect(locate(['a', 'b', 1, 'c'], true)).toEqual({ line: 2, col: 20 });
    expect(locate(['a', 'b', 2])).toEqual({ line: 2, col: 34 });
    expect(locate(['d'])).toEqual({ line: 3, col: 8 });
  });

  it('fall back to the nearest enclosing value when a path is missing', () => {
    const locate = locateInJson(text);
    expect(locate(['a', 'zz'])).toEqual({ line: 2, col: 8 });
    expect(locate(['a', 'b', 9])).toEqual({ line: 2, col: 15 });
  });

  it('turn an offset and a parser message into a line and column', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
    let error: unknown;
    try {
      JSON.parse('{\n "a": ]');
    } catch (e) {
      error = e;
    }
    expect(syntaxErrorPosition('{\n "a": ]', error)).toEqual({ line: 2, col: 7 });
  });

  it.each([
    ['{"a": 1,}', 8],
    ['{"a": "b\nc"}', 8],
    ['[1, 2', 5],
    ['{"a": tru}', 6],
    ['{"a": 1} x', 9],
  ])('find where %j stops being JSON, as Node and Safari do not say', (bad, at) => {
    expect(() => JSON.parse(bad)).toThrow();
    expect(firstSyntaxError(bad)).toBe(at);
  });
});
