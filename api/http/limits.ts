import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  Lexer,
  type ParseOptions,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValidationRule,
  type ValueNode,
  validate,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Actor } from '../auth/actor.ts';
import { withWorstPageSizes } from './page-sizes.ts';

/** What one document may ask for; the anonymous caller gets a tighter set. */
export type DocumentLimits = { tokens: number; depth: number; aliases: number; cost: number; directives: number };

export type GraphQLLimits = {
  authenticated: DocumentLimits;
  anonymous: DocumentLimits;
  /** Operation definitions in one document. */
  operations: number;
  /** Fields of one response name in one selection set (fragments' fields included, each fragment once). */
  fieldRepeats: number;
  /** Global ids in `nodes(ids:)`, summed over the operation. */
  nodeIds: number;
  /** Request body size over HTTP (and the largest WebSocket message). */
  bodyBytes: number;
  /** Operations running at once on one graphql-ws connection. */
  subscriptionsPerConnection: number;
  /** graphql-ws connections, and separately SSE streams, one API key or user may hold open on one copy. */
  connectionsPerCredential: number;
};

export type Tier = 'anonymous' | 'authenticated';
export type LimitName =
  | keyof DocumentLimits
  | 'operations'
  | 'fieldRepeats'
  | 'nodeIds'
  | 'bodyBytes'
  | 'subscriptionsPerConnection'
  | 'connectionsPerCredential';

/** The error every limit refusal carries: HTTP 400 (413 for the body), code LIMIT_EXCEEDED, which limit and its value. */
export function limitExceeded(limit: LimitName, max: number, message: string, status = 400): GraphQLError {
  // `spec: false`: the status holds for `Accept: application/json` too (Yoga answers 200 to those otherwise).
  return new GraphQLError(message, {
    extensions: { code: 'LIMIT_EXCEEDED', limit, max, http: { status, spec: false } },
  });
}

/**
 * Anonymous when no credential was sent (HTTP) or the WebSocket authenticated as
 * nobody. A request with a credential gets the authenticated limits while its
 * document is parsed and validated, and 401 afterwards if the credential is bad.
 */
export function tierOf(context: { request?: Request; wsActor?: Actor } | undefined): Tier {
  if (context?.wsActor) return context.wsActor.kind === 'anonymous' ? 'anonymous' : 'authenticated';
  const header = context?.request?.headers.get('authorization');
  return header?.trim() ? 'authenticated' : 'anonymous';
}

const RULE_NAMES: Record<Tier, string> = { anonymous: 'parleyAnonymousLimits', authenticated: 'parleyLimits' };

/**
 * Refuses oversized GraphQL documents before any resolver runs, using
 * graphql-armor's maintained limits:
 * - tokens while parsing (the parser stops at the limit, so a 100,000-deep or
 *   megabyte document costs no more than a legal one),
 * - operations per document, then fields repeated in one selection set, then depth,
 *   aliases, directives and cost (all of them count a fragment once, so
 *   fragment-doubling documents stay linear),
 *   checked before graphql's own validation rules run,
 * - ids in `nodes(ids:)` once variables are known, before execution.
 * Every refusal is HTTP 400 with `extensions.code: LIMIT_EXCEEDED`.
 */
