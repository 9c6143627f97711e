#!/usr/bin/env bash
# Slurm job array: one shard of a Petrov run per array task, then merge.
#   sbatch --array=0-15 deploy/slurm-shards.sh
#   petrov merge results/part-*.json --json > results/run.json   (after the array finishes)
# Every task must see the same checkout (same Petrov version) and scenario file.
#SBATCH --job-name=petrov-shards
#SBATCH --cpus-per-task=4
#SBATCH --time=01:00:00
#SBATCH --output=results/slurm-%A_%a.log
set -euo pipefail

SCENARIO=${SCENARIO:-scenarios/korean-peninsula-2026.yaml}
RUNS=${RUNS:-10000000}
SEED=${SEED:-1}
COUNT=${SLURM_ARRAY_TASK_COUNT:?run as a job array}
INDEX=${SLURM_ARRAY_TASK_ID:?run as a job array}

mkdir -p results
npx petrov run "$SCENARIO" --runs "$RUNS" --seed "$SEED" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --shard "$INDEX/$COUNT" --out "results/part-$INDEX.json"
