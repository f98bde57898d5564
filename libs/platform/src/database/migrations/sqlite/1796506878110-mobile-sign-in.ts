import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MobileSignIn1796506878110 implements MigrationInterface {
  name = 'MobileSignIn1796506878110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sms_code\" (\"id\" varchar PRIMARY KEY NOT NULL, \"mobile\" varchar(11) NOT NULL, \"code_hash\" varchar(64) NOT NULL, \"status\" varchar(16) NOT NULL, \"failed_attempts\" integer NOT NULL DEFAULT (0), \"expires_at\" datetime NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_3a7121f7e0ffabbfbe12d080d5\" ON \"sms_code\" (\"mobile\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"sms_message\" (\"id\" varchar PRIMARY KEY NOT NULL, \"mobile\" varchar(11) NOT NULL, \"text\" varchar(300) NOT NULL, \"created_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_f1e1e6695f3c8e5c46f0439146\" ON \"sms_message\" (\"created_at\") ");
    await queryRunner.query("CREATE TABLE \"temporary_user_account\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(80) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"token_version\" integer NOT NULL DEFAULT (0), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, \"mobile\" varchar(11), CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"), CONSTRAINT \"UQ_cf9a5b7c0b9fe620747838dda08\" UNIQUE (\"mobile\"))");
    await queryRunner.query("INSERT INTO \"temporary_user_account\"(\"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\", \"token_version\", \"failed_logins\", \"locked_until\") SELECT \"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\", \"token_version\", \"failed_logins\", \"locked_until\" FROM \"user_account\"");
    await queryRunner.query("DROP TABLE \"user_account\"");
    await queryRunner.query("ALTER TABLE \"temporary_user_account\" RENAME TO \"user_account\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" RENAME TO \"temporary_user_account\"");
    await queryRunner.query("CREATE TABLE \"user_account\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(80) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"token_version\" integer NOT NULL DEFAULT (0), \"failed_logins\" integer NOT NULL DEFAULT (0), \"locked_until\" datetime, CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"))");
    await queryRunner.query("INSERT INTO \"user_account\"(\"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\", \"token_version\", \"failed_logins\", \"locked_until\") SELECT \"id\", \"email\", \"password_hash\", \"display_name\", \"created_at\", \"token_version\", \"failed_logins\", \"locked_until\" FROM \"temporary_user_account\"");
    await queryRunner.query("DROP TABLE \"temporary_user_account\"");
    await queryRunner.query("DROP INDEX \"IDX_f1e1e6695f3c8e5c46f0439146\"");
    await queryRunner.query("DROP TABLE \"sms_message\"");
    await queryRunner.query("DROP INDEX \"IDX_3a7121f7e0ffabbfbe12d080d5\"");
    await queryRunner.query("DROP TABLE \"sms_code\"");
  }
}
