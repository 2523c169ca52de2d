import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The gateway that `/graphql` is proxied to, in development and in `vite preview`. */
const gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/graphql': { target: gatewayUrl, changeOrigin: true } };

export default defineConfig({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { port: 5174, strictPort: true, proxy },
  preview: { port: 5174, strictPort: true, proxy },
});
