import type { ViteUserConfig } from 'vitest/config';

/** The Vite and Vitest config of a Marketgate app, served (and previewed) on `port`. */
export declare function defineAppConfig(port: number): ViteUserConfig;
