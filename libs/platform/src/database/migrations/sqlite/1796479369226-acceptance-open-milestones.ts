import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AcceptanceOpenMilestones1796479369226 implements MigrationInterface {
  name = 'AcceptanceOpenMilestones1796479369226';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_c621672830969d682abee861e4\"");
    await queryRunner.query("DROP INDEX \"IDX_4105e44d8927292bb56e1257fd\"");
    await queryRunner.query("CREATE TABLE \"temporary_project_acceptance\" (\"id\" varchar PRIMARY KEY NOT NULL, \"project_id\" varchar NOT NULL, \"provider_id\" varchar NOT NULL, \"round\" integer NOT NULL, \"assessor_id\" varchar NOT NULL, \"result\" varchar(8) NOT NULL, \"level_after\" integer NOT NULL, \"data_integration\" text NOT NULL, \"data_integration_score\" integer, \"roi_percent\" double precision NOT NULL, \"management_reform\" text NOT NULL, \"application_effect\" text, \"reasons\" text NOT NULL, \"evidence\" text NOT NULL, \"decided_at\" datetime NOT NULL, \"open_milestones\" text NOT NULL DEFAULT ('[]'))");
    await queryRunner.query("INSERT INTO \"temporary_project_acceptance\"(\"id\", \"project_id\", \"provider_id\", \"round\", \"assessor_id\", \"result\", \"level_after\", \"data_integration\", \"data_integration_score\", \"roi_percent\", \"management_reform\", \"application_effect\", \"reasons\", \"evidence\", \"decided_at\") SELECT \"id\", \"project_id\", \"provider_id\", \"round\", \"assessor_id\", \"result\", \"level_after\", \"data_integration\", \"data_integration_score\", \"roi_percent\", \"management_reform\", \"application_effect\", \"reasons\", \"evidence\", \"decided_at\" FROM \"project_acceptance\"");
    await queryRunner.query("DROP TABLE \"project_acceptance\"");
    await queryRunner.query("ALTER TABLE \"temporary_project_acceptance\" RENAME TO \"project_acceptance\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c621672830969d682abee861e4\" ON \"project_acceptance\" (\"project_id\", \"round\") ");
    await queryRunner.query("CREATE INDEX \"IDX_4105e44d8927292bb56e1257fd\" ON \"project_acceptance\" (\"provider_id\", \"result\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_4105e44d8927292bb56e1257fd\"");
    await queryRunner.query("DROP INDEX \"IDX_c621672830969d682abee861e4\"");
    await queryRunner.query("ALTER TABLE \"project_acceptance\" RENAME TO \"temporary_project_acceptance\"");
    await queryRunner.query("CREATE TABLE \"project_acceptance\" (\"id\" varchar PRIMARY KEY NOT NULL, \"project_id\" varchar NOT NULL, \"provider_id\" varchar NOT NULL, \"round\" integer NOT NULL, \"assessor_id\" varchar NOT NULL, \"result\" varchar(8) NOT NULL, \"level_after\" integer NOT NULL, \"data_integration\" text NOT NULL, \"data_integration_score\" integer, \"roi_percent\" double precision NOT NULL, \"management_reform\" text NOT NULL, \"application_effect\" text, \"reasons\" text NOT NULL, \"evidence\" text NOT NULL, \"decided_at\" datetime NOT NULL)");
    await queryRunner.query("INSERT INTO \"project_acceptance\"(\"id\", \"project_id\", \"provider_id\", \"round\", \"assessor_id\", \"result\", \"level_after\", \"data_integration\", \"data_integration_score\", \"roi_percent\", \"management_reform\", \"application_effect\", \"reasons\", \"evidence\", \"decided_at\") SELECT \"id\", \"project_id\", \"provider_id\", \"round\", \"assessor_id\", \"result\", \"level_after\", \"data_integration\", \"data_integration_score\", \"roi_percent\", \"management_reform\", \"application_effect\", \"reasons\", \"evidence\", \"decided_at\" FROM \"temporary_project_acceptance\"");
    await queryRunner.query("DROP TABLE \"temporary_project_acceptance\"");
    await queryRunner.query("CREATE INDEX \"IDX_4105e44d8927292bb56e1257fd\" ON \"project_acceptance\" (\"provider_id\", \"result\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c621672830969d682abee861e4\" ON \"project_acceptance\" (\"project_id\", \"round\") ");
  }
}
