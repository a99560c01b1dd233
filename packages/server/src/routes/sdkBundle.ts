import { readFile } from 'node:fs/promises';
import { ApiRoutes, ErrorCode } from '@smartc/protocol';
import { Type } from 'typebox';
import type { App } from '../appContext.js';
import { sdkGlobalBundle } from '../assets.js';
import { SmaRTCServerError } from '../errors.js';
import { EmptyObjectSchema, errorResponses } from '../http/schemas.js';
import { SECURITY_HEADERS } from './pageHeaders.js';

const BUNDLES = [
  { url: ApiRoutes.sdkGlobal, file: 'smartc.global.js', summary: 'readable' },
  { url: ApiRoutes.sdkGlobalMin, file: 'smartc.global.min.js', summary: 'minified' },
] as const;

/** The `@smartc/simple` script-tag build (global `SmaRTC`), readable and minified. */
export function registerSdkBundleRoutes(app: App): void {
  for (const bundle of BUNDLES) {
    app.get(
      bundle.url,
      {
        schema: {
          tags: ['sdk'],
          summary: `The SmaRTC browser SDK for <script> tags (global SmaRTC), ${bundle.summary}`,
          querystring: EmptyObjectSchema,
          response: { 200: Type.String(), ...errorResponses(404) },
        },
      },
      async (_request, reply) => {
        const file = sdkGlobalBundle(bundle.file);
        if (!file) {
          throw new SmaRTCServerError(
            ErrorCode.NOT_FOUND,
            `The SDK bundle ${bundle.file} is not built yet: build @smartc/simple (pnpm build) and reload`,
          );
        }
        return reply
          .type('text/javascript; charset=utf-8')
          .headers({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' })
          .send(await readFile(file, 'utf8'));
      },
    );
  }
}
