-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "committee" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "digestWeekday" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "receptionDate" TEXT;

-- CreateTable
CREATE TABLE "ReceptionRule" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "pattern" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "holidayPolicy" TEXT NOT NULL DEFAULT 'next_working_day',
    "roster" TEXT NOT NULL DEFAULT '[]',
    "perDay" INTEGER NOT NULL DEFAULT 1,
    "dutyOverrides" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "ReceptionRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionDay" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "visitors" INTEGER,
    "loggedById" TEXT NOT NULL,
    "loggedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReceptionDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionAttendance" (
    "id" SERIAL NOT NULL,
    "receptionDayId" INTEGER NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "ReceptionAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "groupId" INTEGER,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundDestination" (
    "key" TEXT NOT NULL,
    "blockedUntil" TIMESTAMP(3),
    "reason" TEXT,

    CONSTRAINT "OutboundDestination_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SendSlot" (
    "destination" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendSlot_pkey" PRIMARY KEY ("destination","slot")
);

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

-- AddForeignKey
ALTER TABLE "ReceptionRule" ADD CONSTRAINT "ReceptionRule_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionAttendance" ADD CONSTRAINT "ReceptionAttendance_receptionDayId_fkey" FOREIGN KEY ("receptionDayId") REFERENCES "ReceptionDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

