import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { AddressCollection, AddressQuery, PlaceCheck, PlaceCheckQuery } from '../schemas/addresses.js';
import { searchAddresses } from '../services/addresses.js';
import { checkPlace } from '../services/placeCheck.js';
import { newRouter } from '../validation.js';

/** Address search and the sanity check of a place, both over the OpenStreetMap base data (reads, every role). */
export const addressRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/addresses',
      tags: ['Base data'],
      summary: 'Find addresses (street, number, postcode, town) in the imported OpenStreetMap addresses',
      description:
        'Typo-tolerant (trigram similarity of the street; å ä ö typed as a o work too) and a beginning of a street name finds it. ' +
        'Ranked: the exact street with the exact number first, then by the street\'s similarity with bonuses for the number, a prefix, the postcode and the town. ' +
        '`addresses_imported` is false when no address is imported at all.',
      request: { query: AddressQuery },
      ok: { status: 200, description: 'Addresses as GeoJSON points, best first.', schema: AddressCollection },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await searchAddresses(contextOf(c), q.q, q.limit), 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/places/check',
      tags: ['Base data'],
      summary: 'Whether a point lies in water or outside the imported land',
      description: 'Warnings for placing a unit or judging a candidate site; nothing is refused because of them.',
      request: { query: PlaceCheckQuery },
      ok: { status: 200, description: 'What the base data says about the point.', schema: PlaceCheck },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await checkPlace(contextOf(c), q.lon, q.lat), 200);
    },
  );
