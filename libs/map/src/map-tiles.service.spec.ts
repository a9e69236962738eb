import { etagMatches, etagOfTile } from './map-tiles.service';

describe('tile ETags', () => {
  it('follow the bytes: the same tile encoded again keeps its ETag', () => {
    const tile = Buffer.from([0x1a, 0x02, 0x78, 0x01]);
    expect(etagOfTile(Buffer.from(tile))).toBe(etagOfTile(tile));
    expect(etagOfTile(Buffer.from([0x1a]))).not.toBe(etagOfTile(tile));
    expect(etagOfTile(Buffer.alloc(0))).toMatch(/^"[\w-]{27}"$/);
  });

  it('match If-None-Match lists, weak tags and *', () => {
    const etag = '"abc"';
    expect(etagMatches('"abc"', etag)).toBe(true);
    expect(etagMatches('W/"abc"', etag)).toBe(true);
    expect(etagMatches('"x", "abc"', etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"abd"', etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
  });
});
