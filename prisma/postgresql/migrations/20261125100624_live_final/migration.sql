-- AlterTable
ALTER TABLE "Edition" ADD COLUMN     "changeoverSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "displayKey" TEXT,
ADD COLUMN     "slotSeconds" INTEGER NOT NULL DEFAULT 300;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "presentationOrder" INTEGER;

-- CreateTable
CREATE TABLE "Stage" (
    "editionId" TEXT NOT NULL,
    "currentTeamId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'IDLE',
    "slotMs" INTEGER NOT NULL,
    "endsAt" TIMESTAMP(3),
    "remainingMs" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Stage_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "Vote" (
    "editionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'NOT_OPEN',
    "method" TEXT NOT NULL DEFAULT 'RANKED',
    "picks" INTEGER NOT NULL DEFAULT 3,
    "requireSignIn" BOOLEAN NOT NULL DEFAULT false,
    "joinCode" TEXT NOT NULL,
    "audienceWeight" INTEGER NOT NULL DEFAULT 1,
    "bonusWeight" INTEGER NOT NULL DEFAULT 1,
    "publicVotePrize" BOOLEAN NOT NULL DEFAULT true,
    "revealed" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "userId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotPick" (
    "ballotId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "BallotPick_pkey" PRIMARY KEY ("ballotId","rank")
);

-- CreateTable
CREATE TABLE "Prize" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "place" INTEGER,
    "teamId" TEXT,
    "awardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prize_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryVote" (
    "prizeId" TEXT NOT NULL,
    "judgeId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JuryVote_pkey" PRIMARY KEY ("prizeId","judgeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vote_joinCode_key" ON "Vote"("joinCode");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_editionId_voterKey_key" ON "Ballot"("editionId", "voterKey");

-- CreateIndex
CREATE INDEX "BallotPick_teamId_idx" ON "BallotPick"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotPick_ballotId_teamId_key" ON "BallotPick"("ballotId", "teamId");

-- CreateIndex
CREATE INDEX "Prize_editionId_idx" ON "Prize"("editionId");

-- CreateIndex
CREATE UNIQUE INDEX "Edition_displayKey_key" ON "Edition"("displayKey");

-- AddForeignKey
ALTER TABLE "Stage" ADD CONSTRAINT "Stage_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotPick" ADD CONSTRAINT "BallotPick_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotPick" ADD CONSTRAINT "BallotPick_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prize" ADD CONSTRAINT "Prize_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prize" ADD CONSTRAINT "Prize_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryVote" ADD CONSTRAINT "JuryVote_prizeId_fkey" FOREIGN KEY ("prizeId") REFERENCES "Prize"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryVote" ADD CONSTRAINT "JuryVote_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

