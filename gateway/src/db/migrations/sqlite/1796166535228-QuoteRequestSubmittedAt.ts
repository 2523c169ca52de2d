import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuoteRequestSubmittedAt1796166535228 implements MigrationInterface {
  name = 'QuoteRequestSubmittedAt1796166535228';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5c6bddf9cd95a3d4b04b823d85\"");
    await queryRunner.query("DROP INDEX \"IDX_bbda23aee5c2602a748aca9d28\"");
    await queryRunner.query("DROP INDEX \"IDX_74131db66f7fcadfadb4b562bb\"");
    await queryRunner.query("DROP INDEX \"IDX_5b5e7437d3f5686f79f9c35cc5\"");
    await queryRunner.query("CREATE TABLE \"temporary_quote_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"companyId\" integer NOT NULL, \"sellerId\" integer NOT NULL, \"buyerUserId\" integer NOT NULL, \"status\" varchar(20) NOT NULL, \"dealKind\" varchar(12) NOT NULL, \"termMonths\" integer, \"wantedDeliveryDate\" varchar(10), \"notes\" varchar(2000) NOT NULL, \"currency\" varchar(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"latestVersionId\" integer, \"shipName\" varchar(100) NOT NULL, \"shipPhone\" varchar(20) NOT NULL, \"shipProvince\" varchar(50) NOT NULL, \"shipCity\" varchar(50) NOT NULL, \"shipDistrict\" varchar(50) NOT NULL, \"shipLine1\" varchar(200) NOT NULL, \"shipPostalcode\" varchar(10) NOT NULL, \"submittedAt\" datetime)");
    await queryRunner.query("INSERT INTO \"temporary_quote_request\"(\"id\", \"createdAt\", \"updatedAt\", \"companyId\", \"sellerId\", \"buyerUserId\", \"status\", \"dealKind\", \"termMonths\", \"wantedDeliveryDate\", \"notes\", \"currency\", \"version\", \"latestVersionId\", \"shipName\", \"shipPhone\", \"shipProvince\", \"shipCity\", \"shipDistrict\", \"shipLine1\", \"shipPostalcode\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"companyId\", \"sellerId\", \"buyerUserId\", \"status\", \"dealKind\", \"termMonths\", \"wantedDeliveryDate\", \"notes\", \"currency\", \"version\", \"latestVersionId\", \"shipName\", \"shipPhone\", \"shipProvince\", \"shipCity\", \"shipDistrict\", \"shipLine1\", \"shipPostalcode\" FROM \"quote_request\"");
    await queryRunner.query("DROP TABLE \"quote_request\"");
    await queryRunner.query("ALTER TABLE \"temporary_quote_request\" RENAME TO \"quote_request\"");
    await queryRunner.query("CREATE INDEX \"IDX_5c6bddf9cd95a3d4b04b823d85\" ON \"quote_request\" (\"companyId\", \"updatedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bbda23aee5c2602a748aca9d28\" ON \"quote_request\" (\"sellerId\", \"updatedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_74131db66f7fcadfadb4b562bb\" ON \"quote_request\" (\"companyId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5b5e7437d3f5686f79f9c35cc5\" ON \"quote_request\" (\"sellerId\", \"id\") ");
    // Requests sent before the column existed: when they were written is the best date known.
    await queryRunner.query("UPDATE \"quote_request\" SET \"submittedAt\" = \"createdAt\" WHERE \"status\" <> 'DRAFT'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_5b5e7437d3f5686f79f9c35cc5\"");
    await queryRunner.query("DROP INDEX \"IDX_74131db66f7fcadfadb4b562bb\"");
    await queryRunner.query("DROP INDEX \"IDX_bbda23aee5c2602a748aca9d28\"");
    await queryRunner.query("DROP INDEX \"IDX_5c6bddf9cd95a3d4b04b823d85\"");
    await queryRunner.query("ALTER TABLE \"quote_request\" RENAME TO \"temporary_quote_request\"");
    await queryRunner.query("CREATE TABLE \"quote_request\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"createdAt\" datetime NOT NULL DEFAULT (datetime('now')), \"updatedAt\" datetime NOT NULL DEFAULT (datetime('now')), \"companyId\" integer NOT NULL, \"sellerId\" integer NOT NULL, \"buyerUserId\" integer NOT NULL, \"status\" varchar(20) NOT NULL, \"dealKind\" varchar(12) NOT NULL, \"termMonths\" integer, \"wantedDeliveryDate\" varchar(10), \"notes\" varchar(2000) NOT NULL, \"currency\" varchar(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1), \"latestVersionId\" integer, \"shipName\" varchar(100) NOT NULL, \"shipPhone\" varchar(20) NOT NULL, \"shipProvince\" varchar(50) NOT NULL, \"shipCity\" varchar(50) NOT NULL, \"shipDistrict\" varchar(50) NOT NULL, \"shipLine1\" varchar(200) NOT NULL, \"shipPostalcode\" varchar(10) NOT NULL)");
    await queryRunner.query("INSERT INTO \"quote_request\"(\"id\", \"createdAt\", \"updatedAt\", \"companyId\", \"sellerId\", \"buyerUserId\", \"status\", \"dealKind\", \"termMonths\", \"wantedDeliveryDate\", \"notes\", \"currency\", \"version\", \"latestVersionId\", \"shipName\", \"shipPhone\", \"shipProvince\", \"shipCity\", \"shipDistrict\", \"shipLine1\", \"shipPostalcode\") SELECT \"id\", \"createdAt\", \"updatedAt\", \"companyId\", \"sellerId\", \"buyerUserId\", \"status\", \"dealKind\", \"termMonths\", \"wantedDeliveryDate\", \"notes\", \"currency\", \"version\", \"latestVersionId\", \"shipName\", \"shipPhone\", \"shipProvince\", \"shipCity\", \"shipDistrict\", \"shipLine1\", \"shipPostalcode\" FROM \"temporary_quote_request\"");
    await queryRunner.query("DROP TABLE \"temporary_quote_request\"");
    await queryRunner.query("CREATE INDEX \"IDX_5b5e7437d3f5686f79f9c35cc5\" ON \"quote_request\" (\"sellerId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_74131db66f7fcadfadb4b562bb\" ON \"quote_request\" (\"companyId\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_bbda23aee5c2602a748aca9d28\" ON \"quote_request\" (\"sellerId\", \"updatedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5c6bddf9cd95a3d4b04b823d85\" ON \"quote_request\" (\"companyId\", \"updatedAt\", \"id\") ");
  }
}
