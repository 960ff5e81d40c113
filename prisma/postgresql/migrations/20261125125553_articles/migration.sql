-- CreateTable
CREATE TABLE "Article" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleAuthor" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleEvent" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedArticle" (
    "articleId" TEXT NOT NULL,
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
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "revisedAt" TIMESTAMP(3),

    CONSTRAINT "PublishedArticle_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "PublishedTag" (
    "articleId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "PublishedTag_pkey" PRIMARY KEY ("articleId","tag")
);

-- CreateTable
CREATE TABLE "PublishedAuthor" (
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "PublishedAuthor_pkey" PRIMARY KEY ("articleId","key")
);

-- CreateTable
CREATE TABLE "Upload" (
    "file" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("file")
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

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthor" ADD CONSTRAINT "ArticleAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthor" ADD CONSTRAINT "ArticleAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleEvent" ADD CONSTRAINT "ArticleEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedArticle" ADD CONSTRAINT "PublishedArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedTag" ADD CONSTRAINT "PublishedTag_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "PublishedArticle"("articleId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedAuthor" ADD CONSTRAINT "PublishedAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "PublishedArticle"("articleId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search over the published articles, written by hand (a generated
-- column Prisma doesn't model, so its client never reads or writes it):
-- PostgreSQL keeps it in step with the row; lib/article-search.ts queries it
-- (ts_rank_cd ranking, ts_headline snippets). Title weighs most, then summary.
ALTER TABLE "PublishedArticle" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce("summary", '')), 'B') ||
    setweight(to_tsvector('english', coalesce("body", '')), 'C')
) STORED;
CREATE INDEX "PublishedArticle_search_idx" ON "PublishedArticle" USING GIN ("search");