export function useGraphQLLimits(limits: GraphQLLimits): Plugin<{ request?: Request; wsActor?: Actor }> {
  const maxTokens = Math.max(limits.authenticated.tokens, limits.anonymous.tokens);
  /** Tokens per parsed document; Yoga caches documents, so this follows them. */
  const tokenCounts = new WeakMap<DocumentNode, number>();
  /** Each tier's verdict per document (empty: within limits). */
  const verdicts: Record<Tier, WeakMap<DocumentNode, readonly GraphQLError[]>> = {
    anonymous: new WeakMap(),
    authenticated: new WeakMap(),
  };

  function parseWithTokenLimit(source: string | Source, options?: ParseOptions): DocumentNode {
    const parser = new MaxTokensParserWLexer(source, {
      ...options,
      n: maxTokens,
      propagateOnRejection: true,
      onReject: [],
      onAccept: [],
    });
    let document: DocumentNode;
    try {
      document = parser.parseDocument();
    } catch (error) {
      if (parser.tokenCount > maxTokens) {
        throw limitExceeded('tokens', maxTokens, `The document has more than ${maxTokens} tokens; send a smaller one.`);
      }
      throw error;
    }
    tokenCounts.set(document, parser.tokenCount);
    return document;
  }

  function check(tier: Tier, schema: Parameters<typeof validate>[0], document: DocumentNode) {
    const cached = verdicts[tier].get(document);
    if (cached) return cached;
    const max = limits[tier];
    const errors: GraphQLError[] = [];
    const tokens = tokenCounts.get(document);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
    // Linear in the document, which the parser already held to the token limit.
    const repeats = mostRepeatedField(document);
    if (tokens !== undefined && tokens > max.tokens) {
      errors.push(
        limitExceeded(
          'tokens',
          max.tokens,
          `The document has ${tokens} tokens; ${who(tier)} may send at most ${max.tokens}.`,
        ),
      );
    } else if (operations > limits.operations) {
      errors.push(
        limitExceeded(
          'operations',
          limits.operations,
          `The document has ${operations} operations; send at most ${limits.operations} in one document.`,
        ),
      );
    } else if (repeats.count > limits.fieldRepeats) {
      errors.push(
        limitExceeded(
          'fieldRepeats',
          limits.fieldRepeats,
          `The document asks for "${repeats.name}" ${repeats.count} times in one selection set; ask for a field at most ${limits.fieldRepeats} times there (an alias names each copy).`,
        ),
      );
    } else {
      const refusal =
        (limit: keyof DocumentLimits, what: string) =>
        (_context: unknown, error: GraphQLError): void => {
          const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1];
          errors.push(
            limitExceeded(
              limit,
              max[limit],
              `The document's ${what} is ${found ?? 'over the limit'}; ${who(tier)} may ask at most ${max[limit]}.`,
            ),
          );
        };
      const common = { propagateOnRejection: false, exposeLimits: true };
      const rules: ValidationRule[] = [
        maxDepthRule({ ...common, n: max.depth, onReject: [refusal('depth', 'depth')] }),
        maxAliasesRule({ ...common, n: max.aliases, onReject: [refusal('aliases', 'number of aliases')] }),
        maxDirectivesRule({ ...common, n: max.directives, onReject: [refusal('directives', 'number of directives')] }),
      ];
      // Only the limit rules: graphql's own rules run afterwards, on documents within the limits.
      validate(schema, document, rules, { maxErrors: 10 });
      if (!errors.length) {
        const cost = costLimitRule({ ...common, maxCost: max.cost, onReject: [refusal('cost', 'estimated cost')] });
        validate(schema, withWorstPageSizes(schema, document), [cost], { maxErrors: 10 });
      }
    }
    verdicts[tier].set(document, errors);
    return errors;
  }

  return {
    // Over HTTP, count tokens before Yoga parses (or finds the document in its cache), so the caller's
    // own token limit holds and the refusal is a 400 (Yoga turns errors thrown by the parser into 200s
    // for `Accept: application/json`).
    onParams({ params, request, setResult }) {
      if (typeof params.query !== 'string') return;
      const tier = tierOf({ request });
      const max = limits[tier].tokens;
      if (countTokens(params.query, max) > max) {
        setResult({
          errors: [
            limitExceeded(
              'tokens',
              max,
              `The document has more than ${max} tokens; ${who(tier)} may send at most ${max}.`,
            ),
          ],
        });
      }
    },
    onParse({ setParseFn }) {
      setParseFn(parseWithTokenLimit);
    },
    onValidate({ context, params, addValidationRule, setResult }) {
      const tier = tierOf(context);
      // Yoga caches validation results by rule names: a rule named after the tier keeps the tiers apart.
      addValidationRule(tierMarker(tier));
      const errors = check(tier, params.schema, params.documentAST);
      if (errors.length) setResult([...errors]);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const ids = countNodeIds(args.document, args.variableValues ?? undefined, args.operationName ?? undefined);
      if (ids > limits.nodeIds) {
        setResultAndStopExecution({
          errors: [
            limitExceeded(
              'nodeIds',
              limits.nodeIds,
              `nodes(ids:) asks for ${ids} ids; ask for at most ${limits.nodeIds} at once.`,
            ),
          ],
        });
      }
    },
  };
}

