import type { SessionDto, UserDto } from '@smartc/protocol';
import type { Signaling } from '../signaling/deps.js';
import type { SessionRecord, UserRecord, UserRepository } from '../storage/repositories.js';

/** The public view of an account: never the hash. */
export function toUserDto(user: UserRecord): UserDto {
  return { id: user.id, username: user.username, role: user.role };
}

/**
 * Builds session DTOs: creator as `{ id, username }` (never the stored user) and the live
 * participants from signaling. Creators are looked up once per call.
 */
export async function toSessionDtos(
  records: readonly SessionRecord[],
  users: UserRepository,
  signaling: Signaling,
): Promise<SessionDto[]> {
  const creators = new Map<string, { id: string; username: string } | null>();
  for (const record of records) {
    if (record.creatorId === null || creators.has(record.creatorId)) continue;
    const user = await users.findById(record.creatorId);
    creators.set(record.creatorId, user ? { id: user.id, username: user.username } : null);
  }
  return records.map((record) => ({
    id: record.id,
    name: record.name,
    description: record.description,
    creator: record.creatorId === null ? null : (creators.get(record.creatorId) ?? null),
    createdAt: record.createdAt,
    maxParticipants: record.maxParticipants,
    adHoc: record.adHoc,
    participants: signaling.participants(record.id),
  }));
}

/** One session DTO. */
export async function toSessionDto(
  record: SessionRecord,
  users: UserRepository,
  signaling: Signaling,
): Promise<SessionDto> {
  const [dto] = await toSessionDtos([record], users, signaling);
  return dto as SessionDto;
}
