export function ContactSheet(_: { id: number }) {
  return <h1 tabIndex={-1}>…</h1>;
}
