import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TokenVersionAndLockout1796456151504 implements MigrationInterface {
  name = 'TokenVersionAndLockout1796456151504';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"temporary_user_account\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(80) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"token_version\" integer NOT NULL DEFAULT (0), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"))");
    await queryRunner.query("INSERT INTO \"temporary_user_account\"(\"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\") SELECT \"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\" FROM \"user_account\"");
    await queryRunner.query("DROP TABLE \"user_account\"");
    await queryRunner.query("ALTER TABLE \"temporary_user_account\" RENAME TO \"user_account\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" RENAME TO \"temporary_user_account\"");
    await queryRunner.query("CREATE TABLE \"user_account\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(80) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"))");
    await queryRunner.query("INSERT INTO \"user_account\"(\"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\") SELECT \"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\" FROM \"temporary_user_account\"");
    await queryRunner.query("DROP TABLE \"temporary_user_account\"");
  }
}
