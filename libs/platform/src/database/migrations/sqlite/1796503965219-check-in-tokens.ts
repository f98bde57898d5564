import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckInTokens1796503965219 implements MigrationInterface {
  name = 'CheckInTokens1796503965219';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_4903a912581735bcb8d265b5bc\"");
    await queryRunner.query("DROP INDEX \"IDX_8f01f7b052851cb926ddee8d20\"");
    await queryRunner.query("CREATE TABLE \"temporary_event_registration\" (\"id\" varchar PRIMARY KEY NOT NULL, \"event_id\" varchar NOT NULL, \"organisation_id\" varchar NOT NULL, \"side\" varchar(16) NOT NULL, \"available_slots\" text NOT NULL, \"wants\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"registered_by\" varchar NOT NULL, \"decided_by\" varchar, \"decided_at\" datetime, \"decision_reason\" varchar(500), \"checked_in_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"check_in_code\" varchar(8))");
    await queryRunner.query("INSERT INTO \"temporary_event_registration\"(\"id\", \"event_id\", \"organisation_id\", \"side\", \"available_slots\", \"wants\", \"status\", \"registered_by\", \"decided_by\", \"decided_at\", \"decision_reason\", \"checked_in_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"event_id\", \"organisation_id\", \"side\", \"available_slots\", \"wants\", \"status\", \"registered_by\", \"decided_by\", \"decided_at\", \"decision_reason\", \"checked_in_at\", \"created_at\", \"updated_at\" FROM \"event_registration\"");
    await queryRunner.query("DROP TABLE \"event_registration\"");
    await queryRunner.query("ALTER TABLE \"temporary_event_registration\" RENAME TO \"event_registration\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4903a912581735bcb8d265b5bc\" ON \"event_registration\" (\"event_id\", \"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8f01f7b052851cb926ddee8d20\" ON \"event_registration\" (\"event_id\", \"side\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b7ee6433e306376c75a4974f9b\" ON \"event_registration\" (\"event_id\", \"check_in_code\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b7ee6433e306376c75a4974f9b\"");
    await queryRunner.query("DROP INDEX \"IDX_8f01f7b052851cb926ddee8d20\"");
    await queryRunner.query("DROP INDEX \"IDX_4903a912581735bcb8d265b5bc\"");
    await queryRunner.query("ALTER TABLE \"event_registration\" RENAME TO \"temporary_event_registration\"");
    await queryRunner.query("CREATE TABLE \"event_registration\" (\"id\" varchar PRIMARY KEY NOT NULL, \"event_id\" varchar NOT NULL, \"organisation_id\" varchar NOT NULL, \"side\" varchar(16) NOT NULL, \"available_slots\" text NOT NULL, \"wants\" text NOT NULL, \"status\" varchar(16) NOT NULL DEFAULT ('pending'), \"registered_by\" varchar NOT NULL, \"decided_by\" varchar, \"decided_at\" datetime, \"decision_reason\" varchar(500), \"checked_in_at\" datetime, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"event_registration\"(\"id\", \"event_id\", \"organisation_id\", \"side\", \"available_slots\", \"wants\", \"status\", \"registered_by\", \"decided_by\", \"decided_at\", \"decision_reason\", \"checked_in_at\", \"created_at\", \"updated_at\") SELECT \"id\", \"event_id\", \"organisation_id\", \"side\", \"available_slots\", \"wants\", \"status\", \"registered_by\", \"decided_by\", \"decided_at\", \"decision_reason\", \"checked_in_at\", \"created_at\", \"updated_at\" FROM \"temporary_event_registration\"");
    await queryRunner.query("DROP TABLE \"temporary_event_registration\"");
    await queryRunner.query("CREATE INDEX \"IDX_8f01f7b052851cb926ddee8d20\" ON \"event_registration\" (\"event_id\", \"side\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_4903a912581735bcb8d265b5bc\" ON \"event_registration\" (\"event_id\", \"organisation_id\") ");
  }
}
