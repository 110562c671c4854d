// Every chat command: each descriptor exported by the theme files of this folder. A new command is one
// descriptor in one of them (and its wording in src/wording/command-wording.ts); a new theme file is
// one more entry in THEMES.
import type { CommandDescriptor } from "./command.ts";
import * as handling from "./handling.ts";
import * as ledger from "./ledger.ts";
import * as lookups from "./lookups.ts";
import * as proposals from "./proposals.ts";
import * as reception from "./reception.ts";
import * as resident from "./resident.ts";
import * as triage from "./triage.ts";

const THEMES: ReadonlyArray<Record<string, unknown>> = [
  handling,
  triage,
  resident,
  lookups,
  reception,
  proposals,
  ledger,
];

function isDescriptor(x: unknown): x is CommandDescriptor {
  return typeof x === "object" && x !== null && "verb" in x && "form" in x && "words" in x;
}

export const COMMANDS: readonly CommandDescriptor[] = THEMES.flatMap((theme) =>
  Object.values(theme).filter(isDescriptor),
);

export const COMMANDS_BY_VERB: ReadonlyMap<string, CommandDescriptor> = new Map(COMMANDS.map((c) => [c.verb, c]));
