import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api.js';
import type { SiteAnalysis as Analysis } from '../../lib/apiTypes.js';
import type { Lonlat } from '../../lib/siteAnalysis.js';

export const LABELS = ['A', 'B', 'C'] as const;
export type Label = (typeof LABELS)[number];

/** A candidate site: where it is, and the server's analysis once it has answered. */
export interface Site {
  label: Label;
  pos: Lonlat;
  /** The address the site was added by, until it is moved away from it. */
  name?: string;
  server?: Analysis;
  status: 'loading' | 'server' | 'error';
}

/**
 * Up to three candidate sites (A, B, C) and the active one, starting from `initial`
 * (the sites of a shared link). Placing or moving a site asks the server for its
 * analysis, aborting that site's previous request; removing a site or leaving the
 * view aborts its request.
 */
export function useSites(initial: readonly (readonly [number, number])[] = [], initialNames: readonly (string | undefined)[] = []) {
  const [sites, setSites] = useState<Site[]>(() =>
    initial.slice(0, LABELS.length).map((pos, i) => ({ label: LABELS[i]!, pos: [pos[0], pos[1]] as Lonlat, name: initialNames[i], status: 'loading' as const })),
  );
  const [active, setActive] = useState<Label | null>(null);
  const requests = useRef(new Map<Label, AbortController>());
  const update = (label: Label, patch: Partial<Site>) => setSites((list) => list.map((s) => (s.label === label ? { ...s, ...patch } : s)));

  const analyse = useCallback((label: Label, pos: Lonlat) => {
    requests.current.get(label)?.abort();
    const controller = new AbortController();
    requests.current.set(label, controller);
    update(label, { pos, server: undefined, status: 'loading' });
    api.siteAnalysis(pos[0], pos[1], controller.signal).then(
      (server) => !controller.signal.aborted && update(label, { server, status: 'server' }),
      () => !controller.signal.aborted && update(label, { status: 'error' }),
    );
  }, []);

  /** Adds a site at `pos` (named by the address it was found by, if any) under the first free letter, or returns null when all three are placed. */
  const add = (pos: Lonlat, name?: string): Label | null => {
    const free = LABELS.find((l) => !sites.some((s) => s.label === l));
    if (!free) return null;
    setSites((list) => [...list, { label: free, pos, name, status: 'loading' as const }].sort((a, b) => a.label.localeCompare(b.label)));
    setActive(free);
    analyse(free, pos);
    return free;
  };
  const remove = (label: Label) => {
    requests.current.get(label)?.abort();
    setSites((list) => list.filter((s) => s.label !== label));
    setActive((a) => (a === label ? null : a));
  };
  const clear = () => {
    for (const c of requests.current.values()) c.abort();
    setSites([]);
    setActive(null);
  };
  /** Replaces every site with `next` (a saved analysis opened), each analysed afresh. */
  const replace = (next: readonly { label: Label; pos: Lonlat; name?: string }[]) => {
    for (const c of requests.current.values()) c.abort();
    setSites(next.map((s) => ({ ...s, status: 'loading' as const })).sort((a, b) => a.label.localeCompare(b.label)));
    setActive(null);
    for (const s of next) analyse(s.label, s.pos);
  };
  /** Names the sites still at the point given (the addresses a reopened saved analysis holds). */
  const nameAt = (named: readonly { label: Label; pos: Lonlat; name: string }[]) =>
    setSites((list) => list.map((s) => {
      const n = named.find((x) => x.label === s.label && Math.abs(x.pos[0] - s.pos[0]) < 1e-5 && Math.abs(x.pos[1] - s.pos[1]) < 1e-5);
      return n && !s.name ? { ...s, name: n.name } : s;
    }));
  /** Moves a site while it is dragged; the analysis shown falls back to the preview. */
  const drag = useCallback((label: Label, pos: Lonlat) => update(label, { pos, name: undefined, server: undefined }), []);
  useEffect(() => {
    // The sites of a shared link are analysed once, when the view opens with them.
    for (const s of sites) if (s.status === 'loading') analyse(s.label, s.pos);
    return () => requests.current.forEach((c) => c.abort());
  }, []);

  return { sites, active, setActive, add, remove, clear, replace, nameAt, analyse, drag };
}
