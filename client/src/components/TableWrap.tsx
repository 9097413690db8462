import type { ReactNode } from 'react';

/**
 * A wide table's scroll box. It is focusable and named so keyboard users can
 * scroll it sideways at narrow widths (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function TableWrap({ label, children, busy }: { label: string; children: ReactNode; busy?: boolean }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0} aria-busy={busy || undefined}>
      {children}
    </div>
  );
}
