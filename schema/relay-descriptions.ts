import { pageSizes } from '../api/http/page-sizes.ts';

/** What partners read about the types and fields the relay plugin generates (Node, PageInfo, connections, edges). */
export const relayDescriptions = {
  nodeTypeOptions: {
    description:
      'Anything with a global `id`. Fetch any of them again by that id with `node(id:)`; the id is opaque, stable and names its type.',
  },
  idFieldOptions: {
    description:
      'The global id: opaque and stable. Pass it to `node(id:)` or to any argument that takes this type’s id; never parse it.',
  },
  nodeQueryOptions: {
    description:
      'The object with this global id, if it exists and you may read it; null otherwise (a missing object and one you may not read look the same).',
    args: { id: { description: 'A global id this API returned.' } },
  },
  nodesQueryOptions: {
    description:
      'The objects with these global ids, in the order asked, null for each that does not exist or you may not read.',
    args: { ids: { description: 'Global ids this API returned.' } },
  },
  pageInfoTypeOptions: {
    description:
      'Where this page sits in the whole list: pass `endCursor` as `after` (with `first`) for the next page, `startCursor` as `before` (with `last`) for the previous one.',
  },
  hasNextPageFieldOptions: {
    description: 'More items follow this page in the list’s order (fetch them with `after: endCursor`).',
  },
  hasPreviousPageFieldOptions: {
    description: 'More items come before this page (fetch them with `before: startCursor` and `last`).',
  },
  startCursorFieldOptions: {
    description: 'The cursor of the first item of this page; null when the page is empty.',
  },
  endCursorFieldOptions: {
    description: 'The cursor of the last item of this page; null when the page is empty.',
  },
  defaultConnectionTypeOptions: {
    description:
      'One page of a list, in the order the field describes: its items in `edges`, and in `pageInfo` how to ask for the next or previous page.',
  },
  defaultEdgeTypeOptions: {
    description: 'One item of a page and its cursor, to continue the list from this item.',
  },
  edgesFieldOptions: { description: 'The items of this page, each with its cursor, in the list’s order.' },
  pageInfoFieldOptions: {
    description: 'Whether there are more items before or after this page, and the cursors to reach them.',
  },
  nodeFieldOptions: { description: 'The item itself.' },
  cursorFieldOptions: {
    description: 'An opaque position in the list: pass it as `after` or `before` to page on from this item.',
  },
  firstArgOptions: {
    description: `At most this many items from the start (or after \`after\`). Unless the field says otherwise, ${pageSizes.default} when neither \`first\` nor \`last\` is given, and at most ${pageSizes.max}: a larger number returns ${pageSizes.max}.`,
  },
  lastArgOptions: {
    description: 'At most this many items from the end (or before `before`); with `before`, to page backwards.',
  },
  afterArgOptions: { description: 'Items after this cursor (an `endCursor` or edge `cursor` this field returned).' },
  beforeArgOptions: { description: 'Items before this cursor (a `startCursor` or edge `cursor` this field returned).' },
} as const;
