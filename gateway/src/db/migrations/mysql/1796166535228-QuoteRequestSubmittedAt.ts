import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuoteRequestSubmittedAt1796166535228 implements MigrationInterface {
  name = 'QuoteRequestSubmittedAt1796166535228';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `quote_request` ADD `submittedAt` datetime NULL");
    // Requests sent before the column existed: when they were written is the best date known.
    await queryRunner.query("UPDATE `quote_request` SET `submittedAt` = `createdAt` WHERE `status` <> 'DRAFT'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `quote_request` DROP COLUMN `submittedAt`");
  }
}
