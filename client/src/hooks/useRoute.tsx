import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { parseRoute, type Route } from '../lib/route.js';

interface Router {
  route: Route;
  /** Goes to an address inside the app; `replace` keeps the history entry (filters, selection). */
  navigate: (href: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<Router | null>(null);

const current = () => parseRoute(location.pathname, location.search);

/** Client-side routing over the History API; the server answers index.html for every non-API path. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onPop = () => setRoute(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((href: string, options: { replace?: boolean } = {}) => {
    if (href === location.pathname + location.search) return;
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    setRoute(current());
  }, []);
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const ctx = useContext(RouterContext);
  if (!ctx) throw new Error('useRouter must be used inside <RouterProvider>');
  return ctx;
}

/** An anchor that navigates inside the app (a real link: middle-click and copy address work). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { navigate } = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
