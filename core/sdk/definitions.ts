// A response schema written once as a JSON file under schemas/, its repeated parts as local
// `definitions` (so that `npm run types` names each once), made fit for a route: every
// `{"$ref": "#/definitions/x"}` replaced by the definition itself. Fastify's serialiser and
// validator and the OpenAPI document then see one self-contained schema, wherever it is nested.

type Json = unknown;

export function inlineDefinitions<T extends Record<string, unknown>>(schema: T): Omit<T, 'definitions' | '$schema'> {
  const { definitions = {}, $schema: _s, ...rest } = schema as { definitions?: Record<string, Json>; $schema?: string } & Record<string, Json>;
  const inline = (node: Json, seen: string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => inline(n, seen));
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const name = /^#\/definitions\/([^/]+)$/.exec(ref)?.[1];
      if (!name || !(name in definitions)) throw new Error(`unsupported $ref ${ref}: only #/definitions/<name> of the same file`);
      if (seen.includes(name)) throw new Error(`recursive definition ${name}`);
      return inline(definitions[name], [...seen, name]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, seen)]));
  };
  return inline(rest, []) as Omit<T, 'definitions' | '$schema'>;
}
