/**
 * Tiles from a PMTiles archive on the server's disk (BASEMAP_PMTILES), read with the
 * `pmtiles` library through a Source that reads byte ranges of the local file: the
 * archive is never loaded whole, and a country-sized one costs a few reads per tile.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';

/** A PMTiles Source over a local file, opened once and kept open. */
class LocalFileSource implements Source {
  private handle: Promise<FileHandle> | undefined;
  constructor(private readonly file: string) {}
  getKey(): string {
    return this.file;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.handle ??= open(this.file, 'r');
    const fh = await this.handle;
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + bytesRead) };
  }
}

export interface PmtilesArchive {
  /** The version of the archive in tile URLs: changes when the file is replaced. */
  version: string;
  /** One tile, decompressed; an empty array where the archive has none. */
  tile(z: number, x: number, y: number): Promise<Uint8Array>;
}

const archives = new Map<string, Promise<PmtilesArchive>>();

/**
 * The archive at `file`, opened on first use and then kept; it is opened anew when the
 * file's size or modification time changes (an operator replaced it).
 */
export async function pmtilesArchive(file: string): Promise<PmtilesArchive> {
  const info = await stat(file);
  const version = `p${Math.round(info.mtimeMs).toString(36)}${info.size.toString(36)}`;
  const key = `${file}\n${version}`;
  let archive = archives.get(key);
  if (!archive) {
    archive = openArchive(file, version);
    archives.set(key, archive);
    archive.catch(() => archives.delete(key));
  }
  return archive;
}

async function openArchive(file: string, version: string): Promise<PmtilesArchive> {
  const pm = new PMTiles(new LocalFileSource(file));
  const header = await pm.getHeader();
  if (header.tileType !== TileType.Mvt) throw new Error(`BASEMAP_PMTILES ${file}: holds tile type ${header.tileType}, not vector tiles (MVT).`);
  return {
    version,
    async tile(z, x, y) {
      const got = await pm.getZxy(z, x, y);
      return got ? new Uint8Array(got.data) : new Uint8Array(0);
    },
  };
}
