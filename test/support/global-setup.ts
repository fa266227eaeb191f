// Placeholder until the messaging and e2e harness lands: isolates a run by namespace.
export default function setup(): void {}
