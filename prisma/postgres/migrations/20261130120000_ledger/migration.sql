-- CreateTable
CREATE TABLE "DutyActivity" (
    "id" SERIAL NOT NULL,
    "deputyId" TEXT NOT NULL,
    "deputyName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT,
    "evidence" TEXT,
    "loggedBy" TEXT NOT NULL,
    "loggedAt" TIMESTAMP(3) NOT NULL,
    "voidedAt" TIMESTAMP(3),
    "voidedBy" TEXT,

    CONSTRAINT "DutyActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DutyActivity_date_idx" ON "DutyActivity"("date");

-- CreateIndex
CREATE INDEX "DutyActivity_deputyId_date_idx" ON "DutyActivity"("deputyId", "date");

