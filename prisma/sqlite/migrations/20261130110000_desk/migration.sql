-- CreateTable
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "platformUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" DATETIME
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" INTEGER NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "disabledAt" DATETIME
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "DeskAudit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "detail" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "SignInFailure_key_at_idx" ON "SignInFailure"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "DeskAudit_at_idx" ON "DeskAudit"("at");

-- CreateIndex
CREATE INDEX "Ticket_status_id_idx" ON "Ticket"("status", "id");

-- CreateIndex
CREATE INDEX "Ticket_categoryL1_id_idx" ON "Ticket"("categoryL1", "id");

-- CreateIndex
CREATE INDEX "Ticket_community_id_idx" ON "Ticket"("community", "id");

-- CreateIndex
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");

-- CreateIndex
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt");


-- Written by hand (not in the Prisma schema, which cannot express it): the desk's free-text search on SQLite
-- runs on an FTS5 index with the trigram tokenizer (any substring of three characters or more), kept in step
-- with the ticket table by triggers (src/desk/api/search-ticket-text.ts). A later migration that rebuilds the
-- Ticket table must create these triggers again.
CREATE VIRTUAL TABLE "TicketText" USING fts5("text", "place", content='Ticket', content_rowid='id', tokenize='trigram');
CREATE TRIGGER "Ticket_text_ai" AFTER INSERT ON "Ticket" BEGIN
  INSERT INTO "TicketText"(rowid, "text", "place") VALUES (new."id", new."text", new."place");
END;
CREATE TRIGGER "Ticket_text_ad" AFTER DELETE ON "Ticket" BEGIN
  INSERT INTO "TicketText"("TicketText", rowid, "text", "place") VALUES ('delete', old."id", old."text", old."place");
END;
CREATE TRIGGER "Ticket_text_au" AFTER UPDATE OF "text", "place" ON "Ticket" BEGIN
  INSERT INTO "TicketText"("TicketText", rowid, "text", "place") VALUES ('delete', old."id", old."text", old."place");
  INSERT INTO "TicketText"(rowid, "text", "place") VALUES (new."id", new."text", new."place");
END;
INSERT INTO "TicketText"("TicketText") VALUES ('rebuild');
