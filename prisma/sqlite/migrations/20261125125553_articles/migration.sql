-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editionId" TEXT NOT NULL,
    "teamId" TEXT,
    "topicId" TEXT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "coverFile" TEXT,
    "coverAlt" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "body" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "pendingChanges" BOOLEAN NOT NULL DEFAULT false,
    "importKey" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Article_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleAuthor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ArticleAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedArticle" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "editionNumber" INTEGER NOT NULL,
    "teamName" TEXT,
    "topicKind" TEXT,
    "topicTitle" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "coverFile" TEXT,
    "coverAlt" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "toc" TEXT NOT NULL DEFAULT '[]',
    "authors" TEXT NOT NULL DEFAULT '[]',
    "readingMinutes" INTEGER NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "revisedAt" DATETIME,
    CONSTRAINT "PublishedArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedTag" (
    "articleId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "tag"),
    CONSTRAINT "PublishedTag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "PublishedArticle" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedAuthor" (
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "key"),
    CONSTRAINT "PublishedAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "PublishedArticle" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Upload" (
    "file" TEXT NOT NULL PRIMARY KEY,
    "mime" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_importKey_key" ON "Article"("importKey");

-- CreateIndex
CREATE INDEX "Article_editionId_idx" ON "Article"("editionId");

-- CreateIndex
CREATE INDEX "Article_teamId_idx" ON "Article"("teamId");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_idx" ON "Article"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "ArticleAuthor_userId_idx" ON "ArticleAuthor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleAuthor_articleId_userId_key" ON "ArticleAuthor"("articleId", "userId");

-- CreateIndex
CREATE INDEX "ArticleEvent_articleId_createdAt_idx" ON "ArticleEvent"("articleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedArticle_slug_key" ON "PublishedArticle"("slug");

-- CreateIndex
CREATE INDEX "PublishedArticle_publishedAt_idx" ON "PublishedArticle"("publishedAt");

-- CreateIndex
CREATE INDEX "PublishedArticle_editionNumber_publishedAt_idx" ON "PublishedArticle"("editionNumber", "publishedAt");

-- CreateIndex
CREATE INDEX "PublishedArticle_topicKind_publishedAt_idx" ON "PublishedArticle"("topicKind", "publishedAt");

-- CreateIndex
CREATE INDEX "PublishedTag_tag_idx" ON "PublishedTag"("tag");

-- CreateIndex
CREATE INDEX "PublishedAuthor_key_idx" ON "PublishedAuthor"("key");


-- Full-text search over the published articles, written by hand (Prisma has
-- no virtual tables): lib/article-search.ts writes it in the same transaction
-- that publishes or unpublishes an article, and queries it (bm25 ranking,
-- highlighted snippets).
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "articleId" UNINDEXED,
    "title",
    "summary",
    "body",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
