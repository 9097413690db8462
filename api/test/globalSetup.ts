import { buildPgliteTemplate, buildPostgresTemplate, removeTemplates } from './templates.js';

/**
 * Runs once per `vitest run`: prepares this run's template databases and removes them
 * afterwards. Without TEST_DATABASE_URL the PostgreSQL suite cannot run; that is said
 * loudly, and under CI=true it fails the run.
 */
export default async function setup(): Promise<() => Promise<void>> {
  // Every test project inherits this setup; the templates are built once per run.
  if (process.env.PS_TEST_RUN) return async () => {};
  process.env.PS_TEST_RUN = `${process.pid}`;
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const message = 'TEST_DATABASE_URL is not set: the API suite runs on the embedded database only, NOT on a PostgreSQL server.';
    if (process.env.CI === 'true') throw new Error(`${message} CI requires both.`);
    console.warn(`\n!!! ${message}\n`);
  }
  const started = Date.now();
  await Promise.all([buildPgliteTemplate(), url ? buildPostgresTemplate(url) : Promise.resolve()]);
  console.log(`Test template databases ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return () => removeTemplates(url);
}
