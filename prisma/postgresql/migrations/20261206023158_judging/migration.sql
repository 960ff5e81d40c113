-- AlterTable
ALTER TABLE "User" ADD COLUMN     "department" TEXT,
ADD COLUMN     "guest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "managerEmail" TEXT;

-- CreateTable
CREATE TABLE "JudgingTrack" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL,
    "rankingRule" TEXT NOT NULL DEFAULT 'BORDA',
    "normalize" BOOLEAN NOT NULL DEFAULT false,
    "eligibility" TEXT NOT NULL DEFAULT 'ALL',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "excludeSameDepartment" BOOLEAN NOT NULL DEFAULT false,
    "excludeReports" BOOLEAN NOT NULL DEFAULT false,
    "prizeId" TEXT,
    "bonusPoints" TEXT NOT NULL DEFAULT '',
    "resultsPublishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JudgingTrack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackCriterion" (
    "id" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "scale" INTEGER NOT NULL DEFAULT 5,
    "position" INTEGER NOT NULL,

    CONSTRAINT "TrackCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackTeam" (
    "trackId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackTeam_pkey" PRIMARY KEY ("trackId","teamId")
);

-- CreateTable
CREATE TABLE "TrackJudge" (
    "trackId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "nextTeamId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackJudge_pkey" PRIMARY KEY ("trackId","userId")
);

-- CreateTable
CREATE TABLE "Judgment" (
    "id" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "teamId" TEXT,
    "winnerId" TEXT,
    "loserId" TEXT,
    "payload" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "starred" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" TEXT,
    "withdrawnReason" TEXT,

    CONSTRAINT "Judgment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgeInvite" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JudgeInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgeInviteTrack" (
    "inviteId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,

    CONSTRAINT "JudgeInviteTrack_pkey" PRIMARY KEY ("inviteId","trackId")
);

-- CreateTable
CREATE TABLE "JudgingConflict" (
    "editionId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JudgingConflict_pkey" PRIMARY KEY ("editionId","judgeId","teamId")
);

-- CreateTable
CREATE TABLE "JudgingAudit" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "trackId" TEXT,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JudgingAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JudgingTrack_editionId_idx" ON "JudgingTrack"("editionId");

-- CreateIndex
CREATE INDEX "TrackCriterion_trackId_position_idx" ON "TrackCriterion"("trackId", "position");

-- CreateIndex
CREATE INDEX "TrackTeam_teamId_idx" ON "TrackTeam"("teamId");

-- CreateIndex
CREATE INDEX "TrackJudge_userId_idx" ON "TrackJudge"("userId");

-- CreateIndex
CREATE INDEX "Judgment_trackId_createdAt_idx" ON "Judgment"("trackId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Judgment_trackId_judgeId_sequence_key" ON "Judgment"("trackId", "judgeId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "JudgeInvite_tokenHash_key" ON "JudgeInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "JudgeInvite_editionId_idx" ON "JudgeInvite"("editionId");

-- CreateIndex
CREATE INDEX "JudgeInviteTrack_trackId_idx" ON "JudgeInviteTrack"("trackId");

-- CreateIndex
CREATE INDEX "JudgingConflict_teamId_idx" ON "JudgingConflict"("teamId");

-- CreateIndex
CREATE INDEX "JudgingAudit_editionId_createdAt_idx" ON "JudgingAudit"("editionId", "createdAt");

-- AddForeignKey
ALTER TABLE "JudgingTrack" ADD CONSTRAINT "JudgingTrack_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingTrack" ADD CONSTRAINT "JudgingTrack_prizeId_fkey" FOREIGN KEY ("prizeId") REFERENCES "Prize"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackCriterion" ADD CONSTRAINT "TrackCriterion_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackTeam" ADD CONSTRAINT "TrackTeam_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackTeam" ADD CONSTRAINT "TrackTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackJudge" ADD CONSTRAINT "TrackJudge_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackJudge" ADD CONSTRAINT "TrackJudge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Judgment" ADD CONSTRAINT "Judgment_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Judgment" ADD CONSTRAINT "Judgment_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeInvite" ADD CONSTRAINT "JudgeInvite_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeInviteTrack" ADD CONSTRAINT "JudgeInviteTrack_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "JudgeInvite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgeInviteTrack" ADD CONSTRAINT "JudgeInviteTrack_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingConflict" ADD CONSTRAINT "JudgingConflict_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingConflict" ADD CONSTRAINT "JudgingConflict_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingAudit" ADD CONSTRAINT "JudgingAudit_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

