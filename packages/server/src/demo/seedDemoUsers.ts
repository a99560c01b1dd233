import { hashPassword } from '../auth/passwords.js';
import type { UserRepository } from '../storage/repositories.js';
import { UsernameTakenError } from '../storage/repositories.js';

/** The demo accounts created by `--demo` (never otherwise). */
export const DEMO_USERS: ReadonlyArray<{ username: string; password: string }> = [
  { username: 'demo', password: 'Demo123!' },
  { username: 'alice', password: 'Alice123!' },
  { username: 'bob', password: 'Bob123!' },
];

/** Creates the demo accounts that do not exist yet (idempotent). Returns the usernames created. */
export async function seedDemoUsers(users: UserRepository): Promise<string[]> {
  const created: string[] = [];
  for (const { username, password } of DEMO_USERS) {
    if (await users.findByUsername(username)) continue;
    try {
      await users.create({ username, passwordHash: await hashPassword(password), role: 'user' });
      created.push(username);
    } catch (error) {
      if (!(error instanceof UsernameTakenError)) throw error;
    }
  }
  return created;
}
