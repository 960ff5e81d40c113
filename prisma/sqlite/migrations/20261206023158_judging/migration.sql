-- CreateTable
CREATE TABLE "JudgingTrack" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "resultsPublishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "JudgingTrack_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JudgingTrack_prizeId_fkey" FOREIGN KEY ("prizeId") REFERENCES "Prize" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackCriterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trackId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "scale" INTEGER NOT NULL DEFAULT 5,
    "position" INTEGER NOT NULL,
    CONSTRAINT "TrackCriterion_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackTeam" (
    "trackId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("trackId", "teamId"),
    CONSTRAINT "TrackTeam_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrackTeam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackJudge" (
    "trackId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "nextTeamId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("trackId", "userId"),
    CONSTRAINT "TrackJudge_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrackJudge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Judgment" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    "withdrawnById" TEXT,
    "withdrawnReason" TEXT,
    CONSTRAINT "Judgment_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Judgment_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JudgeInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JudgeInvite_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JudgeInviteTrack" (
    "inviteId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,

    PRIMARY KEY ("inviteId", "trackId"),
    CONSTRAINT "JudgeInviteTrack_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "JudgeInvite" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JudgeInviteTrack_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "JudgingTrack" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JudgingConflict" (
    "editionId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("editionId", "judgeId", "teamId"),
    CONSTRAINT "JudgingConflict_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "JudgingConflict_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JudgingAudit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "trackId" TEXT,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JudgingAudit_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'EMPLOYEE',
    "emailVerifiedAt" DATETIME,
    "department" TEXT,
    "managerEmail" TEXT,
    "guest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "emailVerifiedAt", "id", "name", "passwordHash", "role", "updatedAt") SELECT "createdAt", "email", "emailVerifiedAt", "id", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

