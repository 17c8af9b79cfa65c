import { ESTIMAND_LABELS } from '../evidence/estimands.ts';
import { targetSetWords } from '../evidence/registry.ts';
import { groupLabelWords } from '../report/group-labels.ts';
import { editorWordsModule } from '../scenario/editor-words.ts';
import { PRESET_PLACE_NAMES } from '../scenario/presets.ts';
import { POLICY_MODELS } from '../vocabulary/policy-models.ts';

/**
 * The module `npm run i18n` writes (src/ui/i18n/generated/editor-words.ts): every word the page shows
 * from data (the scenario editor's, the target sets', the group table's, the estimands', the policy
 * models', the presets' place names) as a msg() call.
 */
export function dataWordsModule(): string {
  return editorWordsModule([
    ...targetSetWords(),
    ...groupLabelWords(),
    ...Object.values(ESTIMAND_LABELS),
    ...POLICY_MODELS.map((m) => m.label),
    ...PRESET_PLACE_NAMES,
  ]);
}
