-- CreateTable
CREATE TABLE "DutyActivity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deputyId" TEXT NOT NULL,
    "deputyName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "evidence" TEXT,
    "loggedBy" TEXT NOT NULL,
    "loggedAt" DATETIME NOT NULL,
    "voidedAt" DATETIME,
    "voidedBy" TEXT
);

-- CreateIndex
CREATE INDEX "DutyActivity_date_idx" ON "DutyActivity"("date");

-- CreateIndex
CREATE INDEX "DutyActivity_deputyId_date_idx" ON "DutyActivity"("deputyId", "date");

