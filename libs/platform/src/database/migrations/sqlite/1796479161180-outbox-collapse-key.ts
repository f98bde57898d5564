import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxCollapseKey1796479161180 implements MigrationInterface {
  name = 'OutboxCollapseKey1796479161180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_471199da03bd5757ab3e1ef935\"");
    await queryRunner.query("CREATE TABLE \"temporary_outbox_message\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"job\" varchar(120) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"available_at\" datetime NOT NULL, \"locked_until\" datetime, \"last_error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"completed_at\" datetime, \"collapse_key\" varchar(200))");
    await queryRunner.query("INSERT INTO \"temporary_outbox_message\"(\"id\", \"job\", \"payload\", \"status\", \"attempts\", \"available_at\", \"locked_until\", \"last_error\", \"created_at\", \"completed_at\") SELECT \"id\", \"job\", \"payload\", \"status\", \"attempts\", \"available_at\", \"locked_until\", \"last_error\", \"created_at\", \"completed_at\" FROM \"outbox_message\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("ALTER TABLE \"temporary_outbox_message\" RENAME TO \"outbox_message\"");
    await queryRunner.query("CREATE INDEX \"IDX_471199da03bd5757ab3e1ef935\" ON \"outbox_message\" (\"status\", \"available_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f592dca3864c87e103dbcf6fa0\" ON \"outbox_message\" (\"job\", \"collapse_key\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_f592dca3864c87e103dbcf6fa0\"");
    await queryRunner.query("DROP INDEX \"IDX_471199da03bd5757ab3e1ef935\"");
    await queryRunner.query("ALTER TABLE \"outbox_message\" RENAME TO \"temporary_outbox_message\"");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"job\" varchar(120) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"available_at\" datetime NOT NULL, \"locked_until\" datetime, \"last_error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"completed_at\" datetime)");
    await queryRunner.query("INSERT INTO \"outbox_message\"(\"id\", \"job\", \"payload\", \"status\", \"attempts\", \"available_at\", \"locked_until\", \"last_error\", \"created_at\", \"completed_at\") SELECT \"id\", \"job\", \"payload\", \"status\", \"attempts\", \"available_at\", \"locked_until\", \"last_error\", \"created_at\", \"completed_at\" FROM \"temporary_outbox_message\"");
    await queryRunner.query("DROP TABLE \"temporary_outbox_message\"");
    await queryRunner.query("CREATE INDEX \"IDX_471199da03bd5757ab3e1ef935\" ON \"outbox_message\" (\"status\", \"available_at\") ");
  }
}
