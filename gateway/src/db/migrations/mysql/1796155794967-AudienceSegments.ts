import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AudienceSegments1796155794967 implements MigrationInterface {
  name = 'AudienceSegments1796155794967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `account_tag` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `ownerId` int NOT NULL, `accountType` varchar(10) NOT NULL, `accountId` int NOT NULL, `tag` varchar(40) NOT NULL, `createdByUserId` int NOT NULL, INDEX `IDX_e93dd2aa96108fc3855c56ee66` (`accountType`, `accountId`), UNIQUE INDEX `IDX_7b3830ae12dc8e5d9166d4fe24` (`ownerId`, `accountType`, `tag`, `accountId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `company_lifecycle_stage` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `sellerId` int NOT NULL, `companyId` int NOT NULL, `stage` varchar(10) NOT NULL, `setByUserId` int NOT NULL, `setAt` datetime NOT NULL, INDEX `IDX_873b41601570c36d38e54cc96e` (`companyId`), UNIQUE INDEX `IDX_b25f03311c5c3d2059de105175` (`sellerId`, `companyId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `segment` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `ownerId` int NOT NULL, `name` varchar(80) NOT NULL, `accountType` varchar(10) NOT NULL, `rule` text NOT NULL, `createdByUserId` int NOT NULL, `updatedByUserId` int NOT NULL, INDEX `IDX_1b1a2306a006b27e06c79a9a7e` (`ownerId`, `id`), UNIQUE INDEX `IDX_461b81b99564f59d9cef5bbd58` (`ownerId`, `name`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE INDEX `IDX_91ab4abbf25432b0eaa60885cd` ON `call_off` (`companyId`, `createdAt`, `status`, `totalAmount`, `currency`)");
    await queryRunner.query("CREATE INDEX `IDX_6f83851a72bb7edf0c1de6c48f` ON `call_off` (`sellerId`, `companyId`, `createdAt`, `status`, `totalAmount`, `currency`)");
    await queryRunner.query("CREATE INDEX `IDX_dbc5216f91cf03efbaf7647504` ON `customer_order` (`userId`, `createdAt`, `status`, `totalAmount`, `currency`)");
    await queryRunner.query("CREATE INDEX `IDX_e1693bea7823c825972709a4d8` ON `customer_order` (`sellerId`, `userId`, `createdAt`, `status`, `totalAmount`, `currency`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_e1693bea7823c825972709a4d8` ON `customer_order`");
    await queryRunner.query("DROP INDEX `IDX_dbc5216f91cf03efbaf7647504` ON `customer_order`");
    await queryRunner.query("DROP INDEX `IDX_6f83851a72bb7edf0c1de6c48f` ON `call_off`");
    await queryRunner.query("DROP INDEX `IDX_91ab4abbf25432b0eaa60885cd` ON `call_off`");
    await queryRunner.query("DROP INDEX `IDX_461b81b99564f59d9cef5bbd58` ON `segment`");
    await queryRunner.query("DROP INDEX `IDX_1b1a2306a006b27e06c79a9a7e` ON `segment`");
    await queryRunner.query("DROP TABLE `segment`");
    await queryRunner.query("DROP INDEX `IDX_b25f03311c5c3d2059de105175` ON `company_lifecycle_stage`");
    await queryRunner.query("DROP INDEX `IDX_873b41601570c36d38e54cc96e` ON `company_lifecycle_stage`");
    await queryRunner.query("DROP TABLE `company_lifecycle_stage`");
    await queryRunner.query("DROP INDEX `IDX_7b3830ae12dc8e5d9166d4fe24` ON `account_tag`");
    await queryRunner.query("DROP INDEX `IDX_e93dd2aa96108fc3855c56ee66` ON `account_tag`");
    await queryRunner.query("DROP TABLE `account_tag`");
  }
}
