/**
 * The bench's scenario, as a plain input any engine version can resolve: three counties side by side,
 * a Task Force with trust-building, a Jail Enforcement county and a sanctuary county.
 */
export function fullModelInput(residents: number, years: number): Record<string, unknown> {
  const per = Math.round(residents / 3);
  const side = Math.max(4, Math.round(Math.sqrt(per / 800)));
  const j = (name: string, policy: Record<string, unknown>) => ({ name, residents: per, gridWidth: side, gridHeight: side, policy });
  return {
    name: `bench ${residents}`,
    run: { years, activationDay: Math.round(years * 365 * 0.3), burnInWeeks: 4 },
    jurisdictions: [
      j('Task Force', { model: 'taskForce', trustBuilding: true }),
      j('Jail', { model: 'jailEnforcement' }),
      j('Sanctuary', { model: 'none', sanctuary: true }),
    ],
  };
}
