-- AlterTable
ALTER TABLE "User" ADD COLUMN     "forgottenAt" TIMESTAMP(3);

