-- DropIndex
DROP INDEX "PublishedArticle_publishedAt_idx";

-- DropIndex
DROP INDEX "PublishedArticle_editionNumber_publishedAt_idx";

-- DropIndex
DROP INDEX "PublishedArticle_topicKind_publishedAt_idx";

-- CreateIndex
CREATE INDEX "PublishedArticle_publishedAt_articleId_idx" ON "PublishedArticle"("publishedAt", "articleId");

-- CreateIndex
CREATE INDEX "PublishedArticle_editionNumber_publishedAt_articleId_idx" ON "PublishedArticle"("editionNumber", "publishedAt", "articleId");

-- CreateIndex
CREATE INDEX "PublishedArticle_topicKind_publishedAt_articleId_idx" ON "PublishedArticle"("topicKind", "publishedAt", "articleId");

