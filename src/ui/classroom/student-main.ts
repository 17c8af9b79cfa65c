/** Entry of the phone page of class mode (class.html): the student's view alone, without the app. */
import './class-student.ts';
import { startingLocale, useLocale } from '../i18n/locale.ts';

void useLocale(startingLocale(), false);
