import { msg, str } from '@lit/localize';
import { CHARGES, CRIME_TYPES, type EventKind } from '../../engine/index.ts';

/** A custody state (codes.ts order) in the app's language. */
export function custodyWords(code: number): string {
  switch (code) {
    case 0:
      return msg('in the community');
    case 1:
      return msg('in jail');
    case 2:
      return msg('in jail, then to ICE');
    case 3:
      return msg('in immigration detention (to be removed)');
    case 4:
      return msg('in immigration detention (to be released)');
    default:
      return msg('removed from the country');
  }
}

function crimeWords(code: number): string {
  switch (CRIME_TYPES[code]) {
    case 'simpleAssault':
      return msg('a simple assault');
    case 'aggravatedAssault':
      return msg('an aggravated assault');
    case 'robbery':
      return msg('a robbery');
    case 'burglaryTheft':
      return msg('a burglary or theft');
    default:
      return msg('a crime');
  }
}

function chargeWords(code: number): string {
  switch (CHARGES[code]) {
    case 'traffic':
      return msg('a traffic charge');
    case 'misdemeanour':
      return msg('a misdemeanour charge');
    case 'felony':
      return msg('a felony charge');
    default:
      return msg('no charge');
  }
}

/** An event of a resident's timeline in plain words, in the app's language. */
export function eventWords(kind: EventKind, other: number): string {
  switch (kind) {
    case 'victimReported': {
      const crime = crimeWords(other);
      return msg(str`Victim of ${crime}; reported it to police`);
    }
    case 'victimUnreported': {
      const crime = crimeWords(other);
      return msg(str`Victim of ${crime}; did not report it`);
    }
    case 'caseCleared': {
      const crime = crimeWords(other);
      return msg(str`The case (${crime}) was cleared`);
    }
    case 'caseUnsolved': {
      const crime = crimeWords(other);
      return msg(str`The case (${crime}) went unsolved`);
    }
    case 'stopped':
      return msg('Stopped by police on patrol');
    case 'questioned':
      return msg('Questioned about immigration status during the stop');
    case 'arrested': {
      const charge = chargeWords(other);
      return msg(str`Arrested (${charge}) and booked into jail`);
    }
    case 'cited': {
      const charge = chargeWords(other);
      return msg(str`Arrested (${charge}) and released with a citation`);
    }
    case 'detained':
      return msg('Taken into immigration detention');
    case 'removed':
      return msg('Removed from the country');
    case 'released':
      return msg('Released back home');
    case 'relativeDetained':
      return msg(str`A household member (resident ${other}) was held for ICE or taken into immigration detention`);
    case 'tieDetained':
      return msg(str`A friend or relative (resident ${other}) was held for ICE or taken into immigration detention`);
    case 'federalArrest':
      return msg('Arrested by ICE at large');
  }
}
