/** fast-check's seed: pinned by default, overridable with FC_SEED to explore or replay. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261128);
