import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillSearchTerms } from '../backfill-search-terms.js';

export class SearchIndex1796134042022 implements MigrationInterface {
  name = 'SearchIndex1796134042022';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_88dc4d6e62b56328591177126e` ON `product`');
    await queryRunner.query(
      'CREATE TABLE `product_search_term` (`term` varchar(64) COLLATE utf8mb4_bin NOT NULL, `productId` int NOT NULL, `weight` smallint NOT NULL, `status` varchar(16) NOT NULL, `inStock` tinyint NOT NULL, `categoryId` int NOT NULL, `sellerId` int NOT NULL, `minPrice` int NULL, INDEX `IDX_e524c070fe4d0f82ab60f1dbc0` (`productId`, `term`), PRIMARY KEY (`term`, `productId`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `product` DROP COLUMN `searchText`');
    await backfillSearchTerms(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `product` ADD `searchText` text NOT NULL');
    await queryRunner.query('DROP INDEX `IDX_e524c070fe4d0f82ab60f1dbc0` ON `product_search_term`');
    await queryRunner.query('DROP TABLE `product_search_term`');
    await queryRunner.query(
      'CREATE FULLTEXT INDEX `IDX_88dc4d6e62b56328591177126e` ON `product` (`searchText`)',
    );
  }
}
