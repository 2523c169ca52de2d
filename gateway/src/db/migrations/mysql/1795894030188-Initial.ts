import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795894030188 implements MigrationInterface {
  name = 'Initial1795894030188';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_event` (`id` int NOT NULL AUTO_INCREMENT, `actorUserId` int NULL, `entityType` varchar(40) NOT NULL, `entityId` int NOT NULL, `action` varchar(60) NOT NULL, `fromState` varchar(30) NULL, `toState` varchar(30) NULL, `data` text NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_98117695956bc9ebd1fcb6d635` (`entityType`, `entityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `category` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `parentId` int NULL, `name` varchar(100) NOT NULL, `slug` varchar(100) NOT NULL, `path` varchar(255) NOT NULL, `position` int NOT NULL DEFAULT '0', INDEX `IDX_d5456fd7e4c4866fec8ada1fa1` (`parentId`), UNIQUE INDEX `IDX_cb73208f151aa71cdd78f662d7` (`slug`), INDEX `IDX_2e11906aa3a7fd5f41ad9139e3` (`path`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `price_tier` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `variantId` int NOT NULL, `minQuantity` int NOT NULL, `unitPrice` int NOT NULL, `currency` varchar(3) NOT NULL, UNIQUE INDEX `IDX_de7491325ecbcf9e6362f45c01` (`variantId`, `minQuantity`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `product` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `sellerId` int NOT NULL, `categoryId` int NOT NULL, `slug` varchar(200) NOT NULL, `name` varchar(200) NOT NULL, `description` text NOT NULL, `attributes` text NOT NULL, `imageUrls` text NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'DRAFT', `minPrice` int NULL, `currency` varchar(3) NULL, `inStock` tinyint NOT NULL DEFAULT 0, `searchText` text NOT NULL, UNIQUE INDEX `IDX_8cfaf4a1e80806d58e3dbe6922` (`slug`), FULLTEXT INDEX `IDX_88dc4d6e62b56328591177126e` (`searchText`), INDEX `IDX_aac472f75738c343201f86392c` (`categoryId`, `status`), INDEX `IDX_5cca049ed53eb6f6465e95db88` (`sellerId`, `status`), INDEX `IDX_4e022e040c3fec941fa32c1138` (`status`, `minPrice`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `stock_movement` (`id` int NOT NULL AUTO_INCREMENT, `variantId` int NOT NULL, `delta` int NOT NULL, `onHandAfter` int NOT NULL, `reason` varchar(16) NOT NULL, `note` varchar(500) NOT NULL DEFAULT '', `actorUserId` int NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_8b76c477e6411dc0075ab3c7cb` (`variantId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `variant` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `productId` int NOT NULL, `sku` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `options` text NOT NULL, `listPrice` int NOT NULL, `currency` varchar(3) NOT NULL, `minOrderQuantity` int NOT NULL DEFAULT '1', `orderIncrement` int NOT NULL DEFAULT '1', `stockOnHand` int NOT NULL DEFAULT '0', `stockReserved` int NOT NULL DEFAULT '0', `position` int NOT NULL DEFAULT '0', INDEX `IDX_cb0df5c8d79ac0ea08a8711967` (`productId`), UNIQUE INDEX `IDX_b0ec0f223eab03e884042a6041` (`sku`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `company` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(200) NOT NULL, `registrationNumber` varchar(64) NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'PENDING', `verifiedAt` datetime NULL, UNIQUE INDEX `IDX_09e9f49c748b5d54d454e430c5` (`registrationNumber`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `company_member` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `companyId` int NOT NULL, `userId` int NOT NULL, `roles` text NOT NULL, `department` varchar(16) NULL, INDEX `IDX_c3009db3b4315829bf43e1ea71` (`userId`), UNIQUE INDEX `IDX_d198f671fc2d7c8fe8d4944d0e` (`companyId`, `userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `invitation` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `tokenHash` varchar(64) NOT NULL, `email` varchar(254) NOT NULL, `companyId` int NULL, `sellerId` int NULL, `roles` text NULL, `department` varchar(16) NULL, `invitedByUserId` int NOT NULL, `expiresAt` datetime NOT NULL, `acceptedAt` datetime NULL, UNIQUE INDEX `IDX_676ef6471ce7176869d73365a4` (`tokenHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `seller` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `name` varchar(200) NOT NULL, `slug` varchar(100) NOT NULL, `description` text NOT NULL, `status` varchar(16) NOT NULL DEFAULT 'ACTIVE', UNIQUE INDEX `IDX_8700debd5a72afae92322fe5ef` (`slug`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `seller_staff` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `sellerId` int NOT NULL, `userId` int NOT NULL, INDEX `IDX_a2ab01b0a0902620b4cbf4664f` (`sellerId`), UNIQUE INDEX `IDX_9f1fdde3adaa84a28f25b2d471` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `session` (`id` varchar(36) NOT NULL, `userId` int NOT NULL, `expiresAt` datetime NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `IDX_3d2f174ef04fb312fdebd0ddc5` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `user` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `email` varchar(254) NOT NULL, `passwordHash` varchar(255) NOT NULL, `name` varchar(100) NOT NULL, `isPlatformAdmin` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `company_member` ADD CONSTRAINT `FK_24e3f0ad735ec89bb235a395547` FOREIGN KEY (`companyId`) REFERENCES `company`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `company_member` ADD CONSTRAINT `FK_c3009db3b4315829bf43e1ea711` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `seller_staff` ADD CONSTRAINT `FK_a2ab01b0a0902620b4cbf4664f3` FOREIGN KEY (`sellerId`) REFERENCES `seller`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `seller_staff` ADD CONSTRAINT `FK_9f1fdde3adaa84a28f25b2d471b` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `session` ADD CONSTRAINT `FK_3d2f174ef04fb312fdebd0ddc53` FOREIGN KEY (`userId`) REFERENCES `user`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `session` DROP FOREIGN KEY `FK_3d2f174ef04fb312fdebd0ddc53`',
    );
    await queryRunner.query(
      'ALTER TABLE `seller_staff` DROP FOREIGN KEY `FK_9f1fdde3adaa84a28f25b2d471b`',
    );
    await queryRunner.query(
      'ALTER TABLE `seller_staff` DROP FOREIGN KEY `FK_a2ab01b0a0902620b4cbf4664f3`',
    );
    await queryRunner.query(
      'ALTER TABLE `company_member` DROP FOREIGN KEY `FK_c3009db3b4315829bf43e1ea711`',
    );
    await queryRunner.query(
      'ALTER TABLE `company_member` DROP FOREIGN KEY `FK_24e3f0ad735ec89bb235a395547`',
    );
    await queryRunner.query('DROP INDEX `IDX_e12875dfb3b1d92d7d7c5377e2` ON `user`');
    await queryRunner.query('DROP TABLE `user`');
    await queryRunner.query('DROP INDEX `IDX_3d2f174ef04fb312fdebd0ddc5` ON `session`');
    await queryRunner.query('DROP TABLE `session`');
    await queryRunner.query('DROP INDEX `IDX_9f1fdde3adaa84a28f25b2d471` ON `seller_staff`');
    await queryRunner.query('DROP INDEX `IDX_a2ab01b0a0902620b4cbf4664f` ON `seller_staff`');
    await queryRunner.query('DROP TABLE `seller_staff`');
    await queryRunner.query('DROP INDEX `IDX_8700debd5a72afae92322fe5ef` ON `seller`');
    await queryRunner.query('DROP TABLE `seller`');
    await queryRunner.query('DROP INDEX `IDX_676ef6471ce7176869d73365a4` ON `invitation`');
    await queryRunner.query('DROP TABLE `invitation`');
    await queryRunner.query('DROP INDEX `IDX_d198f671fc2d7c8fe8d4944d0e` ON `company_member`');
    await queryRunner.query('DROP INDEX `IDX_c3009db3b4315829bf43e1ea71` ON `company_member`');
    await queryRunner.query('DROP TABLE `company_member`');
    await queryRunner.query('DROP INDEX `IDX_09e9f49c748b5d54d454e430c5` ON `company`');
    await queryRunner.query('DROP TABLE `company`');
    await queryRunner.query('DROP INDEX `IDX_b0ec0f223eab03e884042a6041` ON `variant`');
    await queryRunner.query('DROP INDEX `IDX_cb0df5c8d79ac0ea08a8711967` ON `variant`');
    await queryRunner.query('DROP TABLE `variant`');
    await queryRunner.query('DROP INDEX `IDX_8b76c477e6411dc0075ab3c7cb` ON `stock_movement`');
    await queryRunner.query('DROP TABLE `stock_movement`');
    await queryRunner.query('DROP INDEX `IDX_4e022e040c3fec941fa32c1138` ON `product`');
    await queryRunner.query('DROP INDEX `IDX_5cca049ed53eb6f6465e95db88` ON `product`');
    await queryRunner.query('DROP INDEX `IDX_aac472f75738c343201f86392c` ON `product`');
    await queryRunner.query('DROP INDEX `IDX_88dc4d6e62b56328591177126e` ON `product`');
    await queryRunner.query('DROP INDEX `IDX_8cfaf4a1e80806d58e3dbe6922` ON `product`');
    await queryRunner.query('DROP TABLE `product`');
    await queryRunner.query('DROP INDEX `IDX_de7491325ecbcf9e6362f45c01` ON `price_tier`');
    await queryRunner.query('DROP TABLE `price_tier`');
    await queryRunner.query('DROP INDEX `IDX_2e11906aa3a7fd5f41ad9139e3` ON `category`');
    await queryRunner.query('DROP INDEX `IDX_cb73208f151aa71cdd78f662d7` ON `category`');
    await queryRunner.query('DROP INDEX `IDX_d5456fd7e4c4866fec8ada1fa1` ON `category`');
    await queryRunner.query('DROP TABLE `category`');
    await queryRunner.query('DROP INDEX `IDX_98117695956bc9ebd1fcb6d635` ON `audit_event`');
    await queryRunner.query('DROP TABLE `audit_event`');
  }
}
