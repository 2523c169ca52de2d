/** What a screen shows for a query: a loading state, an error, an empty result or the data. */
export type LoadState = 'loading' | 'error' | 'empty' | 'ready';
