import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompanyAddresses1796137833782 implements MigrationInterface {
  name = 'CompanyAddresses1796137833782';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `company_address` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `companyId` int NOT NULL, `label` varchar(60) NOT NULL, `isDefault` tinyint NOT NULL DEFAULT 0, `addrName` varchar(100) NOT NULL, `addrPhone` varchar(20) NOT NULL, `addrProvince` varchar(50) NOT NULL, `addrCity` varchar(50) NOT NULL, `addrDistrict` varchar(50) NOT NULL, `addrLine1` varchar(200) NOT NULL, `addrPostalcode` varchar(10) NOT NULL, INDEX `IDX_9c8b93254b74acc2b206f0caa6` (`companyId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_9c8b93254b74acc2b206f0caa6` ON `company_address`');
    await queryRunner.query('DROP TABLE `company_address`');
  }
}
