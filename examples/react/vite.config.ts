import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app talks to its own origin; Vite forwards the API and the signaling hub to the SmaRTC server.
const target = process.env.SMARTC_SERVER_URL ?? 'http://localhost:8080';
const proxy = {
  '/api': { target, changeOrigin: true },
  '/signalhub': { target, changeOrigin: true, ws: true },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
});
