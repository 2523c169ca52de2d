import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RemittanceResolution1795903657225 implements MigrationInterface {
  name = 'RemittanceResolution1795903657225';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `cash_remittance` ADD `resolution` varchar(16) NULL');
    await queryRunner.query(
      "ALTER TABLE `cash_remittance` ADD `resolutionNote` varchar(500) NOT NULL DEFAULT ''",
    );
    await queryRunner.query('ALTER TABLE `cash_remittance` ADD `resolvedAt` datetime NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `cash_remittance` DROP COLUMN `resolvedAt`');
    await queryRunner.query('ALTER TABLE `cash_remittance` DROP COLUMN `resolutionNote`');
    await queryRunner.query('ALTER TABLE `cash_remittance` DROP COLUMN `resolution`');
  }
}
