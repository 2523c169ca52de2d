// Plain JavaScript with its own declarations: Vite loads the apps' configs with Node, which
// imports a workspace package as it is and cannot run TypeScript.
import vue from '@vitejs/plugin-vue';

/** The gateway that `/graphql` is proxied to, in development and in `vite preview`. */
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/graphql': { target: gatewayUrl, changeOrigin: true } };

/** @type {import('./vite-app.d.ts').defineAppConfig} */
export function defineAppConfig(port) {
  return {
    plugins: [vue()],
    define: {
      __VUE_I18N_FULL_INSTALL__: true,
      __VUE_I18N_LEGACY_API__: false,
      __INTLIFY_PROD_DEVTOOLS__: false,
    },
    server: { port, strictPort: true, proxy },
    preview: { port, strictPort: true, proxy },
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts'],
    },
  };
}
