import type { TestProject } from 'vitest/node';
import { startGateway, startPreview, type RunningServer } from './processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storefrontUrl: string;
    portalUrl: string;
    /** The gateway itself, for tests that act as another user (seller staff) over HTTP. */
    gatewayUrl: string;
  }
}

/** One gateway and one preview server per app for the whole suite. */
export default async function setup(project: TestProject) {
  const started: RunningServer[] = [];
  const stopAll = async () => {
    for (const server of started.reverse()) await server.stop();
  };
  try {
    const gateway = await startGateway();
    started.push(gateway);
    const [storefront, portal] = await Promise.all([
      startPreview('storefront-b2c', gateway.url),
      startPreview('portal-b2b', gateway.url),
    ]);
    started.push(storefront, portal);
    project.provide('gatewayUrl', gateway.url);
    project.provide('storefrontUrl', storefront.url);
    project.provide('portalUrl', portal.url);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
