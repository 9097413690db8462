export function SearchView(_: { q: string }) {
  return <h1 tabIndex={-1}>…</h1>;
}
