import type { Locale, Localized } from '../domain/locales';
import { t } from '../i18n';
import { disclosuresJsonSchema, indexJsonSchema } from './json-schema';
import { DATA_FILES } from './records';

/** The parts of a generated JSON Schema the data dictionary reads. */
export interface SchemaNode {
  type?: string;
  const?: unknown;
  format?: string;
  description?: string;
  'x-description-zh'?: string;
  'x-unit'?: Localized;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

export interface FieldRow {
  /** Dotted path, `[]` for each array item, e.g. `projects[].amount.yuan`. */
  path: string;
  /** JSON type, with the format or constant where there is one, e.g. `string (date)`. */
  type: string;
  unit: Localized | null;
  description: Localized;
}

/** The withheld marker is documented once, under this name, rather than at every field that may carry it. */
const WITHHELD_TYPE = 'withheld';

const isWithheldNode = (node: SchemaNode) =>
  node.type === 'object' &&
  node.properties !== undefined &&
  'withheld' in node.properties &&
  'explanation' in node.properties;

function typeName(node: SchemaNode): string {
  const branches = node.anyOf ?? node.oneOf;
  if (branches) return branches.map(typeName).join(' | ');
  if (isWithheldNode(node)) return WITHHELD_TYPE;
  if (node.const !== undefined) return `${node.type ?? 'const'} = ${JSON.stringify(node.const)}`;
  if (node.type === 'array' && node.items) return `array of ${typeName(node.items)}`;
  return node.format ? `${node.type ?? 'any'} (${node.format})` : (node.type ?? 'any');
}

/**
 * Every field of a JSON Schema generated from the data schema, depth first, in
 * declaration order: the rows of the data dictionary.
 */
export function fieldRows(schema: SchemaNode, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  const visit = (node: SchemaNode, path: string) => {
    rows.push({
      path,
      type: typeName(node),
      unit: node['x-unit'] ?? null,
      description: {
        en: node.description ?? '',
        zh: node['x-description-zh'] ?? node.description ?? '',
      },
    });
    descend(node, path);
  };
  const descend = (node: SchemaNode, path: string) => {
    for (const branch of node.anyOf ?? node.oneOf ?? []) {
      if (!isWithheldNode(branch)) descend(branch, path);
    }
    if (node.items && !isWithheldNode(node.items)) descend(node.items, `${path}[]`);
    if (node.properties && !isWithheldNode(node)) {
      for (const [key, child] of Object.entries(node.properties))
        visit(child, path ? `${path}.${key}` : key);
    }
  };
  if (prefix) visit(schema, prefix);
  else descend(schema, '');
  return rows;
}

/** The fields of the withheld marker, documented once. */
export function withheldRows(schema: SchemaNode): FieldRow[] {
  const found = findNode(schema, isWithheldNode);
  if (!found?.properties) return [];
  return Object.entries(found.properties).flatMap(([key, child]) =>
    fieldRows(child, `${WITHHELD_TYPE}.${key}`),
  );
}

function findNode(node: SchemaNode, test: (node: SchemaNode) => boolean): SchemaNode | undefined {
  if (test(node)) return node;
  const children = [
    ...Object.values(node.properties ?? {}),
    ...(node.items ? [node.items] : []),
    ...(node.anyOf ?? []),
    ...(node.oneOf ?? []),
  ];
  for (const child of children) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/** One table of the data dictionary: its anchor, heading, note and rows. */
export interface DictionaryTable {
  id: string;
  heading: string;
  note?: string;
  rows: FieldRow[];
}

/** The data dictionary, read off the generated JSON Schema, so that it documents exactly what the files hold. */
export function buildDictionaryTables(locale: Locale): DictionaryTable[] {
  const d = t(locale);
  const schema = disclosuresJsonSchema(DATA_FILES.schema) as SchemaNode;
  return [
    { id: 'json-fields', heading: d.data.jsonFields, rows: fieldRows(schema) },
    {
      id: 'index-fields',
      heading: d.data.indexFields,
      note: d.data.indexFieldsNote,
      rows: fieldRows(indexJsonSchema(DATA_FILES.indexSchema)),
    },
    {
      id: 'withheld-fields',
      heading: d.data.withheldFields,
      note: d.data.withheldFieldsNote,
      rows: withheldRows(schema),
    },
  ];
}
