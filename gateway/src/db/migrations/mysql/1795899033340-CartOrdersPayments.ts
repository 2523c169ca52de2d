import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CartOrdersPayments1795899033340 implements MigrationInterface {
  name = 'CartOrdersPayments1795899033340';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `cart` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `token` varchar(64) NOT NULL, `userId` int NULL, UNIQUE INDEX `IDX_c89d15a83770c3fde3fd9f8242` (`token`), UNIQUE INDEX `IDX_756f53ab9466eb52a52619ee01` (`userId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `cart_line` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `cartId` int NOT NULL, `variantId` int NOT NULL, `quantity` int NOT NULL, UNIQUE INDEX `IDX_52e2c2f0e9b4fcd35922e7031e` (`cartId`, `variantId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `checkout` (`id` int NOT NULL AUTO_INCREMENT, `userId` int NOT NULL, `idempotencyKey` varchar(64) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `IDX_e330e018b7c212266d7a5b4504` (`userId`, `idempotencyKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `customer_order` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `number` varchar(24) NOT NULL, `checkoutId` int NOT NULL, `userId` int NOT NULL, `sellerId` int NOT NULL, `status` varchar(16) NOT NULL, `paymentMethod` varchar(24) NOT NULL, `currency` varchar(3) NOT NULL, `itemsAmount` int NOT NULL, `codFeeAmount` int NOT NULL, `totalAmount` int NOT NULL, `carrier` varchar(60) NULL, `trackingNumber` varchar(60) NULL, `confirmBy` datetime NULL, `shipName` varchar(100) NOT NULL, `shipPhone` varchar(20) NOT NULL, `shipProvince` varchar(50) NOT NULL, `shipCity` varchar(50) NOT NULL, `shipDistrict` varchar(50) NOT NULL, `shipLine1` varchar(200) NOT NULL, `shipPostalcode` varchar(10) NOT NULL, UNIQUE INDEX `IDX_de717da204096d9fb7c889874c` (`number`), INDEX `IDX_eee598b87829b89db1982b1f87` (`checkoutId`), INDEX `IDX_3f51acf70d6b34de30df237ecd` (`status`, `confirmBy`), INDEX `IDX_b1f8d934be25f5acb028b78b7c` (`sellerId`, `id`), INDEX `IDX_488f38eccf007910e8e30b69b9` (`userId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `order_line` (`id` int NOT NULL AUTO_INCREMENT, `orderId` int NOT NULL, `productId` int NOT NULL, `variantId` int NOT NULL, `sku` varchar(64) NOT NULL, `productName` varchar(200) NOT NULL, `variantName` varchar(200) NOT NULL, `currency` varchar(3) NOT NULL, `unitAmount` int NOT NULL, `quantity` int NOT NULL, INDEX `IDX_239cfca2a55b98b90b6bef2e44` (`orderId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `payment` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `orderId` int NOT NULL, `method` varchar(24) NOT NULL, `status` varchar(16) NOT NULL, `currency` varchar(3) NOT NULL, `dueAmount` int NOT NULL, `collectedAmount` int NULL, `collectedAt` datetime NULL, `reconciledAt` datetime NULL, `remittanceId` int NULL, UNIQUE INDEX `IDX_d09d285fe1645cd2f0db811e29` (`orderId`), INDEX `IDX_f78f85761722804d61b3cace6e` (`remittanceId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `cash_remittance` (`id` int NOT NULL AUTO_INCREMENT, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `sellerId` int NOT NULL, `reference` varchar(100) NOT NULL, `currency` varchar(3) NOT NULL, `receivedAmount` int NOT NULL, `expectedAmount` int NOT NULL, `status` varchar(16) NOT NULL, `note` varchar(500) NOT NULL DEFAULT '', `actorUserId` int NOT NULL, INDEX `IDX_0d9a4f481668e3f14eab9a505b` (`sellerId`, `id`), UNIQUE INDEX `IDX_7867c816bfea5fbf92245cd466` (`sellerId`, `reference`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query('ALTER TABLE `seller` ADD `codFeeAmount` int NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `seller` DROP COLUMN `codFeeAmount`');
    await queryRunner.query('DROP INDEX `IDX_7867c816bfea5fbf92245cd466` ON `cash_remittance`');
    await queryRunner.query('DROP INDEX `IDX_0d9a4f481668e3f14eab9a505b` ON `cash_remittance`');
    await queryRunner.query('DROP TABLE `cash_remittance`');
    await queryRunner.query('DROP INDEX `IDX_f78f85761722804d61b3cace6e` ON `payment`');
    await queryRunner.query('DROP INDEX `IDX_d09d285fe1645cd2f0db811e29` ON `payment`');
    await queryRunner.query('DROP TABLE `payment`');
    await queryRunner.query('DROP INDEX `IDX_239cfca2a55b98b90b6bef2e44` ON `order_line`');
    await queryRunner.query('DROP TABLE `order_line`');
    await queryRunner.query('DROP INDEX `IDX_488f38eccf007910e8e30b69b9` ON `customer_order`');
    await queryRunner.query('DROP INDEX `IDX_b1f8d934be25f5acb028b78b7c` ON `customer_order`');
    await queryRunner.query('DROP INDEX `IDX_3f51acf70d6b34de30df237ecd` ON `customer_order`');
    await queryRunner.query('DROP INDEX `IDX_eee598b87829b89db1982b1f87` ON `customer_order`');
    await queryRunner.query('DROP INDEX `IDX_de717da204096d9fb7c889874c` ON `customer_order`');
    await queryRunner.query('DROP TABLE `customer_order`');
    await queryRunner.query('DROP INDEX `IDX_e330e018b7c212266d7a5b4504` ON `checkout`');
    await queryRunner.query('DROP TABLE `checkout`');
    await queryRunner.query('DROP INDEX `IDX_52e2c2f0e9b4fcd35922e7031e` ON `cart_line`');
    await queryRunner.query('DROP TABLE `cart_line`');
    await queryRunner.query('DROP INDEX `IDX_756f53ab9466eb52a52619ee01` ON `cart`');
    await queryRunner.query('DROP INDEX `IDX_c89d15a83770c3fde3fd9f8242` ON `cart`');
    await queryRunner.query('DROP TABLE `cart`');
  }
}
