/**
 * Where a person's data sits in the query cache and how a tab's request names the category: every
 * feature keys its lists under the person (["persons", code, …]), so refreshing the person
 * refreshes them all, and sends `?category=` so the server checks the selected category's grant.
 */
export const personKey = (code: number) => ["persons", code] as const;

/** `?category=` for the tab endpoints: the server checks the grant of the selected category. */
export const withCategory = (path: string, categoryId: number) =>
  `${path}${path.includes("?") ? "&" : "?"}category=${categoryId}`;
