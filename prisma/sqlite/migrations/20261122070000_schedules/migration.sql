-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "receptionDate" TEXT;

-- CreateTable
CREATE TABLE "ReceptionRule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "pattern" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "holidayPolicy" TEXT NOT NULL DEFAULT 'next_working_day',
    "roster" TEXT NOT NULL DEFAULT '[]',
    "perDay" INTEGER NOT NULL DEFAULT 1,
    "dutyOverrides" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "ReceptionRule_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReceptionDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "visitors" INTEGER,
    "loggedById" TEXT NOT NULL,
    "loggedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReceptionAttendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receptionDayId" INTEGER NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "ReceptionAttendance_receptionDayId_fkey" FOREIGN KEY ("receptionDayId") REFERENCES "ReceptionDay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "groupId" INTEGER,
    "dueAt" DATETIME NOT NULL,
    "ranAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OutboundDestination" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "blockedUntil" DATETIME,
    "reason" TEXT
);

-- CreateTable
CREATE TABLE "SendSlot" (
    "destination" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "usedAt" DATETIME NOT NULL,

    PRIMARY KEY ("destination", "slot")
);

-- AlterTable (ADD COLUMN instead of Prisma's table rebuild: constant defaults, nothing to copy)
ALTER TABLE "Group" ADD COLUMN "committee" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Group" ADD COLUMN "digestWeekday" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Group" ADD COLUMN "digestTime" TEXT NOT NULL DEFAULT '09:00';

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionRule_groupId_key" ON "ReceptionRule"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionDay_groupId_date_key" ON "ReceptionDay"("groupId", "date");

-- CreateIndex
CREATE INDEX "ReceptionAttendance_platformUserId_idx" ON "ReceptionAttendance"("platformUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionAttendance_receptionDayId_platformUserId_key" ON "ReceptionAttendance"("receptionDayId", "platformUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledRun_key_key" ON "ScheduledRun"("key");

