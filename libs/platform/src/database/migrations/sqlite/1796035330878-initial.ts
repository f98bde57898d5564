import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796035330878 implements MigrationInterface {
  name = 'Initial1796035330878';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"job\" varchar(120) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"available_at\" datetime NOT NULL, \"locked_until\" datetime, \"last_error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"completed_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_471199da03bd5757ab3e1ef935\" ON \"outbox_message\" (\"status\", \"available_at\") ");
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"id\" varchar PRIMARY KEY NOT NULL, \"job_id\" integer NOT NULL, \"actor_id\" varchar(36), \"action\" varchar(80) NOT NULL, \"entity_type\" varchar(40) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"reason\" text, \"data\" text, \"at\" datetime NOT NULL, CONSTRAINT \"UQ_53588e98ec611b5fc16827c89b3\" UNIQUE (\"job_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9d18bd4a32fc0cd8ff82b12037\" ON \"audit_entry\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cfbd3da3d6664af0dab55783b5\" ON \"audit_entry\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"user_account\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(80) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"))");
    await queryRunner.query("CREATE TABLE \"role_grant\" (\"id\" varchar PRIMARY KEY NOT NULL, \"user_id\" varchar(36) NOT NULL, \"role\" varchar(32) NOT NULL, \"district\" varchar(32) NOT NULL DEFAULT (''), \"granted_by\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c4553482b61f072d89f45c7abb\" ON \"role_grant\" (\"user_id\", \"role\", \"district\") ");
    await queryRunner.query("CREATE TABLE \"membership\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar(36) NOT NULL, \"organisation_kind\" varchar(16) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"role\" varchar(16) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_e9c72e8d29784031c96f5c6af8\" ON \"membership\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_83b51efdef81bac87874f7f2eb\" ON \"membership\" (\"organisation_id\", \"user_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_83b51efdef81bac87874f7f2eb\"");
    await queryRunner.query("DROP INDEX \"IDX_e9c72e8d29784031c96f5c6af8\"");
    await queryRunner.query("DROP TABLE \"membership\"");
    await queryRunner.query("DROP INDEX \"IDX_c4553482b61f072d89f45c7abb\"");
    await queryRunner.query("DROP TABLE \"role_grant\"");
    await queryRunner.query("DROP TABLE \"user_account\"");
    await queryRunner.query("DROP INDEX \"IDX_cfbd3da3d6664af0dab55783b5\"");
    await queryRunner.query("DROP INDEX \"IDX_9d18bd4a32fc0cd8ff82b12037\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
    await queryRunner.query("DROP INDEX \"IDX_471199da03bd5757ab3e1ef935\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
  }
}
