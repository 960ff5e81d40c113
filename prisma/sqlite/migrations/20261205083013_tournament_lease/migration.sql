-- AlterTable
ALTER TABLE "Tournament" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "Tournament" ADD COLUMN "leaseUntil" DATETIME;

