import { ApiRoutes } from '@smartc/protocol';
import { Type } from 'typebox';
import type { App, AppContext } from '../appContext.js';
import { toUserDto } from '../http/dto.js';
import { bearerSecurity, EmptyObjectSchema, errorResponses, UserDtoSchema } from '../http/schemas.js';

/** `GET /api/admin/users` (admin role only). */
export function registerAdminRoutes(app: App, ctx: AppContext): void {
  app.get(
    ApiRoutes.adminUsers,
    {
      schema: {
        tags: ['admin'],
        security: bearerSecurity,
        summary: 'All accounts (admin only)',
        querystring: EmptyObjectSchema,
        response: { 200: Type.Array(UserDtoSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      await ctx.auth.requireAdmin(request);
      return (await ctx.storage.users.list()).map(toUserDto);
    },
  );
}
