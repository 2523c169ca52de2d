import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Recommendations1796156805370 implements MigrationInterface {
  name = 'Recommendations1796156805370';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `IDX_63689c04aed04a4dbf08d3d375` ON `order_line` (`productId`, `orderId`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_63689c04aed04a4dbf08d3d375` ON `order_line`');
  }
}
