import { SRC, int, num, section, share } from '../param.ts';

/** Households and the social ties that carry news, trust and fear between them. */
export const Community = section(
  {
    householdSizeNonLatino: num(2.4, 1, 8, { unit: 'residents per household', description: 'Mean size of non-Latino households.', source: 'assumption (U.S. Census average household size)' }),
    householdSizeLatino: num(3.2, 1, 8, { unit: 'residents per household', description: 'Mean size of Latino households.', source: 'assumption (U.S. Census average for Hispanic householders)' }),
    undocumentedMemberShare: share(0.45, {
      description:
        'In a household whose head is undocumented, the chance that each other member is undocumented too; the rest are U.S.-born citizens (children), which makes mixed-status households.',
      source: SRC.assumption,
    }),
    segregation: share(0.5, {
      unit: 'spread (0–1)',
      description: "How unevenly Latino households spread over neighbourhoods: a neighbourhood's Latino share is the jurisdiction's share times 1 ± this value.",
      source: SRC.assumption,
    }),
    tiesPerResident: int(3, 0, 8, { unit: 'ties', description: 'Social ties each resident has outside the household (friends, kin, co-workers).', source: SRC.assumption }),
    localTieShare: share(0.6, { description: 'Share of ties to someone in the same neighbourhood; the rest go elsewhere in the jurisdiction or across the border.', source: SRC.assumption }),
    crossBorderTieShare: share(0.1, { description: 'Share of non-local ties that go to a resident of a neighbouring jurisdiction, so effects spill over the border.', source: SRC.assumption }),
    homophily: share(0.8, { description: 'Chance that a tie goes to someone of the same ethnicity when the first pick is not.', source: SRC.assumption }),
  },
  'Households and social ties.',
);
