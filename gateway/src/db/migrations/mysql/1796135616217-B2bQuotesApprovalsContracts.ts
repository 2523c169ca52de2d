import type { MigrationInterface, QueryRunner } from 'typeorm';

export class B2bQuotesApprovalsContracts1796135616217 implements MigrationInterface {
  name = 'B2bQuotesApprovalsContracts1796135616217';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `approval_policy` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `companyId` int NOT NULL, `stages` text NOT NULL, UNIQUE INDEX `IDX_e6d32629b50cfe938147b80ee4` (`companyId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `approval_request` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `companyId` int NOT NULL, `sellerId` int NOT NULL, `quoteId` int NOT NULL, `quoteVersionId` int NOT NULL, `requestedByUserId` int NOT NULL, `amount` int NOT NULL, `currency` varchar(3) NOT NULL, `status` varchar(16) NOT NULL, `stages` text NOT NULL, `currentStage` int NULL, `version` int NOT NULL DEFAULT '0', INDEX `IDX_b06bae6709ea4e512019c4140a` (`quoteId`), INDEX `IDX_1373e042efb24909457b78c66b` (`companyId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `approval_decision` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `requestId` int NOT NULL, `stage` int NOT NULL, `userId` int NOT NULL, `department` varchar(16) NOT NULL, `decision` varchar(8) NOT NULL, `comment` varchar(2000) NOT NULL, UNIQUE INDEX `IDX_cc7f3501ec5ee19a506ab1252f` (`requestId`, `stage`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `quote_request` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `companyId` int NOT NULL, `sellerId` int NOT NULL, `buyerUserId` int NOT NULL, `status` varchar(20) NOT NULL, `dealKind` varchar(12) NOT NULL, `termMonths` int NULL, `wantedDeliveryDate` varchar(10) NULL, `notes` varchar(2000) NOT NULL, `currency` varchar(3) NOT NULL, `version` int NOT NULL DEFAULT '1', `latestVersionId` int NULL, `shipName` varchar(100) NOT NULL, `shipPhone` varchar(20) NOT NULL, `shipProvince` varchar(50) NOT NULL, `shipCity` varchar(50) NOT NULL, `shipDistrict` varchar(50) NOT NULL, `shipLine1` varchar(200) NOT NULL, `shipPostalcode` varchar(10) NOT NULL, INDEX `IDX_5b5e7437d3f5686f79f9c35cc5` (`sellerId`, `id`), INDEX `IDX_74131db66f7fcadfadb4b562bb` (`companyId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `quote_request_line` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `quoteId` int NOT NULL, `position` int NOT NULL, `variantId` int NULL, `description` varchar(300) NOT NULL, `quantity` int NOT NULL, `targetUnitPriceAmount` int NULL, `currency` varchar(3) NOT NULL, INDEX `IDX_683908be44f9ee0d565714bee9` (`quoteId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `quote_version` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `quoteId` int NOT NULL, `number` int NOT NULL, `side` varchar(8) NOT NULL, `authorUserId` int NOT NULL, `validUntil` datetime NOT NULL, `deliveryTerms` varchar(2000) NOT NULL, `paymentTerms` text NOT NULL, `note` varchar(2000) NOT NULL, `totalAmount` int NOT NULL, `currency` varchar(3) NOT NULL, UNIQUE INDEX `IDX_bd6b601223a3f7aeaec2386b00` (`quoteId`, `number`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `quote_version_line` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `versionId` int NOT NULL, `requestLineId` int NOT NULL, `quantity` int NOT NULL, `unitPriceAmount` int NOT NULL, `currency` varchar(3) NOT NULL, `committedQuantity` int NULL, `tiers` text NOT NULL, UNIQUE INDEX `IDX_084da79acfb7e8bfcb33d64a30` (`versionId`, `requestLineId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `quote_message` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `quoteId` int NOT NULL, `authorUserId` int NOT NULL, `side` varchar(8) NOT NULL, `body` varchar(4000) NOT NULL, INDEX `IDX_0f548849fccbb71d1b241067d6` (`quoteId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `contract` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `companyId` int NOT NULL, `sellerId` int NOT NULL, `quoteId` int NOT NULL, `quoteVersionId` int NOT NULL, `approvalRequestId` int NOT NULL, `kind` varchar(12) NOT NULL, `status` varchar(20) NOT NULL, `startsOn` varchar(10) NULL, `endsOn` varchar(10) NULL, `termMonths` int NULL, `paymentTerms` text NOT NULL, `totalAmount` int NOT NULL, `currency` varchar(3) NOT NULL, `buyerSignedByUserId` int NULL, `buyerSignedAt` datetime NULL, `sellerSignedByUserId` int NULL, `sellerSignedAt` datetime NULL, UNIQUE INDEX `IDX_d652f6a1e32c8b706d7c594046` (`quoteId`), INDEX `IDX_5dbe9b4eea9343ad99844486c9` (`sellerId`, `id`), INDEX `IDX_471ecde01d2581716d07a5f00c` (`companyId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `contract_line` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `contractId` int NOT NULL, `variantId` int NULL, `description` varchar(300) NOT NULL, `quantity` int NOT NULL, `unitPriceAmount` int NOT NULL, `currency` varchar(3) NOT NULL, `drawnQuantity` int NOT NULL DEFAULT '0', INDEX `IDX_8d4aa0366cf85ce874efe926ff` (`contractId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_8d4aa0366cf85ce874efe926ff` ON `contract_line`');
    await queryRunner.query('DROP TABLE `contract_line`');
    await queryRunner.query('DROP INDEX `IDX_471ecde01d2581716d07a5f00c` ON `contract`');
    await queryRunner.query('DROP INDEX `IDX_5dbe9b4eea9343ad99844486c9` ON `contract`');
    await queryRunner.query('DROP INDEX `IDX_d652f6a1e32c8b706d7c594046` ON `contract`');
    await queryRunner.query('DROP TABLE `contract`');
    await queryRunner.query('DROP INDEX `IDX_0f548849fccbb71d1b241067d6` ON `quote_message`');
    await queryRunner.query('DROP TABLE `quote_message`');
    await queryRunner.query('DROP INDEX `IDX_084da79acfb7e8bfcb33d64a30` ON `quote_version_line`');
    await queryRunner.query('DROP TABLE `quote_version_line`');
    await queryRunner.query('DROP INDEX `IDX_bd6b601223a3f7aeaec2386b00` ON `quote_version`');
    await queryRunner.query('DROP TABLE `quote_version`');
    await queryRunner.query('DROP INDEX `IDX_683908be44f9ee0d565714bee9` ON `quote_request_line`');
    await queryRunner.query('DROP TABLE `quote_request_line`');
    await queryRunner.query('DROP INDEX `IDX_74131db66f7fcadfadb4b562bb` ON `quote_request`');
    await queryRunner.query('DROP INDEX `IDX_5b5e7437d3f5686f79f9c35cc5` ON `quote_request`');
    await queryRunner.query('DROP TABLE `quote_request`');
    await queryRunner.query('DROP INDEX `IDX_cc7f3501ec5ee19a506ab1252f` ON `approval_decision`');
    await queryRunner.query('DROP TABLE `approval_decision`');
    await queryRunner.query('DROP INDEX `IDX_1373e042efb24909457b78c66b` ON `approval_request`');
    await queryRunner.query('DROP INDEX `IDX_b06bae6709ea4e512019c4140a` ON `approval_request`');
    await queryRunner.query('DROP TABLE `approval_request`');
    await queryRunner.query('DROP INDEX `IDX_e6d32629b50cfe938147b80ee4` ON `approval_policy`');
    await queryRunner.query('DROP TABLE `approval_policy`');
  }
}
