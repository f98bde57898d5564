import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796035330878 implements MigrationInterface {
  name = 'Initial1796035330878';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" SERIAL NOT NULL, \"job\" character varying(120) NOT NULL, \"payload\" text NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"available_at\" TIMESTAMP NOT NULL, \"locked_until\" TIMESTAMP, \"last_error\" text, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"completed_at\" TIMESTAMP, CONSTRAINT \"PK_2f36ee5236f2793f3e7bd554589\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_471199da03bd5757ab3e1ef935\" ON \"outbox_message\"  (\"status\", \"available_at\") ");
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"job_id\" integer NOT NULL, \"actor_id\" character varying(36), \"action\" character varying(80) NOT NULL, \"entity_type\" character varying(40) NOT NULL, \"entity_id\" character varying(64) NOT NULL, \"reason\" text, \"data\" text, \"at\" TIMESTAMP NOT NULL, CONSTRAINT \"UQ_53588e98ec611b5fc16827c89b3\" UNIQUE (\"job_id\"), CONSTRAINT \"PK_58a130a4b9da189f46ba2a01801\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9d18bd4a32fc0cd8ff82b12037\" ON \"audit_entry\"  (\"at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cfbd3da3d6664af0dab55783b5\" ON \"audit_entry\"  (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"user_account\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(254) NOT NULL, \"password_hash\" character varying(200) NOT NULL, \"display_name\" character varying(80) NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"), CONSTRAINT \"PK_6acfec7285fdf9f463462de3e9f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"role_grant\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" character varying(36) NOT NULL, \"role\" character varying(32) NOT NULL, \"district\" character varying(32) NOT NULL DEFAULT '', \"granted_by\" character varying(36), \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_b9e50aafa723c536731c38529fb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c4553482b61f072d89f45c7abb\" ON \"role_grant\"  (\"user_id\", \"role\", \"district\") ");
    await queryRunner.query("CREATE TABLE \"membership\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organisation_id\" character varying(36) NOT NULL, \"organisation_kind\" character varying(16) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"role\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_83c1afebef3059472e7c37e8de8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_e9c72e8d29784031c96f5c6af8\" ON \"membership\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_83b51efdef81bac87874f7f2eb\" ON \"membership\"  (\"organisation_id\", \"user_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_83b51efdef81bac87874f7f2eb\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e9c72e8d29784031c96f5c6af8\"");
    await queryRunner.query("DROP TABLE \"membership\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c4553482b61f072d89f45c7abb\"");
    await queryRunner.query("DROP TABLE \"role_grant\"");
    await queryRunner.query("DROP TABLE \"user_account\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_cfbd3da3d6664af0dab55783b5\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9d18bd4a32fc0cd8ff82b12037\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_471199da03bd5757ab3e1ef935\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
  }
}
