import { Injectable } from '@nestjs/common';
import { IdentityRepository } from '../../persistence/identity.repository.js';

/** Revokes the caller's session: its access and refresh tokens stop working at once. */
@Injectable()
export class SignOutUseCase {
  constructor(private readonly identity: IdentityRepository) {}

  async execute(sessionId: string): Promise<void> {
    await this.identity.revokeSession(sessionId);
  }
}
