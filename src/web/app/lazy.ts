import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { stringsReady } from "../i18n/index.ts";

/**
 * A component loaded on first use (React.lazy) by its export name, shown once the strings its
 * chunk registered are in: for a user who chose English, the feature's English file is fetched
 * alongside, and the screen waits for it instead of flashing Portuguese.
 */
export function lazyNamed<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K] extends ComponentType<infer P> ? ComponentType<P> : never> {
  return lazy(async () => {
    const module = await load();
    await stringsReady();
    return { default: module[name] as never };
  });
}
