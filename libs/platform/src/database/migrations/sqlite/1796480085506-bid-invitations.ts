import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BidInvitations1796480085506 implements MigrationInterface {
  name = 'BidInvitations1796480085506';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"bid_invitation\" (\"id\" varchar PRIMARY KEY NOT NULL, \"need_id\" varchar(36) NOT NULL, \"enterprise_id\" varchar(36) NOT NULL, \"provider_id\" varchar(36) NOT NULL, \"solution_id\" varchar(36), \"message\" varchar(500), \"invited_by\" varchar(36) NOT NULL, \"bid_id\" varchar(36), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"IDX_0279683b88c136b68697bef4d1\" ON \"bid_invitation\" (\"provider_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_8b39ff4fcb6f386fe4675a17ce\" ON \"bid_invitation\" (\"need_id\", \"provider_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_8b39ff4fcb6f386fe4675a17ce\"");
    await queryRunner.query("DROP INDEX \"IDX_0279683b88c136b68697bef4d1\"");
    await queryRunner.query("DROP TABLE \"bid_invitation\"");
  }
}
