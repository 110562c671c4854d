-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "places" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "community" TEXT;

