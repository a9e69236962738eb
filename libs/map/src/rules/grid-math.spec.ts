import {
  cellOf,
  cellSize,
  isTileInRange,
  tileCellRange,
  toWebMercator,
  WORLD_HALF,
} from './grid-math';

describe('grid cells', () => {
  it('are 1/32 of a tile side: the world is one tile of 32 cells at zoom 0', () => {
    expect(cellSize(0) * 32).toBeCloseTo(2 * WORLD_HALF, 6);
    expect(cellSize(12)).toBeCloseTo((2 * WORLD_HALF) / 2 ** 17, 9);
  });

  it('count from the north-west corner, x to the east and y to the south', () => {
    expect(cellOf(-WORLD_HALF, WORLD_HALF, 0)).toEqual({ cellX: 0, cellY: 0 });
    expect(cellOf(0, 0, 0)).toEqual({ cellX: 16, cellY: 16 });
    expect(cellOf(1, -1, 1)).toEqual({ cellX: 32, cellY: 32 });
    expect(cellOf(-1, 1, 1)).toEqual({ cellX: 31, cellY: 31 });
  });

  it('keep a point on the world edge inside the last cell', () => {
    expect(cellOf(WORLD_HALF, -WORLD_HALF, 3)).toEqual({ cellX: 255, cellY: 255 });
  });

  it('of Herne town hall at zoom 12 lie in the tile that holds it', () => {
    // Herne, Friedrich-Ebert-Platz, 7.2197 E 51.5386 N: by the slippy-map formula tile
    // x = floor((7.2197 + 180) / 360 · 4096) = 2130, y = floor((1 − ln(tan φ + sec φ) / π) / 2 ·
    // 4096) = floor(1361.97) = 1361.
    const { x, y } = toWebMercator(7.2197, 51.5386);
    const { cellX, cellY } = cellOf(x, y, 12);
    expect(Math.floor(cellX / 32)).toBe(2130);
    expect(Math.floor(cellY / 32)).toBe(1361);
  });

  it('of a tile are its 32 × 32, plus a margin, clipped to the world', () => {
    expect(tileCellRange(12, 2130, 1361)).toEqual({
      minX: 2130 * 32 - 1,
      maxX: 2131 * 32,
      minY: 1361 * 32 - 1,
      maxY: 1362 * 32,
    });
    expect(tileCellRange(0, 0, 0)).toEqual({ minX: 0, maxX: 31, minY: 0, maxY: 31 });
    expect(tileCellRange(1, 1, 0, 0)).toEqual({ minX: 32, maxX: 63, minY: 0, maxY: 31 });
  });
});

describe('tile coordinates', () => {
  it.each([
    [0, 0, 0, true],
    [1, 1, 1, true],
    [1, 2, 0, false],
    [12, 4095, 4095, true],
    [12, 4096, 0, false],
    [22, 2 ** 22 - 1, 0, true],
    [23, 0, 0, false],
    [-1, 0, 0, false],
    [3, -1, 0, false],
  ])('z %i, x %i, y %i exists: %s', (z, x, y, expected) => {
    expect(isTileInRange(z, x, y)).toBe(expected);
  });
});
