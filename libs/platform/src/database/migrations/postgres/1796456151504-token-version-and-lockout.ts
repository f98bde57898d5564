import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TokenVersionAndLockout1796456151504 implements MigrationInterface {
  name = 'TokenVersionAndLockout1796456151504';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" ADD \"token_version\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"user_account\" ADD \"failed_logins\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"user_account\" ADD \"locked_until\" TIMESTAMP");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" DROP COLUMN \"locked_until\"");
    await queryRunner.query("ALTER TABLE \"user_account\" DROP COLUMN \"failed_logins\"");
    await queryRunner.query("ALTER TABLE \"user_account\" DROP COLUMN \"token_version\"");
  }
}
