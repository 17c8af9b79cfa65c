import { GROUPS, type Group } from '../engine/index.ts';

/**
 * How every group is named to people, in one table: `people` in a sentence ("reporting among Latino
 * non-citizens"), `heading` as a heading, menu entry or table caption, `key` in a chart's key or beside
 * one resident ("Latino non-citizen"). In English here (the command line, the docs); the page shows the
 * same words through the translation catalogue (src/i18n/labels.ts).
 */
export const GROUP_LABELS: Record<Group, { people: string; heading: string; key: string }> = {
  latinoCitizen: { people: 'Latino citizens', heading: 'Latino citizens', key: 'Latino citizen' },
  latinoNoncitizen: { people: 'Latino non-citizens', heading: 'Latino non-citizens', key: 'Latino non-citizen' },
  nonLatino: { people: 'non-Latino residents', heading: 'Non-Latino residents', key: 'Non-Latino' },
  latino: { people: 'Latino residents', heading: 'All Latino residents', key: 'Latino residents' },
  all: { people: 'all residents', heading: 'All residents', key: 'All' },
  latinoUsBorn: { people: 'U.S.-born Latino residents', heading: 'Latino, U.S.-born', key: 'U.S.-born Latino residents' },
  latinoNaturalised: { people: 'naturalised Latino residents', heading: 'Latino, naturalised', key: 'naturalised Latino residents' },
  latinoLawful: { people: 'Latino lawful non-citizens', heading: 'Latino, lawful non-citizens', key: 'Latino lawful non-citizens' },
  latinoUndocumented: { people: 'undocumented Latino residents', heading: 'Latino, undocumented', key: 'undocumented Latino residents' },
};

/** Every word of the group table, for the translation catalogue. */
export function groupLabelWords(): string[] {
  return Object.values(GROUP_LABELS).flatMap((l) => [l.people, l.heading, l.key]);
}

/** The groups in the order menus and tables list them: all residents first, then as GROUPS orders them. */
export const GROUP_MENU: readonly Group[] = ['all', 'latinoNoncitizen', 'latinoCitizen', 'nonLatino', 'latino', ...GROUPS.slice(5)];
