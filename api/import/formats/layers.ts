import { badRequest } from '../../errors.js';

/**
 * The layer (GeoPackage table, Shapefile, worksheet) to read: the one `sourceLayer`
 * names (a Shapefile inside a zip's folder also by its own name, "lekplatser" for
 * "data/lekplatser", when no other has that name), else the only one. Several and none named, or a name the file does not hold,
 * is a 400 naming `source_layer` and listing the layers.
 */
export function chooseLayer(layers: string[], sourceLayer: string | undefined, what: string): string {
  if (layers.length === 0) throw badRequest(`file: the file holds no ${what}`, { row: 0, field: 'file', reason: `no ${what}`, code: 'no_layers', rule: 'no_layers', params: { what } });
  if (sourceLayer !== undefined) {
    if (layers.includes(sourceLayer)) return sourceLayer;
    const byBaseName = layers.filter((l) => l.split('/').pop() === sourceLayer);
    if (byBaseName.length === 1) return byBaseName[0]!;
    const reason = `source_layer: "${sourceLayer.slice(0, 80)}" is not in the file; it holds ${layers.map((l) => `"${l}"`).join(', ')}`;
    throw badRequest(reason, { row: 0, field: 'source_layer', reason, code: 'choose_layer', rule: 'choose_layer', params: { layers, value: sourceLayer.slice(0, 80) } });
  }
  if (layers.length === 1) return layers[0]!;
  const reason = `source_layer: the file holds ${layers.length} ${what} (${layers.map((l) => `"${l}"`).join(', ')}); name the one to import in source_layer`;
  throw badRequest(reason, { row: 0, field: 'source_layer', reason, code: 'choose_layer', rule: 'choose_layer', params: { layers } });
}
