import { SRC, int, num, section, share } from '../param.ts';

/** Households and the social ties that carry news, trust and fear between them. */
export const Community = section(
  {
    householdSizeNonLatino: num(2.4, 1, 8, {
      unit: 'residents per household',
      description: 'Mean size of non-Latino households.',
      source: 'assumption (U.S. Census average household size)',
    }),
    householdSizeLatino: num(3.2, 1, 8, {
      unit: 'residents per household',
      description: 'Mean size of Latino households.',
      source: 'assumption (U.S. Census average for Hispanic householders)',
    }),
    undocumentedMemberShare: share(0.45, {
      description:
        'In a household whose head is undocumented, the chance that each other member is undocumented too; the rest are U.S.-born citizens (children), which makes mixed-status households.',
      source: SRC.assumption,
    }),
    segregation: share(0.5, {
      unit: 'spread (0–1)',
      description:
        "How unevenly Latino households spread over neighbourhoods: a neighbourhood's Latino share is the jurisdiction's share times 1 ± this value.",
      source: SRC.assumption,
    }),
    tiesPerResident: int(3, 0, 8, {
      unit: 'ties',
      description: 'Social ties each resident has outside the household: kin and friends, and the rest neighbourhood, church or workplace ties.',
      source: SRC.assumption,
    }),
    kinTies: int(1, 0, 8, {
      unit: 'ties',
      description:
        'How many of those ties are kin and friends (anywhere in the jurisdiction or across the border); the others are neighbourhood, church or workplace ties in the same neighbourhood. A value above tiesPerResident makes every tie a kin tie.',
      source: SRC.assumption,
    }),
    localTieShare: share(0.5, {
      description: 'Share of kin and friend ties in the same neighbourhood; the rest go elsewhere in the jurisdiction or across the border.',
      source: SRC.assumption,
    }),
    crossBorderTieShare: share(0.1, {
      description:
        'Share of kin and friend ties outside the neighbourhood that go to a resident of a neighbouring jurisdiction, so effects spill over the border.',
      source: SRC.assumption,
    }),
    homophily: share(0.8, {
      description:
        "Expected share of a Latino resident's ties that go to Latino residents: each tie's group is chosen first (same group with this chance), then the person.",
      source: 'assumption (strong ethnic homophily in U.S. personal networks)',
    }),
    homophilyNonLatino: share(0.95, {
      description: "Expected share of a non-Latino resident's ties that go to non-Latino residents.",
      source: 'assumption (strong ethnic homophily in U.S. personal networks)',
    }),
    householdInfluence: share(1, {
      unit: 'weight',
      description:
        'Weight of a household member in social influence (trust, fear, belief), relative to a kin or friend tie (weight 1). The household takes its turn with the ties week by week.',
      source: SRC.assumption,
    }),
    localTieInfluence: share(0.5, {
      unit: 'weight',
      description: 'Weight of a neighbourhood, church or workplace tie in social influence, relative to a kin or friend tie.',
      source: SRC.assumption,
    }),
    crossGroupInfluence: share(0.5, { unit: 'weight', description: 'Multiplier on the influence of a tie of the other ethnicity.', source: SRC.assumption }),
  },
  'Households and social ties.',
);
