// Admin routes exist only when CATALOGUE_ADMIN_TOKEN is set, and need it as a Bearer token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Problem } from '../core/sdk/problem.ts';

export function requireAdmin(token: string) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (request: FastifyRequest) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new Problem(401, 'Unauthorized', 'admin routes need Authorization: Bearer <CATALOGUE_ADMIN_TOKEN>');
  };
}
