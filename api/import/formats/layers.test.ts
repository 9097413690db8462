import { describe, expect, it } from 'vitest';
import { chooseLayer } from './layers.js';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { message: string; details: { field: string; code: string } });
  }
  throw new Error('not refused');
};

describe('chooseLayer', () => {
  it('takes the only layer, or the one named', () => {
    expect(chooseLayer(['forskolor'], undefined, 'tables')).toBe('forskolor');
    expect(chooseLayer(['a', 'b'], 'b', 'tables')).toBe('b');
  });

  it('finds a Shapefile in a zip folder by its own name when that name is unique', () => {
    expect(chooseLayer(['data/pre', 'data/sub/omr'], 'omr', 'Shapefiles')).toBe('data/sub/omr');
    const twice = refusal(() => chooseLayer(['2024/omr', '2025/omr'], 'omr', 'Shapefiles'));
    expect(twice.details).toMatchObject({ field: 'source_layer', code: 'choose_layer' });
    expect(twice.message).toContain('"2024/omr", "2025/omr"');
  });

  it('refuses several with none named, and a name the file does not hold, naming source_layer and the layers', () => {
    expect(refusal(() => chooseLayer(['a', 'b'], undefined, 'tables')).message).toMatch(/^source_layer: the file holds 2 tables \("a", "b"\)/);
    expect(refusal(() => chooseLayer(['a', 'b'], 'c', 'tables')).details).toMatchObject({ field: 'source_layer', code: 'choose_layer' });
    expect(refusal(() => chooseLayer([], undefined, 'tables')).details).toMatchObject({ field: 'file', code: 'no_layers' });
  });
});
