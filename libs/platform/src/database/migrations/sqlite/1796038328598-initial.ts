import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796038328598 implements MigrationInterface {
  name = 'Initial1796038328598';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"job\" varchar(120) NOT NULL, \"payload\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"attempts\" integer NOT NULL DEFAULT (0), \"available_at\" datetime NOT NULL, \"locked_until\" datetime, \"last_error\" text, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"completed_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_471199da03bd5757ab3e1ef935\" ON \"outbox_message\" (\"status\", \"available_at\") ");
    await queryRunner.query("CREATE TABLE \"job_schedule\" (\"job\" varchar(120) PRIMARY KEY NOT NULL, \"every_seconds\" integer NOT NULL, \"next_run_at\" datetime NOT NULL, \"last_run_at\" datetime)");
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"id\" varchar PRIMARY KEY NOT NULL, \"job_id\" integer NOT NULL, \"actor_id\" varchar(36), \"action\" varchar(80) NOT NULL, \"entity_type\" varchar(40) NOT NULL, \"entity_id\" varchar(64) NOT NULL, \"reason\" text, \"data\" text, \"at\" datetime NOT NULL, CONSTRAINT \"UQ_53588e98ec611b5fc16827c89b3\" UNIQUE (\"job_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9d18bd4a32fc0cd8ff82b12037\" ON \"audit_entry\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cfbd3da3d6664af0dab55783b5\" ON \"audit_entry\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"solution\" (\"id\" varchar PRIMARY KEY NOT NULL, \"provider_id\" varchar(36) NOT NULL, \"title\" varchar(120) NOT NULL, \"summary\" varchar(300) NOT NULL, \"description\" text NOT NULL, \"scenarios\" text NOT NULL, \"industries\" text NOT NULL, \"price_min_fen\" bigint NOT NULL, \"price_max_fen\" bigint NOT NULL, \"deploy_days\" integer NOT NULL, \"delivery_mode\" varchar(16) NOT NULL, \"levels\" text NOT NULL, \"cases\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('draft'), \"published_at\" datetime, \"delisted_at\" datetime, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_7ef84959cd76ced82249a42233\" ON \"solution\" (\"status\", \"published_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4ccb2c087b0a9be297da43c3ba\" ON \"solution\" (\"provider_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"enterprise\" (\"id\" varchar PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"uscc\" varchar(18) NOT NULL, \"industry\" varchar(32) NOT NULL, \"district\" varchar(32) NOT NULL, \"scale\" varchar(8) NOT NULL, \"employees\" integer, \"annual_revenue_fen\" bigint, \"is_little_giant_funded\" boolean NOT NULL DEFAULT (0), \"in_pilot2022\" boolean NOT NULL DEFAULT (0), \"is_specialised\" boolean NOT NULL DEFAULT (0), \"digital_level\" integer, \"digital_level_source\" varchar(16), \"digital_level_at\" datetime, \"is_chain_leader\" boolean NOT NULL DEFAULT (0), \"pilot_batch\" varchar(16), \"pilot_enrolment_basis\" varchar(16), \"pilot_enrolled_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_c8f2c226bf7ff9f7da15710c1ee\" UNIQUE (\"uscc\"))");
    await queryRunner.query("CREATE INDEX \"IDX_90cfb3f7a5650ead17a3197f39\" ON \"enterprise\" (\"pilot_batch\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4ee0378801590dfbaca9146325\" ON \"enterprise\" (\"district\") ");
    await queryRunner.query("CREATE INDEX \"IDX_673d92ccaf574b9fb57328b4e1\" ON \"enterprise\" (\"industry\", \"district\") ");
    await queryRunner.query("CREATE TABLE \"provider\" (\"id\" varchar PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"uscc\" varchar(18) NOT NULL, \"kind\" varchar(16) NOT NULL, \"districts\" text NOT NULL, \"description\" text NOT NULL DEFAULT (''), \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"acceptance_pass_rate\" double precision, \"completed_projects\" integer NOT NULL DEFAULT (0), \"rating_average\" double precision, \"rating_count\" integer NOT NULL DEFAULT (0), \"no_shows\" integer NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_b4214ae215b9b5e33c2dd17ec0e\" UNIQUE (\"uscc\"))");
    await queryRunner.query("CREATE TABLE \"provider_selection_decision\" (\"id\" varchar PRIMARY KEY NOT NULL, \"provider_id\" varchar(36) NOT NULL, \"decision\" varchar(16) NOT NULL, \"from_status\" varchar(16) NOT NULL, \"to_status\" varchar(16) NOT NULL, \"reason\" text NOT NULL, \"actor_id\" varchar(36) NOT NULL, \"decided_at\" datetime NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_081603fb90505bc6edb323f2ca\" ON \"provider_selection_decision\" (\"provider_id\", \"decided_at\") ");
    await queryRunner.query("CREATE TABLE \"data_consent\" (\"id\" varchar PRIMARY KEY NOT NULL, \"enterprise_id\" varchar(36) NOT NULL, \"grantee_organisation_id\" varchar(36) NOT NULL, \"grantee_kind\" varchar(16) NOT NULL, \"scopes\" text NOT NULL, \"granted_by\" varchar(36) NOT NULL, \"granted_at\" datetime NOT NULL, \"revoked_by\" varchar(36), \"revoked_at\" datetime)");
    await queryRunner.query("CREATE INDEX \"IDX_f30e515fabff280c4360853c40\" ON \"data_consent\" (\"enterprise_id\", \"grantee_organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"user_account\" (\"id\" varchar PRIMARY KEY NOT NULL, \"email\" varchar(254) NOT NULL, \"password_hash\" varchar(200) NOT NULL, \"display_name\" varchar(80) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"UQ_56a0e4bcec2b5411beafa47ffa5\" UNIQUE (\"email\"))");
    await queryRunner.query("CREATE TABLE \"role_grant\" (\"id\" varchar PRIMARY KEY NOT NULL, \"user_id\" varchar NOT NULL, \"role\" varchar(32) NOT NULL, \"district\" varchar(32) NOT NULL DEFAULT (''), \"granted_by\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c4553482b61f072d89f45c7abb\" ON \"role_grant\" (\"user_id\", \"role\", \"district\") ");
    await queryRunner.query("CREATE TABLE \"membership\" (\"id\" varchar PRIMARY KEY NOT NULL, \"organisation_id\" varchar NOT NULL, \"organisation_kind\" varchar(16) NOT NULL, \"user_id\" varchar NOT NULL, \"role\" varchar(16) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_e9c72e8d29784031c96f5c6af8\" ON \"membership\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_83b51efdef81bac87874f7f2eb\" ON \"membership\" (\"organisation_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"need\" (\"id\" varchar PRIMARY KEY NOT NULL, \"enterprise_id\" varchar(36) NOT NULL, \"title\" varchar(120) NOT NULL, \"description\" text NOT NULL, \"scenarios\" text NOT NULL, \"budget_fen\" bigint NOT NULL, \"expected_days\" integer NOT NULL, \"bid_deadline\" datetime NOT NULL, \"sites\" text NOT NULL, \"private_details\" text, \"industry\" varchar(32) NOT NULL, \"district\" varchar(32) NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('draft'), \"published_at\" datetime, \"cancelled_at\" datetime, \"created_by\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_340d4732ab0c169860f77270aa\" ON \"need\" (\"status\", \"published_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2753656edf31ae7025b40b61a0\" ON \"need\" (\"enterprise_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"notification\" (\"seq\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"id\" varchar NOT NULL, \"user_id\" varchar NOT NULL, \"kind\" varchar(60) NOT NULL, \"title\" varchar(200) NOT NULL, \"body\" text NOT NULL, \"link\" varchar(500), \"data\" text, \"dedupe_key\" varchar(200) NOT NULL, \"read_at\" datetime, \"created_at\" datetime NOT NULL, CONSTRAINT \"UQ_705b6c7cdf9b2c2ff7ac7872cb7\" UNIQUE (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_709570ea23197bf75890da5a6a\" ON \"notification\" (\"user_id\", \"read_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_73bfce92922b5fdb3c378fc8b9\" ON \"notification\" (\"user_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_2536473105eb55a18a48d975ac\" ON \"notification\" (\"user_id\", \"dedupe_key\") ");
    await queryRunner.query("CREATE TABLE \"mail_message\" (\"id\" varchar PRIMARY KEY NOT NULL, \"notification_id\" varchar NOT NULL, \"to\" varchar(254) NOT NULL, \"subject\" varchar(200) NOT NULL, \"body\" text NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"last_error\" text, \"claimed_by\" integer, \"claimed_at\" datetime, \"sent_at\" datetime, \"created_at\" datetime NOT NULL, CONSTRAINT \"UQ_a7d2b6bc3fd83a537158d28cbb7\" UNIQUE (\"notification_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9a8dc0121971b1cd19d3adc72d\" ON \"mail_message\" (\"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_9a8dc0121971b1cd19d3adc72d\"");
    await queryRunner.query("DROP TABLE \"mail_message\"");
    await queryRunner.query("DROP INDEX \"IDX_2536473105eb55a18a48d975ac\"");
    await queryRunner.query("DROP INDEX \"IDX_73bfce92922b5fdb3c378fc8b9\"");
    await queryRunner.query("DROP INDEX \"IDX_709570ea23197bf75890da5a6a\"");
    await queryRunner.query("DROP TABLE \"notification\"");
    await queryRunner.query("DROP INDEX \"IDX_2753656edf31ae7025b40b61a0\"");
    await queryRunner.query("DROP INDEX \"IDX_340d4732ab0c169860f77270aa\"");
    await queryRunner.query("DROP TABLE \"need\"");
    await queryRunner.query("DROP INDEX \"IDX_83b51efdef81bac87874f7f2eb\"");
    await queryRunner.query("DROP INDEX \"IDX_e9c72e8d29784031c96f5c6af8\"");
    await queryRunner.query("DROP TABLE \"membership\"");
    await queryRunner.query("DROP INDEX \"IDX_c4553482b61f072d89f45c7abb\"");
    await queryRunner.query("DROP TABLE \"role_grant\"");
    await queryRunner.query("DROP TABLE \"user_account\"");
    await queryRunner.query("DROP INDEX \"IDX_f30e515fabff280c4360853c40\"");
    await queryRunner.query("DROP TABLE \"data_consent\"");
    await queryRunner.query("DROP INDEX \"IDX_081603fb90505bc6edb323f2ca\"");
    await queryRunner.query("DROP TABLE \"provider_selection_decision\"");
    await queryRunner.query("DROP TABLE \"provider\"");
    await queryRunner.query("DROP INDEX \"IDX_673d92ccaf574b9fb57328b4e1\"");
    await queryRunner.query("DROP INDEX \"IDX_4ee0378801590dfbaca9146325\"");
    await queryRunner.query("DROP INDEX \"IDX_90cfb3f7a5650ead17a3197f39\"");
    await queryRunner.query("DROP TABLE \"enterprise\"");
    await queryRunner.query("DROP INDEX \"IDX_4ccb2c087b0a9be297da43c3ba\"");
    await queryRunner.query("DROP INDEX \"IDX_7ef84959cd76ced82249a42233\"");
    await queryRunner.query("DROP TABLE \"solution\"");
    await queryRunner.query("DROP INDEX \"IDX_cfbd3da3d6664af0dab55783b5\"");
    await queryRunner.query("DROP INDEX \"IDX_9d18bd4a32fc0cd8ff82b12037\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
    await queryRunner.query("DROP TABLE \"job_schedule\"");
    await queryRunner.query("DROP INDEX \"IDX_471199da03bd5757ab3e1ef935\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
  }
}
