import { GROUPS, type Group } from '../engine/index.ts';

/**
 * How every group is named to people, in one table (ready for translation): `people` in a sentence
 * ("reporting among Latino non-citizens"), `title` as a heading or menu entry, `one` for a single
 * resident ("Latino non-citizen").
 */
export const GROUP_LABELS: Record<Group, { people: string; title: string; one: string }> = {
  latinoCitizen: { people: 'Latino citizens', title: 'Latino citizens', one: 'Latino citizen' },
  latinoNoncitizen: { people: 'Latino non-citizens', title: 'Latino non-citizens', one: 'Latino non-citizen' },
  nonLatino: { people: 'non-Latino residents', title: 'Non-Latino residents', one: 'Non-Latino' },
  latino: { people: 'Latino residents', title: 'All Latino residents', one: 'Latino' },
  all: { people: 'all residents', title: 'All residents', one: '' },
  latinoUsBorn: { people: 'U.S.-born Latino residents', title: 'Latino, U.S.-born', one: 'Latino, U.S.-born' },
  latinoNaturalised: { people: 'naturalised Latino residents', title: 'Latino, naturalised', one: 'Latino, naturalised' },
  latinoLawful: { people: 'Latino lawful non-citizens', title: 'Latino, lawful non-citizens', one: 'Latino, lawful non-citizen' },
  latinoUndocumented: { people: 'undocumented Latino residents', title: 'Latino, undocumented', one: 'Latino, undocumented' },
};

/** The groups in the order menus and tables list them: all residents first, then as GROUPS orders them. */
export const GROUP_MENU: readonly Group[] = ['all', 'latinoNoncitizen', 'latinoCitizen', 'nonLatino', 'latino', ...GROUPS.slice(5)];
