import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuoteActivityIndexes1796152890651 implements MigrationInterface {
  name = 'QuoteActivityIndexes1796152890651';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_bbda23aee5c2602a748aca9d28" ON "quote_request" ("sellerId", "updatedAt", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5c6bddf9cd95a3d4b04b823d85" ON "quote_request" ("companyId", "updatedAt", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_5c6bddf9cd95a3d4b04b823d85"');
    await queryRunner.query('DROP INDEX "IDX_bbda23aee5c2602a748aca9d28"');
  }
}
