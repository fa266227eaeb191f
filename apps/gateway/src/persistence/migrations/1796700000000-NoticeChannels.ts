import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound notice channels (issue #12 point 2): each agency's channel settings (a robot's webhook and
 * 加签 secret, SMS's 签名), set by its admin; each person's choice of channels and mobile number.
 */
export class NoticeChannels1796700000000 implements MigrationInterface {
  name = 'NoticeChannels1796700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE agency_notice_channels (
      agency_id uuid NOT NULL REFERENCES agencies (id),
      channel text NOT NULL CHECK (channel IN ('wecom', 'dingtalk', 'sms')),
      enabled boolean NOT NULL,
      webhook_url text,
      secret text,
      msgtype text NOT NULL DEFAULT 'text' CHECK (msgtype IN ('text', 'markdown')),
      sign_name text,
      updated_by uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, channel)
    )`);
    await runner.query(`CREATE TABLE user_notice_channels (
      user_id uuid PRIMARY KEY REFERENCES users (id),
      channels text[] NOT NULL DEFAULT '{}',
      phone text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE user_notice_channels');
    await runner.query('DROP TABLE agency_notice_channels');
  }
}
