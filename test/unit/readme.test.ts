import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the cluster guide', () => {
  const readme = readFileSync('docs/cluster.md', 'utf8');

  it('shows the Slurm job-array script that test/slurm/slurm-sweep.sh submits, word for word', () => {
    const script = readFileSync('scenarios/sweeps/sweep.sbatch', 'utf8');
    expect(script).toMatch(/#SBATCH --array=/);
    expect(readme).toContain('```sh\n' + script + '```');
    expect(readFileSync('test/slurm/slurm-sweep.sh', 'utf8')).toContain('scenarios/sweeps/sweep.sbatch');
    expect(readFileSync('.ci/run', 'utf8')).toContain('bash test/slurm/slurm-sweep.sh');
  });
});
