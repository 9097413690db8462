export function SiteAnalysis() {
  return <h1 tabIndex={-1}>…</h1>;
}
