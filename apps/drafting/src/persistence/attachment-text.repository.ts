import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AttachmentTextOrmEntity } from './attachment-text.orm-entity.js';

@Injectable()
export class AttachmentTextRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the text of these bytes once (the same bytes give the same text). */
  async save(sha256: string, text: string | null): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(AttachmentTextOrmEntity)
      .values({ sha256, text })
      .orIgnore()
      .execute();
  }

  async texts(sha256s: readonly string[]): Promise<Map<string, string | null>> {
    if (sha256s.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(AttachmentTextOrmEntity, { where: { sha256: In([...sha256s]) } });
    return new Map(rows.map((row) => [row.sha256, row.text]));
  }
}
