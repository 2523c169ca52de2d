import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchTermCategoryIndex1796184636218 implements MigrationInterface {
  name = 'SearchTermCategoryIndex1796184636218';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `IDX_7f0bca1b9865bd3873f4b2373f` ON `product_search_term` (`categoryId`, `term`, `status`, `inStock`, `minPrice`, `weight`, `sellerId`)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_7f0bca1b9865bd3873f4b2373f` ON `product_search_term`');
  }
}
