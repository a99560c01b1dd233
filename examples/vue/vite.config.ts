import vue from '@vitejs/plugin-vue';
import { defineConfig, type ProxyOptions } from 'vite';

// Same origin as the app: the REST API and the signaling hub are proxied to the SmaRTC server.
const target = process.env.SMARTC_SERVER_URL ?? 'http://localhost:8080';
const proxy: Record<string, ProxyOptions> = {
  '/api': { target, changeOrigin: true },
  '/signalhub': { target, changeOrigin: true, ws: true },
};

export default defineConfig({
  plugins: [vue()],
  server: { proxy },
  preview: { proxy },
});
