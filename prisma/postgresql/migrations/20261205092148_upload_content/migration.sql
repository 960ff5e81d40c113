-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "content" BYTEA;

