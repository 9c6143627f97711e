/** A trial's causal chain in a few plain steps (the trace's `chain`, as `petrov trace` prints it). */
export function CausalChain({ steps }: { readonly steps: readonly string[] }) {
  if (steps.length === 0) return null;
  return (
    <ol className="causal-chain" data-testid="causal-chain" aria-label="causal chain">
      {steps.map((step, i) => (
        <li key={i}>{step}</li>
      ))}
    </ol>
  );
}
