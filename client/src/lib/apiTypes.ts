/**
 * The API's response types, taken from its zod schemas (`api/schemas/*.ts`) so
 * client and server share one contract. Shapes whose schema is not published
 * (yet) are written once here, from DESIGN.md.
 */
import type { ActorCategory, AreaLevel, ChildPlaceKind, Ring, Role, UnitKind } from '../../../api/schemas/common.js';
import type {
  Actor,
  ActorLayerT,
  ChildPlace,
  ChildPlaceLayerT,
  Contact,
  ContactCollectionT,
  GlobalRadiiT,
  InformationNeed,
  InformationNeedCollectionT,
  NearChildPlace,
  NearChildPlaceCollectionT,
  SiteAnalysisT,
  ZoneCollectionT,
} from '../../../api/schemas/proximity.js';
import type { Unit } from '../../../api/schemas/units.js';
import type { z } from '@hono/zod-openapi';
import type { AreaCollection as AreaCollectionSchema } from '../../../api/schemas/areas.js';

export type { ActorCategory, AreaLevel, ChildPlaceKind, Ring, Role, UnitKind, Unit };
export type { Actor, ChildPlace, Contact, InformationNeed, NearChildPlace };
export type ActorLayer = ActorLayerT;
export type ChildPlaceLayer = ChildPlaceLayerT;
export type ContactCollection = ContactCollectionT;
export type NearChildPlaceCollection = NearChildPlaceCollectionT;
export type InformationNeedCollection = InformationNeedCollectionT;
export type ZoneCollection = ZoneCollectionT;
export type Zone = ZoneCollectionT['features'][number];
export type SiteAnalysis = SiteAnalysisT;
export type GlobalRadii = GlobalRadiiT;

export type UnitStatus = Unit['properties']['status'];
export type ActorProperties = Actor['properties'];
export type ChildPlaceProperties = ChildPlace['properties'];
export type ContactPerson = ActorProperties['contact_persons'][number];
export type Priority = NearChildPlace['properties']['priority'];
export type Information = NearChildPlace['properties']['information'];
export type InformationStatus = Information['status'];
export type SchoolStage = ChildPlaceProperties['stages'][number];
export type NearestPlace = NonNullable<SiteAnalysisT['nearest']['school']>;

/** The signed-in user (`GET /api/auth/me`, `POST /api/auth/login`); the route keeps its schema private. */
export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** An administrator set the password: nothing but choosing one's own is allowed until then. */
  must_change_password: boolean;
  /** The role must have a second factor and the account has none: nothing but setting one up is allowed until then. */
  second_factor_enrolment_required?: boolean;
}

/** `GET /api/auth/config` (public): which ways of signing in are on. */
export type { AuthConfigT as AuthConfig } from '../../../api/schemas/oidc.js';

/** `GET /api/client-config` (public); the route keeps its schema private. */
export interface ClientConfig {
  basemap_style_url: string;
  /** Most actors or child places of a view loaded as GeoJSON; more are drawn from tiles. */
  tile_threshold: number;
}

/** `GET /api/areas`: city and primary areas (the route's schema exports no inferred type). */
export type AreaCollection = z.infer<typeof AreaCollectionSchema>;
export type Area = AreaCollection['features'][number];

/** A FeatureCollection of the given features. */
export type Collection<F> = { type: 'FeatureCollection'; features: F[] };
