import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallOffExposureIndex1796154843947 implements MigrationInterface {
  name = 'CallOffExposureIndex1796154843947';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `IDX_61cbcb618e60f7cc1314914c37` ON `call_off` (`sellerId`, `companyId`, `status`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_61cbcb618e60f7cc1314914c37` ON `call_off`');
  }
}
