/** The little of AgentScript (no types of its own) that the peers bench uses. */
declare module 'agentscript' {
  export interface Turtle {
    [key: string]: unknown;
  }
  export class Model {
    constructor(worldOptions?: unknown);
    turtles: { create(n: number, init: (t: Turtle) => void): void; ask(fn: (t: Turtle) => void): void; length: number };
  }
}
