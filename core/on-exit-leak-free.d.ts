// Types of on-exit-leak-free (pino's own exit hook; the package ships none): what core/platform.ts uses.
declare module 'on-exit-leak-free' {
  /** Calls fn(obj, event) on process exit while obj is alive (held weakly). */
  export function register<T extends object>(obj: T, fn: (obj: T, event: 'exit') => void): void;
  export function unregister(obj: object): void;
  const onExit: { register: typeof register; unregister: typeof unregister };
  export default onExit;
}
