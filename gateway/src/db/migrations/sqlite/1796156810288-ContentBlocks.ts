import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentBlocks1796156810288 implements MigrationInterface {
  name = 'ContentBlocks1796156810288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"content_block\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"ownerId\" integer NOT NULL, \"kind\" varchar(16) NOT NULL, \"placement\" varchar(20) NOT NULL, \"title\" varchar(120) NOT NULL, \"body\" varchar(500), \"imageUrl\" varchar(500), \"linkUrl\" varchar(500), \"callToAction\" varchar(40), \"productIds\" text NOT NULL, \"everyone\" boolean NOT NULL, \"segmentIds\" text NOT NULL, \"tags\" text NOT NULL, \"priority\" integer NOT NULL, \"startsAt\" datetime, \"endsAt\" datetime, \"status\" varchar(10) NOT NULL, \"createdByUserId\" integer NOT NULL, \"updatedByUserId\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_901003f14cb73072f29e069451\" ON \"content_block\" (\"ownerId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a0d110a165f55c3f3aa1526e59\" ON \"content_block\" (\"placement\", \"status\", \"priority\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a0d110a165f55c3f3aa1526e59\"");
    await queryRunner.query("DROP INDEX \"IDX_901003f14cb73072f29e069451\"");
    await queryRunner.query("DROP TABLE \"content_block\"");
  }
}
