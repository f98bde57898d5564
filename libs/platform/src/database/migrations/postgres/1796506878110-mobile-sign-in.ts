import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MobileSignIn1796506878110 implements MigrationInterface {
  name = 'MobileSignIn1796506878110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sms_code\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"mobile\" character varying(11) NOT NULL, \"code_hash\" character varying(64) NOT NULL, \"status\" character varying(16) NOT NULL, \"failed_attempts\" integer NOT NULL DEFAULT '0', \"expires_at\" TIMESTAMP NOT NULL, \"created_at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_6be10be47996c6d6591354f0002\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_3a7121f7e0ffabbfbe12d080d5\" ON \"sms_code\"  (\"mobile\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"sms_message\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"mobile\" character varying(11) NOT NULL, \"text\" character varying(300) NOT NULL, \"created_at\" TIMESTAMP NOT NULL, CONSTRAINT \"PK_121900f2127a5152cf20898a11c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f1e1e6695f3c8e5c46f0439146\" ON \"sms_message\"  (\"created_at\") ");
    await queryRunner.query("ALTER TABLE \"user_account\" ADD \"mobile\" character varying(11)");
    await queryRunner.query("ALTER TABLE \"user_account\" ADD CONSTRAINT \"UQ_f8bb72e065bf2cd0eaa4307801a\" UNIQUE (\"mobile\")");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"user_account\" DROP CONSTRAINT \"UQ_f8bb72e065bf2cd0eaa4307801a\"");
    await queryRunner.query("ALTER TABLE \"user_account\" DROP COLUMN \"mobile\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f1e1e6695f3c8e5c46f0439146\"");
    await queryRunner.query("DROP TABLE \"sms_message\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3a7121f7e0ffabbfbe12d080d5\"");
    await queryRunner.query("DROP TABLE \"sms_code\"");
  }
}
