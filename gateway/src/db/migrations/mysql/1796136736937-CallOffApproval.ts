import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallOffApproval1796136736937 implements MigrationInterface {
  name = 'CallOffApproval1796136736937';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `approval_policy` ADD `callOffThreshold` int NULL');
    await queryRunner.query('ALTER TABLE `approval_request` ADD `callOffId` int NULL');
    await queryRunner.query('ALTER TABLE `approval_request` CHANGE `quoteId` `quoteId` int NULL');
    await queryRunner.query(
      'ALTER TABLE `approval_request` CHANGE `quoteVersionId` `quoteVersionId` int NULL',
    );
    await queryRunner.query('ALTER TABLE `call_off` DROP COLUMN `status`');
    await queryRunner.query('ALTER TABLE `call_off` ADD `status` varchar(20) NOT NULL');
    await queryRunner.query(
      'CREATE INDEX `IDX_62f021a774e2e57ee2b620637c` ON `approval_request` (`callOffId`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_62f021a774e2e57ee2b620637c` ON `approval_request`');
    await queryRunner.query('ALTER TABLE `call_off` DROP COLUMN `status`');
    await queryRunner.query('ALTER TABLE `call_off` ADD `status` varchar(12) NOT NULL');
    await queryRunner.query(
      'ALTER TABLE `approval_request` CHANGE `quoteVersionId` `quoteVersionId` int NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE `approval_request` CHANGE `quoteId` `quoteId` int NOT NULL',
    );
    await queryRunner.query('ALTER TABLE `approval_request` DROP COLUMN `callOffId`');
    await queryRunner.query('ALTER TABLE `approval_policy` DROP COLUMN `callOffThreshold`');
  }
}
