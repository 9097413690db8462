/** Test accounts present in every test database; each has a known personal API token. */
export const TEST_USERS = {
  admin: { email: 'admin@test.example', name: 'Test Admin', token: 'test-token-admin-0123456789abcdef' },
  editor: { email: 'editor@test.example', name: 'Test Editor', token: 'test-token-editor-0123456789abcdef' },
  viewer: { email: 'viewer@test.example', name: 'Test Viewer', token: 'test-token-viewer-0123456789abcdef' },
} as const;

/** The password of every test account. */
export const TEST_PASSWORD = 'correct horse battery staple';

export type TestRole = keyof typeof TEST_USERS;

/**
 * A unit as POST /api/units takes it: a supported housing of 12 places in central Göteborg,
 * named `name`; `props` add to or replace its properties (`undefined` leaves one out).
 */
export const unitFeature = (name: string, props: Record<string, unknown> = {}, coordinates: unknown = [11.95, 57.7]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: { name, kind: 'supported_housing', places: 12, ...props },
});
