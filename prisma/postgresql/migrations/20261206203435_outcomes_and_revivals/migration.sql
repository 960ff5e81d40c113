-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "revivedFromTeamId" TEXT,
ADD COLUMN     "revivedFromTopicId" TEXT;

-- CreateTable
CREATE TABLE "ProjectOutcome" (
    "teamId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "happenedOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "links" TEXT NOT NULL DEFAULT '[]',
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectOutcome_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE INDEX "ProjectOutcome_status_idx" ON "ProjectOutcome"("status");

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_revivedFromTopicId_fkey" FOREIGN KEY ("revivedFromTopicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutcome" ADD CONSTRAINT "ProjectOutcome_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