/** Tokens in a document, counting no further than one past `max`; a syntax error ends the count (the parser reports it). */
export function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // not ours to report
  }
  return count;
}

function who(tier: Tier) {
  return tier === 'anonymous' ? 'a caller without credentials' : 'a caller';
}

const markers = new Map<Tier, ValidationRule>();
function tierMarker(tier: Tier): ValidationRule {
  let rule = markers.get(tier);
  if (!rule) {
    rule = () => ({});
    Object.defineProperty(rule, 'name', { value: RULE_NAMES[tier] });
    markers.set(tier, rule);
  }
  return rule;
}

/**
 * The response name asked for most often in one selection set, counting the fields of its inline
 * fragments and of the fragments it spreads (each fragment once, as graphql merges them). graphql's
 * own validation compares every pair of such fields (OverlappingFieldsCanBeMerged), so one field
 * repeated 500 times costs it some 100,000 comparisons: hundreds of milliseconds for a 2,000-token
 * document. Each fragment's fields are collected once, so this stays linear in the document.
 */
export function mostRepeatedField(document: DocumentNode): { name: string; count: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentCounts = new Map<string, Map<string, number>>();
  const inProgress = new Set<string>();
  let most = { name: '', count: 0 };

  /** Response names of a selection set with their counts; `spread` collects each fragment once. */
  function collect(set: SelectionSetNode, into: Map<string, number>, spread: Set<string>): void {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = (selection.alias ?? selection.name).value;
        into.set(name, (into.get(name) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, into, spread);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        for (const [name, n] of countsOfFragment(selection.name.value)) into.set(name, (into.get(name) ?? 0) + n);
      }
    }
  }
  function countsOfFragment(name: string): Map<string, number> {
    const known = fragmentCounts.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // An unknown or cyclic fragment is graphql's validation's to report.
    if (!fragment || inProgress.has(name)) return new Map();
    inProgress.add(name);
    const counts = new Map<string, number>();
    collect(fragment.selectionSet, counts, new Set([name]));
    inProgress.delete(name);
    fragmentCounts.set(name, counts);
    return counts;
  }
  visit(document, {
    SelectionSet(set) {
      const counts = new Map<string, number>();
      collect(set, counts, new Set());
      for (const [name, count] of counts) if (count > most.count) most = { name, count };
    },
  });
  return most;
}

/** Ids asked of `nodes(ids:)` in the operation that will run (the field exists on Query only). */
export function countNodeIds(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return 0;
  const defaults = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue]) ?? []);
  const lengthOf = (value: ValueNode): number => {
    if (value.kind === Kind.LIST) return value.values.length;
    if (value.kind === Kind.VARIABLE) {
      const given = variables?.[value.name.value];
      if (Array.isArray(given)) return given.length;
      if (given !== undefined && given !== null) return 1;
      const fallback = defaults.get(value.name.value);
      return fallback ? lengthOf(fallback) : 0;
    }
    return value.kind === Kind.NULL ? 0 : 1;
  };
  let total = 0;
  // Fragments are counted where they are defined; a spread twice still asks once per definition.
  visit(document, {
    Field(field) {
      if (field.name.value !== 'nodes') return;
      const ids = field.arguments?.find((a) => a.name.value === 'ids');
      if (ids) total += lengthOf(ids.value);
    },
  });
  return total;
}
